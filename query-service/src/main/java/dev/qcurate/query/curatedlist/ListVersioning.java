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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes a list's view after an event and, when what it shows changed, makes it the next version: closes the
 * intervals of rows that changed or left, opens rows that changed or arrived, records the cause and queues the
 * version for the change feed. Works on a {@link ListState} in memory; the batch writes the rows in its transaction.
 */
@Component
class ListVersioning {

    private final ObjectMapper json;

    ListVersioning(ObjectMapper json) {
        this.json = json;
    }

    /** Why a version was made: the first event of the change, with its proposal, actor, time and position. */
    record Cause(String type, UUID proposalId, String actor, Instant at, long position) {

        static Cause of(StoredEvent event) {
            return new Cause(
                    event.payload().getClass().getSimpleName(),
                    proposalOf(event.payload()),
                    event.actor(),
                    event.at(),
                    event.position());
        }
    }

    /**
     * Recomputes the list's view from its resolved entries; when what it shows changed, records the next version.
     * Changes the list in memory and queues the rows to write in {@code writes}.
     */
    void refresh(ListState list, List<ListView.Entry> resolvedEntries, Cause cause, Writes writes) {
        int current = list.version;
        View before = list.view();
        View after = ListView.of(resolvedEntries);
        if (before.rows().equals(after.rows())) {
            // nothing visible changed: no version; aliases (used by diffs only) follow the current version
            syncAliases(list, before.aliases(), after.aliases(), current, writes);
            return;
        }
        int version = current + 1;
        Set<ViewRow> kept = new HashSet<>(after.rows());
        for (ViewRow row : before.rows()) {
            if (!kept.contains(row)) {
                ListState.OpenRow open = list.openRows.remove(row.questionId());
                if (open.fresh) {
                    open.validTo = version;
                } else {
                    writes.rowsClosed.add(new Object[] {version, list.id, row.questionId(), ListStore.OPEN});
                }
            }
        }
        Set<ViewRow> existing = new HashSet<>(before.rows());
        for (ViewRow row : after.rows()) {
            if (!existing.contains(row)) {
                ListState.OpenRow open = new ListState.OpenRow(row, version, true);
                list.openRows.put(row.questionId(), open);
                writes.rowsOpened.add(new Object[] {list, open});
            }
        }
        list.rows = after.rows();
        syncAliases(list, before.aliases(), after.aliases(), version, writes);
        recordVersion(list, version, cause, before, after, writes);
    }

    /** Records version {@code version} with its cause and queues it for the change feed. */
    void recordVersion(ListState list, int version, Cause cause, View before, View after, Writes writes) {
        ListDiff.Summary summary = ListDiff.between(before, after).summary();
        String type = cause.type();
        UUID proposalId = cause.proposalId();
        int size = after.rows().size();
        Timestamp at = Timestamp.from(cause.at());
        writes.versions.add(new Object[] {
            list.id,
            version,
            at,
            cause.position(),
            type,
            proposalId,
            cause.actor(),
            size,
            summary.added(),
            summary.removed(),
            summary.reworded(),
            summary.merged()
        });
        list.version = version;
        list.size = size;
        list.updatedAt = at;
        list.headerChanged = true;
        writes.feed.add(new Object[] {
            list.id, version, cause.position(), feedMessage(list.id, version, cause, type, proposalId, summary, size)
        });
    }

    private void syncAliases(
            ListState list, List<View.Alias> before, List<View.Alias> after, int version, Writes writes) {
        Set<View.Alias> now = new HashSet<>(after);
        Set<View.Alias> then = new HashSet<>(before);
        for (View.Alias gone : before) {
            if (!now.contains(gone)) {
                ListState.OpenAlias open = list.openAliases.remove(gone);
                if (open.fresh) {
                    if (open.validFrom == version) {
                        open.deleted = true;
                    } else {
                        open.validTo = version;
                    }
                } else if (open.validFrom == version) {
                    writes.aliasesDeleted.add(
                            new Object[] {list.id, gone.sourceId(), gone.targetId(), version, ListStore.OPEN});
                } else {
                    writes.aliasesClosed.add(
                            new Object[] {version, list.id, gone.sourceId(), gone.targetId(), ListStore.OPEN});
                }
            }
        }
        for (View.Alias added : after) {
            if (!then.contains(added)) {
                ListState.OpenAlias open = new ListState.OpenAlias(added, version, true);
                list.openAliases.put(added, open);
                writes.aliasesOpened.add(new Object[] {list, open});
            }
        }
    }

    /** The rows a batch's versions write, in the order that keeps the open-interval marker unambiguous. */
    static final class Writes {
        final List<Object[]> rowsClosed = new ArrayList<>();
        final List<Object[]> rowsOpened = new ArrayList<>();
        final List<Object[]> aliasesDeleted = new ArrayList<>();
        final List<Object[]> aliasesClosed = new ArrayList<>();
        final List<Object[]> aliasesOpened = new ArrayList<>();
        final List<Object[]> versions = new ArrayList<>();
        final List<Object[]> feed = new ArrayList<>();

        void write(JdbcTemplate jdbc) {
            batch(
                    jdbc,
                    "UPDATE list_view_row SET valid_to = ? WHERE list_id = ? AND question_id = ? AND valid_to = ?",
                    rowsClosed);
            batch(
                    jdbc,
                    """
                    INSERT INTO list_view_row (list_id, question_id, valid_from, valid_to, sort_key, text, tags,
                                               revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    rowsOpened.stream()
                            .map(opened -> {
                                ListState list = (ListState) opened[0];
                                ListState.OpenRow open = (ListState.OpenRow) opened[1];
                                ViewRow row = open.row;
                                return new Object[] {
                                    list.id,
                                    row.questionId(),
                                    open.validFrom,
                                    open.validTo,
                                    row.sortKey(),
                                    row.text(),
                                    row.tags().toArray(String[]::new),
                                    row.revision()
                                };
                            })
                            .toList());
            batch(jdbc, """
                    DELETE FROM list_view_alias WHERE list_id = ? AND source_id = ? AND target_id = ?
                    AND valid_from = ? AND valid_to = ?""", aliasesDeleted);
            batch(jdbc, """
                    UPDATE list_view_alias SET valid_to = ? WHERE list_id = ? AND source_id = ? AND target_id = ?
                    AND valid_to = ?""", aliasesClosed);
            batch(
                    jdbc,
                    """
                    INSERT INTO list_view_alias (list_id, source_id, target_id, valid_from, valid_to)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    aliasesOpened.stream()
                            .filter(opened -> !((ListState.OpenAlias) opened[1]).deleted)
                            .map(opened -> {
                                ListState list = (ListState) opened[0];
                                ListState.OpenAlias open = (ListState.OpenAlias) opened[1];
                                return new Object[] {
                                    list.id, open.alias.sourceId(), open.alias.targetId(), open.validFrom, open.validTo
                                };
                            })
                            .toList());
            batch(jdbc, """
                    INSERT INTO list_version (list_id, version, at, position, cause_type, proposal_id, actor, size,
                                              added, removed, reworded, merged)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", versions);
            // a version already queued (before a rebuild) keeps the content it was published with
            batch(jdbc, """
                    INSERT INTO list_feed_outbox (list_id, version, position, payload) VALUES (?, ?, ?, ?)
                    ON CONFLICT (list_id, version) DO NOTHING""", feed);
        }

        private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    private String feedMessage(
            UUID listId, int version, Cause cause, String type, UUID proposalId, ListDiff.Summary summary, int size) {
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
