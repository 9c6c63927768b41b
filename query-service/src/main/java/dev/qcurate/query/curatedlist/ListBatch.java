package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.question.QuestionState;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One projection batch of the list projection, in memory: applies the batch's events to the lists as they were before
 * it and says what changed. Question events are followed too, so every list version sees each question exactly as it
 * was right after the event that made the version. Changes made by an approval become one version when the approval's
 * last event ({@link ProposalAppliedEvent}) arrives, so e.g. a merge is one version, not one per event.
 */
final class ListBatch {

    /** What a batch reads before it starts, named by its events. */
    record Needs(Set<UUID> changedQuestions, Set<UUID> listedQuestions, Set<UUID> lists, Set<UUID> appliedProposals) {

        static Needs of(List<StoredEvent> events) {
            Needs needs = new Needs(
                    new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
            for (StoredEvent event : events) {
                Object payload = event.payload();
                UUID question = QuestionState.subject(payload);
                if (question != null) {
                    needs.changedQuestions.add(question);
                }
                needs.changedQuestions.addAll(touchedQuestions(payload));
                if (payload instanceof ProposalAppliedEvent e) {
                    needs.appliedProposals.add(e.proposalId().value());
                } else if (payload instanceof CuratedListCreatedEvent e) {
                    needs.lists.add(e.listId().value());
                } else if (payload instanceof ListEntryAddedEvent e) {
                    needs.lists.add(e.listId().value());
                    needs.listedQuestions.add(e.questionId().value());
                } else if (payload instanceof ListEntryMovedEvent e) {
                    needs.lists.add(e.listId().value());
                    needs.listedQuestions.add(e.questionId().value());
                } else if (payload instanceof ListEntryRemovedEvent e) {
                    needs.lists.add(e.listId().value());
                }
            }
            return needs;
        }
    }

    /**
     * The read model before the batch, as far as the batch needs it (see {@link MergeChains} for the questions).
     *
     * @param lists the existing lists the batch may change (a list missing here does not exist)
     * @param pending changes parked by earlier batches for the proposals this batch applies
     */
    record Before(MergeChains chains, Map<UUID, ListState> lists, Map<UUID, Map<UUID, ListCause>> pending) {}

    private final MergeChains chains;
    private final Map<UUID, ListState> lists;
    private final Map<UUID, Map<UUID, ListCause>> storedPending;
    private final ListChanges changes;

    private ListBatch(Before before) {
        this.chains = before.chains();
        this.lists = new HashMap<>(before.lists());
        this.storedPending = new HashMap<>(before.pending());
        this.changes = new ListChanges(lists.values());
    }

    /** Applies the events, in order, to the lists as they were before; changes {@code before}'s lists in place. */
    static ListChanges apply(Before before, List<StoredEvent> events) {
        ListBatch batch = new ListBatch(before);
        events.forEach(batch::apply);
        return batch.changes;
    }

    private void apply(StoredEvent event) {
        Object payload = event.payload();
        UUID question = QuestionState.subject(payload);
        if (question != null) {
            chains.follow(question, payload);
        }
        if (payload instanceof CuratedListCreatedEvent e) {
            created(event, e);
        } else if (payload instanceof ListEntryAddedEvent e) {
            entryAdded(event, e.listId().value(), e.questionId().value(), e.index());
        } else if (payload instanceof ListEntryRemovedEvent e) {
            ListState list = lists.get(e.listId().value());
            if (list != null) {
                list.removeEntry(e.questionId().value());
                chains.entryRemoved(list.id, e.questionId().value());
                changed(list, event);
            }
        } else if (payload instanceof ListEntryMovedEvent e) {
            ListState list = lists.get(e.listId().value());
            if (list != null) {
                list.removeEntry(e.questionId().value());
            }
            entryAdded(event, e.listId().value(), e.questionId().value(), e.toIndex());
        } else if (payload instanceof ListReleasedEvent e) {
            changes.releases.add(new ListChanges.Release(
                    e.listId().value(), e.label(), e.version(), event.position(), event.at(), event.actor()));
        } else if (payload instanceof ProposalAppliedEvent e) {
            versionPendingChanges(e.proposalId().value());
        } else {
            List<UUID> touched = touchedQuestions(payload);
            if (!touched.isEmpty()) {
                chains.listsShowing(touched).forEach(list -> changed(lists.get(list), event));
            }
        }
    }

    /** The questions whose change may alter what a list shows, with the other side of a merge. */
    static List<UUID> touchedQuestions(Object payload) {
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

    private void created(StoredEvent event, CuratedListCreatedEvent e) {
        UUID id = e.listId().value();
        if (lists.containsKey(id)) {
            return;
        }
        ListState list = new ListState(
                id,
                true,
                e.name(),
                e.title() == null ? e.name() : e.title(),
                e.description(),
                event.at(),
                0,
                0,
                event.at(),
                new HashMap<>());
        lists.put(id, list);
        ListVersioning.recordVersion(list, 0, ListCause.of(event), View.empty(), View.empty(), changes);
    }

    private void entryAdded(StoredEvent event, UUID listId, UUID question, int index) {
        ListState list = lists.get(listId);
        if (list != null) {
            list.insertEntry(question, index);
            chains.entryAdded(list.id, question);
            changed(list, event);
        }
    }

    /** A list may show something else now: a new version, or one parked until its proposal is applied. */
    private void changed(ListState list, StoredEvent event) {
        ListCause cause = ListCause.of(event);
        if (cause.proposalId() == null) {
            refresh(list, cause);
            return;
        }
        Map<UUID, ListCause> parked = changes.pending.computeIfAbsent(cause.proposalId(), key -> new HashMap<>());
        Map<UUID, ListCause> stored = storedPending.get(cause.proposalId());
        if (stored == null || !stored.containsKey(list.id)) {
            parked.putIfAbsent(list.id, cause);
        }
    }

    private void versionPendingChanges(UUID proposal) {
        Map<UUID, ListCause> all = new HashMap<>();
        Map<UUID, ListCause> stored = storedPending.remove(proposal);
        if (stored != null) {
            all.putAll(stored);
            changes.pendingDone.add(proposal);
        }
        Map<UUID, ListCause> parked = changes.pending.remove(proposal);
        if (parked != null) {
            parked.forEach(all::putIfAbsent);
        }
        all.entrySet().stream()
                .sorted(Comparator.comparingLong(
                                (Map.Entry<UUID, ListCause> e) -> e.getValue().position())
                        .thenComparing(Map.Entry::getKey, MergeChains.POSTGRES_ORDER))
                .forEach(change -> {
                    ListState list = lists.get(change.getKey());
                    if (list != null) {
                        refresh(list, change.getValue());
                    }
                });
    }

    private void refresh(ListState list, ListCause cause) {
        ListVersioning.refresh(list, chains.resolvedEntries(list), cause, changes);
    }
}
