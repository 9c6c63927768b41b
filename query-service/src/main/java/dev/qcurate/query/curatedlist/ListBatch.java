package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListEvent;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.question.QuestionEvent;

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
                if (event.payload() instanceof QuestionEvent e) {
                    needs.changedQuestions.add(e.questionId().value());
                    needs.changedQuestions.addAll(e.accept(MergeChains.TOUCHED));
                } else if (event.payload() instanceof CuratedListEvent e) {
                    e.accept(new ListedBy(needs));
                } else if (event.payload() instanceof ProposalAppliedEvent e) {
                    needs.appliedProposals.add(e.proposalId().value());
                }
            }
            return needs;
        }
    }

    /** The lists a list event changes, and the question it adds to one: the release of a version changes none. */
    private record ListedBy(Needs needs) implements CuratedListEvent.Visitor<Void> {
        @Override
        public Void created(CuratedListCreatedEvent e) {
            return list(e, null);
        }

        @Override
        public Void entryAdded(ListEntryAddedEvent e) {
            return list(e, e.questionId().value());
        }

        @Override
        public Void entryMoved(ListEntryMovedEvent e) {
            return list(e, e.questionId().value());
        }

        @Override
        public Void entryRemoved(ListEntryRemovedEvent e) {
            return list(e, null);
        }

        @Override
        public Void released(ListReleasedEvent e) {
            return null;
        }

        private Void list(CuratedListEvent e, UUID question) {
            needs.lists.add(e.listId().value());
            if (question != null) {
                needs.listedQuestions.add(question);
            }
            return null;
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
        if (event.payload() instanceof QuestionEvent e) {
            chains.follow(e);
            List<UUID> touched = e.accept(MergeChains.TOUCHED);
            if (!touched.isEmpty()) {
                chains.listsShowing(touched).forEach(list -> changed(lists.get(list), event));
            }
        } else if (event.payload() instanceof CuratedListEvent e) {
            e.accept(new ListEvents(event));
        } else if (event.payload() instanceof ProposalAppliedEvent e) {
            versionPendingChanges(e.proposalId().value());
        }
    }

    /** What each list event does to its list. */
    private final class ListEvents implements CuratedListEvent.Visitor<Void> {
        private final StoredEvent event;

        ListEvents(StoredEvent event) {
            this.event = event;
        }

        @Override
        public Void created(CuratedListCreatedEvent e) {
            ListBatch.this.created(event, e);
            return null;
        }

        @Override
        public Void entryAdded(ListEntryAddedEvent e) {
            ListBatch.this.entryAdded(event, e.listId().value(), e.questionId().value(), e.index());
            return null;
        }

        @Override
        public Void entryMoved(ListEntryMovedEvent e) {
            ListState list = lists.get(e.listId().value());
            if (list != null) {
                list.removeEntry(e.questionId().value());
            }
            ListBatch.this.entryAdded(event, e.listId().value(), e.questionId().value(), e.toIndex());
            return null;
        }

        @Override
        public Void entryRemoved(ListEntryRemovedEvent e) {
            ListState list = lists.get(e.listId().value());
            if (list != null) {
                list.removeEntry(e.questionId().value());
                chains.entryRemoved(list.id, e.questionId().value());
                changed(list, event);
            }
            return null;
        }

        @Override
        public Void released(ListReleasedEvent e) {
            changes.releases.add(new ListChanges.Release(
                    e.listId().value(), e.label(), e.version(), event.position(), event.at(), event.actor()));
            return null;
        }
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
