package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.*;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.question.*;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Curated lists and every version of what they show. Runs after the question projection, so the question rows it
 * reads already reflect the event. Creation is version 0 (empty); each event that changes the view adds a version.
 */
@Component
@Order(3)
class ListProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ListStore store;
    private final ListVersioning versioning;

    ListProjection(JdbcTemplate jdbc, ListStore store, ListVersioning versioning) {
        this.jdbc = jdbc;
        this.store = store;
        this.versioning = versioning;
    }

    @Override
    public void apply(StoredEvent event) {
        Object payload = event.payload();
        if (payload instanceof CuratedListCreatedEvent e) {
            created(event, e);
        } else if (payload instanceof ListEntryAddedEvent e) {
            if (exists(e.listId())) {
                insertEntry(e.listId().value(), e.questionId().value(), e.index());
                changed(e.listId().value(), event);
            }
        } else if (payload instanceof ListEntryRemovedEvent e) {
            if (exists(e.listId())) {
                removeEntry(e.listId().value(), e.questionId().value());
                changed(e.listId().value(), event);
            }
        } else if (payload instanceof ListEntryMovedEvent e) {
            if (exists(e.listId())) {
                removeEntry(e.listId().value(), e.questionId().value());
                insertEntry(e.listId().value(), e.questionId().value(), e.toIndex());
                changed(e.listId().value(), event);
            }
        } else if (payload instanceof ListReleasedEvent e) {
            jdbc.update("""
                    INSERT INTO list_release (list_id, label, version, position, at, actor) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (list_id, label) DO NOTHING""", e.listId().value(), e.label(), e.version(),
                    event.position(), Timestamp.from(event.at()), event.actor());
        } else if (payload instanceof ProposalAppliedEvent e) {
            versionPendingChanges(e.proposalId().value());
        } else {
            List<UUID> touched = touchedQuestions(payload);
            if (!touched.isEmpty()) {
                store.listsShowing(touched.toArray(UUID[]::new)).forEach(list -> changed(list, event));
            }
        }
    }

    @Override
    public void reset() {
        // list_feed_outbox stays: it is the record of what was published, not derived state
        jdbc.execute("TRUNCATE curated_list, list_entry, list_view_row, list_view_alias, list_version, list_release,"
                + " list_pending_change");
    }

    /** The questions whose change may alter what a list shows, with the other side of a merge. */
    private static List<UUID> touchedQuestions(Object payload) {
        if (payload instanceof QuestionAcceptedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRejectedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRewordedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRetiredEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionMergedEvent e) {
            return List.of(e.questionId().value(), e.targetId().value());
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        } else if (payload instanceof QuestionUnmergedEvent e) {
            return List.of(e.questionId().value(), e.formerTargetId().value());
        } else if (payload instanceof DuplicateReleasedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        }
        return List.of();
    }

    /**
     * A list may show something else now. Changes made by an approval become one version when the approval's
     * last event ({@link ProposalAppliedEvent}) arrives, so e.g. a merge is one version, not one per event.
     */
    private void changed(UUID list, StoredEvent event) {
        ListVersioning.Cause cause = ListVersioning.Cause.of(event);
        if (cause.proposalId() == null) {
            versioning.refresh(list, cause);
            return;
        }
        jdbc.update("""
                INSERT INTO list_pending_change (proposal_id, list_id, position, cause_type, actor, at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", cause.proposalId(), list, cause.position(),
                cause.type(), cause.actor(), Timestamp.from(cause.at()));
    }

    private void versionPendingChanges(UUID proposal) {
        List<Map.Entry<UUID, ListVersioning.Cause>> pending = jdbc.query("""
                SELECT list_id, cause_type, actor, at, position FROM list_pending_change
                WHERE proposal_id = ? ORDER BY position, list_id""",
                (rs, row) -> Map.entry(rs.getObject(1, UUID.class), new ListVersioning.Cause(rs.getString(2), proposal,
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getLong(5))), proposal);
        pending.forEach(change -> versioning.refresh(change.getKey(), change.getValue()));
        jdbc.update("DELETE FROM list_pending_change WHERE proposal_id = ?", proposal);
    }

    private void created(StoredEvent event, CuratedListCreatedEvent e) {
        int inserted = jdbc.update("""
                INSERT INTO curated_list (id, name, title, description, version, size, created_at, updated_at)
                VALUES (?, ?, ?, ?, 0, 0, ?, ?) ON CONFLICT (id) DO NOTHING""", e.listId().value(), e.name(),
                e.title() == null ? e.name() : e.title(), e.description(), Timestamp.from(event.at()),
                Timestamp.from(event.at()));
        if (inserted == 1) {
            versioning.recordVersion(e.listId().value(), 0, ListVersioning.Cause.of(event), View.empty(), View.empty());
        }
    }

    private boolean exists(CuratedListId listId) {
        return store.header(listId.value()).isPresent();
    }

    private void insertEntry(UUID list, UUID question, int index) {
        jdbc.update("""
                INSERT INTO list_entry (list_id, question_id, sort_key) VALUES (?, ?, ?)
                ON CONFLICT (list_id, question_id) DO NOTHING""", list, question, store.sortKeyAt(list, index));
    }

    private void removeEntry(UUID list, UUID question) {
        jdbc.update("DELETE FROM list_entry WHERE list_id = ? AND question_id = ?", list, question);
    }
}
