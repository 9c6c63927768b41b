package dev.qcurate.query.question;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Questions with their current state, every step of their history, the aliases merges gave them and how many questions
 * carry each tag ({@link TagUsage}). A batch is applied in memory: one query reads the rows its events update, then the
 * new rows, the updated rows, the history steps, the tag counts and the alias changes are written with one batched
 * statement each.
 */
@Component
class QuestionProjection implements Projection {

    private final JdbcTemplate jdbc;

    QuestionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.QUESTIONS;
    }

    @Override
    public void apply(StoredEvent event) {
        applyBatch(List.of(event));
    }

    @Override
    public void applyBatch(List<StoredEvent> events) {
        Map<UUID, Row> rows = load(events);
        List<Object[]> history = new ArrayList<>();
        Map<List<UUID>, String> aliases = new LinkedHashMap<>(); // (question, source) -> alias, or null: deleted
        Set<List<UUID>> aliasesDeleted = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            Object payload = event.payload();
            UUID id = QuestionState.subject(payload);
            if (id == null) {
                continue;
            }
            if (payload instanceof QuestionProposedEvent e) {
                Row row = new Row(QuestionState.proposed(e), e, event);
                rows.put(id, row);
                history.add(step(row, event, "PROPOSED", e.proposalId()));
                continue;
            }
            if (payload instanceof DuplicateAbsorbedEvent e) {
                aliases.put(List.of(id, e.sourceId().value()), e.alias());
            } else if (payload instanceof DuplicateReleasedEvent e) {
                List<UUID> key = List.of(id, e.sourceId().value());
                if (aliases.containsKey(key) && aliases.get(key) != null) {
                    aliases.remove(key); // added in this batch: never written
                } else {
                    aliases.put(key, null);
                }
                aliasesDeleted.add(key);
            }
            Row row = rows.get(id);
            if (row == null) {
                continue; // no such question: nothing to update, no history (as an UPDATE of no row)
            }
            row.state = row.state.next(payload);
            row.updatedAt = at(event);
            row.changed = true;
            history.add(step(row, event, QuestionState.step(payload), QuestionState.proposalOf(payload)));
        }
        write(rows.values(), history, aliases, aliasesDeleted);
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE question, question_history, question_alias, tag_usage");
    }

    /** The existing rows of the questions the batch updates, in one query. */
    private Map<UUID, Row> load(List<StoredEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            UUID id = QuestionState.subject(event.payload());
            if (id != null && !(event.payload() instanceof QuestionProposedEvent)) {
                ids.add(id);
            }
        }
        Map<UUID, Row> rows = new HashMap<>();
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
                            new Row(new QuestionState(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    tags == null ? List.of() : List.of((String[]) tags.getArray()),
                                    rs.getObject(6, UUID.class))));
                },
                (Object) ids.toArray(UUID[]::new));
        return rows;
    }

    private void write(
            Iterable<Row> rows,
            List<Object[]> history,
            Map<List<UUID>, String> aliases,
            Set<List<UUID>> aliasesDeleted) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        TagUsage usage = new TagUsage();
        for (Row row : rows) {
            QuestionState s = row.state;
            if (row.proposed != null || row.changed) {
                usage.count(row.before, s);
            }
            if (row.proposed != null) {
                QuestionProposedEvent e = row.proposed;
                SourceRef source = e.source();
                inserts.add(new Object[] {
                    s.id(),
                    s.text(),
                    s.status(),
                    s.revision(),
                    array(s.tags()),
                    s.mergedInto(),
                    e.proposalId().value(),
                    e.proposedBy(),
                    source == null ? null : source.document(),
                    source == null ? null : source.line(),
                    source == null ? null : source.importId(),
                    row.createdAt,
                    row.updatedAt
                });
            } else if (row.changed) {
                updates.add(new Object[] {
                    s.text(), s.status(), s.revision(), array(s.tags()), s.mergedInto(), row.updatedAt, s.id()
                });
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO question (id, text, status, revision, tags, merged_into, proposal_id, proposed_by,
                                          source_document, source_line, import_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE question SET text = ?, status = ?, revision = ?, tags = ?, merged_into = ?, updated_at = ?
                    WHERE id = ?""", updates);
        }
        usage.write(jdbc);
        if (!history.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO question_history (question_id, position, revision, event, text, status, actor,
                                                  proposal_id, at, tags)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", history);
        }
        if (!aliasesDeleted.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM question_alias WHERE question_id = ? AND source_id = ?",
                    aliasesDeleted.stream()
                            .map(key -> new Object[] {key.get(0), key.get(1)})
                            .toList());
        }
        List<Object[]> aliasInserts = aliases.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry ->
                        new Object[] {entry.getKey().get(0), entry.getKey().get(1), entry.getValue()})
                .toList();
        if (!aliasInserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO question_alias (question_id, source_id, alias) VALUES (?, ?, ?)", aliasInserts);
        }
    }

    private static Object[] step(Row row, StoredEvent event, String step, ProposalId proposalId) {
        QuestionState s = row.state;
        return new Object[] {
            s.id(),
            event.position(),
            s.revision(),
            step,
            s.text(),
            s.status(),
            event.actor(),
            proposalId == null ? null : proposalId.value(),
            at(event),
            array(s.tags())
        };
    }

    private static Timestamp at(StoredEvent event) {
        return Timestamp.from(event.at());
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    /** A question's row during a batch: created by it ({@code proposed}), or read and perhaps changed by it. */
    private static final class Row {
        QuestionState state;
        /** The row as it was before the batch; null for one the batch creates. */
        final QuestionState before;

        final QuestionProposedEvent proposed;
        final Timestamp createdAt;
        Timestamp updatedAt;
        boolean changed;

        Row(QuestionState state) {
            this.state = state;
            this.before = state;
            this.proposed = null;
            this.createdAt = null;
        }

        Row(QuestionState state, QuestionProposedEvent proposed, StoredEvent event) {
            this.state = state;
            this.before = null;
            this.proposed = proposed;
            this.createdAt = at(event);
            this.updatedAt = createdAt;
        }
    }
}
