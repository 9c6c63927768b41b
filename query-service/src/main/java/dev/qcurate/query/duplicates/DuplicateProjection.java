package dev.qcurate.query.duplicates;

import dev.qcurate.query.projection.LocalState;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feeds this instance's in-memory {@link DuplicateIndex} from the read model, which stays the source of truth. Every
 * instance has its own index, fed by its own {@link TopicTail} (not by the projecting transaction, which runs on one
 * instance only): at start-up and after a rebuild the index is loaded from the {@code question} and
 * {@code question_alias} tables, and afterwards each tail batch re-reads the questions it touched, once the read model
 * has applied it. Readers that need the index itself wait on the tail's watermark. PROPOSED and ACTIVE questions are
 * candidates; REJECTED, RETIRED and MERGED ones stay in the index (their own candidates can still be asked for) but
 * are never proposed. A merged question's text lives on as an alias of its target.
 */
@Component
public class DuplicateProjection implements LocalState {

    private static final Set<String> SEARCHABLE = Set.of("PROPOSED", "ACTIVE");
    /** Questions per index write: the texts not embedded yet are embedded together. */
    private static final int WRITE_CHUNK = 512;

    private final DuplicateIndex index;
    private final JdbcTemplate jdbc;

    DuplicateProjection(DuplicateIndex index, JdbcTemplate jdbc) {
        this.index = index;
        this.jdbc = jdbc;
    }

    @Override
    public void reload() {
        index.clear();
        writeAll(read(null));
    }

    /** Re-reads the questions the events touched and writes them to the index. */
    @Override
    public void apply(List<StoredEvent> events) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            touchedQuestion(event.payload()).ifPresent(touched::add);
        }
        if (!touched.isEmpty()) {
            writeAll(read(touched));
        }
    }

    private void writeAll(List<IndexedQuestion> questions) {
        for (int start = 0; start < questions.size(); start += WRITE_CHUNK) {
            index.upsertAll(questions.subList(start, Math.min(questions.size(), start + WRITE_CHUNK)).stream()
                    .map(IndexedQuestion::entry)
                    .toList());
        }
    }

    private static java.util.Optional<UUID> touchedQuestion(Object payload) {
        UUID id = null;
        if (payload instanceof QuestionProposedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionAcceptedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRejectedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRewordedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRevertedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof ProposedQuestionAmendedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRetiredEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionMergedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionUnmergedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof DuplicateReleasedEvent e) {
            id = e.questionId().value();
        }
        return java.util.Optional.ofNullable(id);
    }

    /** The questions' current rows with their aliases; all of them when {@code ids} is null. */
    private List<IndexedQuestion> read(Set<UUID> ids) {
        String where = ids == null ? "" : " WHERE id = ANY (?)";
        String aliasWhere = ids == null ? "" : " WHERE question_id = ANY (?)";
        Object[] arguments = ids == null ? new Object[0] : new Object[] {ids.toArray(UUID[]::new)};
        Map<UUID, List<String>> aliases = new HashMap<>();
        jdbc.query(
                "SELECT question_id, alias FROM question_alias" + aliasWhere + " ORDER BY question_id, source_id",
                rs -> {
                    aliases.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                arguments);
        return jdbc.query(
                "SELECT id, text, status FROM question" + where,
                (rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new IndexedQuestion(
                            id,
                            rs.getString(2),
                            aliases.getOrDefault(id, List.of()),
                            SEARCHABLE.contains(rs.getString(3)));
                },
                arguments);
    }

    private record IndexedQuestion(UUID id, String text, List<String> aliases, boolean searchable) {

        IndexEntry entry() {
            return new IndexEntry(id, text, aliases, searchable);
        }
    }
}
