package dev.qcurate.query.curatedlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ListStore}'s writes for a projection batch, when it ends: one batched statement per kind, closes before
 * opens (both use the same open-interval marker), and each version queued for the change feed.
 */
@RequiredArgsConstructor
final class ListBatchWrites {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    void save(ListChanges changes) {
        List<Object[]> newLists = new ArrayList<>();
        List<Object[]> headers = new ArrayList<>();
        List<Object[]> entriesGone = new ArrayList<>();
        List<Object[]> entriesNew = new ArrayList<>();
        for (ListState list : changes.lists) {
            if (list.created) {
                newLists.add(new Object[] {
                    list.id,
                    list.name,
                    list.title,
                    list.description,
                    list.version,
                    list.size,
                    Timestamp.from(list.createdAt),
                    Timestamp.from(list.updatedAt)
                });
            } else if (list.headerChanged) {
                headers.add(new Object[] {list.version, list.size, Timestamp.from(list.updatedAt), list.id});
            }
            list.entriesBefore.forEach((question, key) -> {
                BigDecimal now = list.entries.get(question);
                if (now == null || now.compareTo(key) != 0) {
                    entriesGone.add(new Object[] {list.id, question});
                }
            });
            list.entries.forEach((question, key) -> {
                BigDecimal then = list.entriesBefore.get(question);
                if (then == null || then.compareTo(key) != 0) {
                    entriesNew.add(new Object[] {list.id, question, key});
                }
            });
        }
        batch("""
                INSERT INTO curated_list (id, name, title, description, version, size, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", newLists);
        batch("UPDATE curated_list SET version = ?, size = ?, updated_at = ? WHERE id = ?", headers);
        batch("DELETE FROM list_entry WHERE list_id = ? AND question_id = ?", entriesGone);
        batch("INSERT INTO list_entry (list_id, question_id, sort_key) VALUES (?, ?, ?)", entriesNew);
        batch(
                "UPDATE list_view_row SET valid_to = ? WHERE list_id = ? AND question_id = ? AND valid_to = ?",
                rows(changes.rowsClosed, c -> new Object[] {c.validTo(), c.listId(), c.questionId(), ListState.OPEN}));
        batch("""
                INSERT INTO list_view_row (list_id, question_id, valid_from, valid_to, sort_key, text, tags, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows(changes.rowsOpened, o -> {
            ViewRow row = o.open().row;
            return new Object[] {
                o.listId(),
                row.questionId(),
                o.open().validFrom,
                o.open().validTo,
                row.sortKey(),
                row.text(),
                row.tags().toArray(String[]::new),
                row.revision()
            };
        }));
        batch("""
                DELETE FROM list_view_alias WHERE list_id = ? AND source_id = ? AND target_id = ?
                AND valid_from = ? AND valid_to = ?""", rows(changes.aliasesDropped, d ->
                new Object[] {d.listId(), d.alias().sourceId(), d.alias().targetId(), d.validFrom(), ListState.OPEN}));
        batch("""
                UPDATE list_view_alias SET valid_to = ? WHERE list_id = ? AND source_id = ? AND target_id = ?
                AND valid_to = ?""", rows(changes.aliasesClosed, c -> new Object[] {
            c.validTo(), c.listId(), c.alias().sourceId(), c.alias().targetId(), ListState.OPEN
        }));
        batch(
                """
                INSERT INTO list_view_alias (list_id, source_id, target_id, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                rows(
                        changes.aliasesOpened.stream()
                                .filter(o -> !o.open().deleted)
                                .toList(),
                        o -> new Object[] {
                            o.listId(),
                            o.open().alias.sourceId(),
                            o.open().alias.targetId(),
                            o.open().validFrom,
                            o.open().validTo
                        }));
        batch("""
                INSERT INTO list_version (list_id, version, at, position, cause_type, proposal_id, actor, size,
                                          added, removed, reworded, merged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows(changes.versions, v -> new Object[] {
            v.listId(),
            v.version(),
            Timestamp.from(v.cause().at()),
            v.cause().position(),
            v.cause().type(),
            v.cause().proposalId(),
            v.cause().actor(),
            v.size(),
            v.summary().added(),
            v.summary().removed(),
            v.summary().reworded(),
            v.summary().merged()
        }));
        // a version already queued (before a rebuild) keeps the content it was published with
        batch("""
                INSERT INTO list_feed_outbox (list_id, version, position, payload) VALUES (?, ?, ?, ?)
                ON CONFLICT (list_id, version) DO NOTHING""", rows(changes.versions, v ->
                new Object[] {v.listId(), v.version(), v.cause().position(), feedMessage(v)}));
        batch("""
                INSERT INTO list_release (list_id, label, version, position, at, actor) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (list_id, label) DO NOTHING""", rows(changes.releases, r ->
                new Object[] {r.listId(), r.label(), r.version(), r.position(), Timestamp.from(r.at()), r.actor()}));
        batch(
                "DELETE FROM list_pending_change WHERE proposal_id = ?",
                rows(List.copyOf(changes.pendingDone), proposal -> new Object[] {proposal}));
        List<Object[]> parked = new ArrayList<>();
        changes.pending.forEach((proposal, lists) -> lists.forEach((list, cause) -> parked.add(
                new Object[] {proposal, list, cause.position(), cause.type(), cause.actor(), Timestamp.from(cause.at())
                })));
        batch("""
                INSERT INTO list_pending_change (proposal_id, list_id, position, cause_type, actor, at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", parked);
    }

    private String feedMessage(ListChanges.Version version) {
        ListCause cause = version.cause();
        Map<String, Object> causeFields = new LinkedHashMap<>();
        causeFields.put("type", cause.type());
        causeFields.put("proposalId", cause.proposalId());
        causeFields.put("actor", cause.actor());
        causeFields.put("at", cause.at().toString());
        causeFields.put("position", cause.position());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("listId", version.listId());
        message.put("version", version.version());
        message.put("cause", causeFields);
        message.put("summary", version.summary());
        message.put("size", version.size());
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the change feed message", e);
        }
    }

    private static <T> List<Object[]> rows(List<T> items, java.util.function.Function<T, Object[]> row) {
        return items.stream().map(row).toList();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
