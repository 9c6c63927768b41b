package dev.qcurate.query.duplicates;

import dev.qcurate.query.projection.LocalState;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Feeds this instance's in-memory {@link DuplicateIndex} from the read model, which stays the source of truth. Every
 * instance has its own index, fed by its own {@link TopicTail} (not by the projecting transaction, which runs on one
 * instance only): at start-up and after a rebuild the index is loaded from the {@code question} and
 * {@code question_alias} tables, and afterwards each tail batch re-reads the questions it touched, once the read model
 * has applied it. Readers that need the index itself wait on the tail's watermark. PROPOSED and ACTIVE questions are
 * candidates; REJECTED, RETIRED and MERGED ones stay in the index (their own candidates can still be asked for) but
 * are never proposed. A merged question's text lives on as an alias of its target.
 *
 * <p>A load fills a new index beside the one lookups use, and switches them to it when complete. It indexes from the
 * stored vectors only; texts no instance has embedded yet go to the
 * {@link EmbeddingBacklog}, and are found by their terms until it has embedded them. Questions touched by the tail
 * are embedded as they are indexed, so that what {@code minPosition} waits for is indexed in full.
 */
@Component
public class DuplicateProjection implements LocalState, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DuplicateProjection.class);
    private static final Set<QuestionStatus> SEARCHABLE = EnumSet.of(QuestionStatus.PROPOSED, QuestionStatus.ACTIVE);
    /** Questions per index write: the texts not embedded yet are embedded together. */
    private static final int WRITE_CHUNK = 512;

    /** 1 while a load fills a new index (lookups use the old one meanwhile), else 0. */
    static final String RELOADING_METRIC = "qcurate.duplicates.index.reloading";

    private final DuplicateIndex index;
    private final JdbcTemplate jdbc;
    private final EmbeddingBacklog backlog;
    private volatile boolean reloading;

    DuplicateProjection(DuplicateIndex index, TextVectors vectors, JdbcTemplate jdbc, MeterRegistry meters) {
        this.index = index;
        this.jdbc = jdbc;
        this.backlog = new EmbeddingBacklog(vectors, this::read, this::reindex, meters);
        Gauge.builder(RELOADING_METRIC, this, projection -> projection.reloading ? 1 : 0)
                .description("1 while the duplicate index is being loaded beside the one lookups use")
                .register(meters);
    }

    @Override
    public synchronized void reload() {
        reloading = true;
        try {
            load();
        } finally {
            reloading = false;
        }
    }

    private void load() {
        backlog.clear();
        List<IndexEntry> questions = read(null);
        DuplicateIndex.Reload reload = index.reload();
        List<IndexEntry> incomplete = new ArrayList<>();
        for (List<IndexEntry> chunk : chunks(questions)) {
            incomplete.addAll(reload.upsertAllStored(chunk));
        }
        reload.commit(); // lookups never see a half-loaded index
        backlog.add(incomplete);
        if (backlog.size() > 0) {
            log.info(
                    "{} of {} questions indexed without their sentence vectors, found by their terms until embedded",
                    backlog.size(),
                    questions.size());
        }
    }

    /** Re-reads the questions the events touched and writes them to the index. */
    @Override
    public synchronized void apply(List<StoredEvent> events) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            touchedQuestion(event.payload()).ifPresent(touched::add);
        }
        if (!touched.isEmpty()) {
            chunks(read(touched)).forEach(index::upsertAll);
        }
    }

    /** For the backlog: the questions as they are now, from the vectors it stored; those still lacking one. */
    private synchronized Set<UUID> reindex(Set<UUID> ids) {
        return index.upsertAllStored(read(ids)).stream()
                .map(IndexEntry::questionId)
                .collect(Collectors.toSet());
    }

    private static List<List<IndexEntry>> chunks(List<IndexEntry> questions) {
        List<List<IndexEntry>> chunks = new ArrayList<>();
        for (int start = 0; start < questions.size(); start += WRITE_CHUNK) {
            chunks.add(questions.subList(start, Math.min(questions.size(), start + WRITE_CHUNK)));
        }
        return chunks;
    }

    /** Every question event changes what the index holds of its question, except a change of its tags. */
    private static java.util.Optional<UUID> touchedQuestion(Object payload) {
        return payload instanceof QuestionEvent e && !(e instanceof QuestionTagsChangedEvent)
                ? java.util.Optional.of(e.questionId().value())
                : java.util.Optional.empty();
    }

    /** The questions' current rows with their aliases; all of them when {@code ids} is null. */
    private List<IndexEntry> read(Set<UUID> ids) {
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
                    return new IndexEntry(
                            id,
                            rs.getString(2),
                            aliases.getOrDefault(id, List.of()),
                            SEARCHABLE.contains(QuestionStatus.valueOf(rs.getString(3))));
                },
                arguments);
    }

    @Override
    public void destroy() {
        backlog.close();
    }
}
