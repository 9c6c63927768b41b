package dev.qcurate.query.question;

import dev.qcurate.query.question.QuestionBatch.HistoryEntry;
import dev.qcurate.query.question.QuestionBatch.Row;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.SourceRef;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every statement the question projection runs: it reads the rows a batch updates in one query, and writes what
 * the {@link QuestionBatch} worked out with one batched statement per kind of change, the tag counts
 * ({@link TagUsage}) included.
 */
@Component
@RequiredArgsConstructor
class QuestionStore {

    private final JdbcTemplate jdbc;

    /** The current rows of these questions; questions without a row are absent. */
    Map<UUID, QuestionState> load(Set<UUID> ids) {
        Map<UUID, QuestionState> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.query(
                "SELECT id, text, status, revision, tags, merged_into FROM question WHERE id = ANY (?)",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    java.sql.Array tags = rs.getArray(5);
                    rows.put(
                            id,
                            new QuestionState(
                                    id,
                                    rs.getString(2),
                                    QuestionStatus.valueOf(rs.getString(3)),
                                    rs.getInt(4),
                                    tags == null ? List.of() : List.of((String[]) tags.getArray()),
                                    rs.getObject(6, UUID.class)));
                },
                (Object) ids.toArray(UUID[]::new));
        return rows;
    }

    void save(QuestionBatch batch) {
        List<Object[]> inserts =
                batch.created().stream().map(QuestionStore::insert).toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO question (id, text, status, revision, tags, merged_into, proposal_id, proposed_by,
                                          source_document, source_line, import_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        List<Object[]> updates = batch.changed().stream()
                .map(row -> {
                    QuestionState s = row.state;
                    return new Object[] {
                        s.text(),
                        s.status().name(),
                        s.revision(),
                        array(s.tags()),
                        s.mergedInto(),
                        at(row.updatedAt),
                        s.id()
                    };
                })
                .toList();
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE question SET text = ?, status = ?, revision = ?, tags = ?, merged_into = ?, updated_at = ?
                    WHERE id = ?""", updates);
        }
        TagUsage usage = new TagUsage();
        batch.created().forEach(row -> usage.count(row.before, row.state));
        batch.changed().forEach(row -> usage.count(row.before, row.state));
        usage.write(jdbc);
        List<Object[]> history =
                batch.history().stream().map(QuestionStore::history).toList();
        if (!history.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO question_history (question_id, position, revision, event, text, status, actor,
                                                  proposal_id, at, tags)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", history);
        }
        if (!batch.aliasesDeleted().isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM question_alias WHERE question_id = ? AND source_id = ?",
                    batch.aliasesDeleted().stream()
                            .map(key -> new Object[] {key.questionId(), key.sourceId()})
                            .toList());
        }
        List<Object[]> aliases = new ArrayList<>();
        batch.aliasesAdded()
                .forEach((key, alias) -> aliases.add(new Object[] {key.questionId(), key.sourceId(), alias}));
        if (!aliases.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO question_alias (question_id, source_id, alias) VALUES (?, ?, ?)", aliases);
        }
    }

    void reset() {
        jdbc.execute("TRUNCATE question, question_history, question_alias, tag_usage");
    }

    private static Object[] insert(Row row) {
        QuestionState s = row.state;
        QuestionProposedEvent e = row.proposed;
        SourceRef source = e.source();
        return new Object[] {
            s.id(),
            s.text(),
            s.status().name(),
            s.revision(),
            array(s.tags()),
            s.mergedInto(),
            e.proposalId().value(),
            e.proposedBy(),
            source == null ? null : source.document(),
            source == null ? null : source.line(),
            source == null ? null : source.importId(),
            at(row.createdAt),
            at(row.updatedAt)
        };
    }

    private static Object[] history(HistoryEntry entry) {
        QuestionState s = entry.state();
        return new Object[] {
            s.id(),
            entry.position(),
            s.revision(),
            entry.step().name(),
            s.text(),
            s.status().name(),
            entry.actor(),
            entry.proposalId(),
            at(entry.at()),
            array(s.tags())
        };
    }

    private static Timestamp at(Instant at) {
        return Timestamp.from(at);
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
