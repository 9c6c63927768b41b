package dev.qcurate.query.curatedlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes a list's view after an event and, when what it shows changed, stores it as the next version: closes the
 * intervals of rows that changed or left, opens rows that changed or arrived, records the cause and queues the
 * version for the change feed — all in the projection's transaction.
 */
@Component
class ListVersioning {

    private final JdbcTemplate jdbc;
    private final ListStore store;
    private final ObjectMapper json;

    ListVersioning(JdbcTemplate jdbc, ListStore store, ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.json = json;
    }

    /** Why a version was made: the first event of the change, with its proposal, actor, time and position. */
    record Cause(String type, UUID proposalId, String actor, Instant at, long position) {

        static Cause of(StoredEvent event) {
            return new Cause(event.payload().getClass().getSimpleName(), proposalOf(event.payload()), event.actor(),
                    event.at(), event.position());
        }
    }

    void refresh(UUID listId, Cause cause) {
        int current = store.header(listId).orElseThrow().version();
        View before = store.view(listId, current);
        View after = ListView.of(store.resolvedEntries(listId));
        if (before.rows().equals(after.rows())) {
            // nothing visible changed: no version; aliases (used by diffs only) follow the current version
            syncAliases(listId, before.aliases(), after.aliases(), current);
            return;
        }
        int version = current + 1;
        Set<ViewRow> kept = new HashSet<>(after.rows());
        List<UUID> closed = before.rows().stream().filter(row -> !kept.contains(row)).map(ViewRow::questionId).toList();
        if (!closed.isEmpty()) {
            jdbc.update("UPDATE list_view_row SET valid_to = ? WHERE list_id = ? AND valid_to = ? AND question_id = ANY (?)",
                    version, listId, ListStore.OPEN, closed.toArray(UUID[]::new));
        }
        Set<ViewRow> existing = new HashSet<>(before.rows());
        List<Object[]> opened = after.rows().stream().filter(row -> !existing.contains(row))
                .map(row -> new Object[]{listId, row.questionId(), version, row.sortKey(), row.text(),
                        row.tags().toArray(String[]::new), row.revision()})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO list_view_row (list_id, question_id, valid_from, sort_key, text, tags, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", opened);
        syncAliases(listId, before.aliases(), after.aliases(), version);
        recordVersion(listId, version, cause, before, after);
    }

    /** Stores version {@code version} with its cause and queues it for the change feed. */
    void recordVersion(UUID listId, int version, Cause cause, View before, View after) {
        ListDiff.Summary summary = ListDiff.between(before, after).summary();
        String type = cause.type();
        UUID proposalId = cause.proposalId();
        int size = after.rows().size();
        jdbc.update("""
                INSERT INTO list_version (list_id, version, at, position, cause_type, proposal_id, actor, size, added,
                                          removed, reworded, merged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", listId, version, Timestamp.from(cause.at()),
                cause.position(), type, proposalId, cause.actor(), size, summary.added(), summary.removed(),
                summary.reworded(), summary.merged());
        jdbc.update("UPDATE curated_list SET version = ?, size = ?, updated_at = ? WHERE id = ?", version, size,
                Timestamp.from(cause.at()), listId);
        // a version already queued (before a rebuild) keeps the content it was published with
        jdbc.update("""
                INSERT INTO list_feed_outbox (list_id, version, position, payload) VALUES (?, ?, ?, ?)
                ON CONFLICT (list_id, version) DO NOTHING""", listId, version, cause.position(),
                feedMessage(listId, version, cause, type, proposalId, summary, size));
    }

    private void syncAliases(UUID listId, List<View.Alias> before, List<View.Alias> after, int version) {
        Set<View.Alias> now = new HashSet<>(after);
        Set<View.Alias> then = new HashSet<>(before);
        for (View.Alias gone : before) {
            if (!now.contains(gone)) {
                int deleted = jdbc.update("""
                        DELETE FROM list_view_alias WHERE list_id = ? AND source_id = ? AND target_id = ?
                        AND valid_from = ? AND valid_to = ?""", listId, gone.sourceId(), gone.targetId(), version,
                        ListStore.OPEN);
                if (deleted == 0) {
                    jdbc.update("""
                            UPDATE list_view_alias SET valid_to = ? WHERE list_id = ? AND source_id = ? AND target_id = ?
                            AND valid_to = ?""", version, listId, gone.sourceId(), gone.targetId(), ListStore.OPEN);
                }
            }
        }
        for (View.Alias added : after) {
            if (!then.contains(added)) {
                jdbc.update("""
                        INSERT INTO list_view_alias (list_id, source_id, target_id, valid_from) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""", listId, added.sourceId(), added.targetId(), version);
            }
        }
    }

    private String feedMessage(UUID listId, int version, Cause cause, String type, UUID proposalId,
                               ListDiff.Summary summary, int size) {
        Map<String, Object> causeFields = new LinkedHashMap<>();
        causeFields.put("type", type);
        causeFields.put("proposalId", proposalId);
        causeFields.put("actor", cause.actor());
        causeFields.put("at", cause.at().toString());
        causeFields.put("position", cause.position());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("listId", listId);
        message.put("version", version);
        message.put("cause", causeFields);
        message.put("summary", summary);
        message.put("size", size);
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the change feed message", e);
        }
    }

    /** The proposal that caused the event, for events that carry one. */
    static UUID proposalOf(Object payload) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("proposalId")) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    return value instanceof ProposalId id ? id.value() : null;
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
