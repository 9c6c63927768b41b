package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A curated list: an ordered selection of questions. It holds entries as they were added; which of them a consumer
 * sees (active ones, merged ones as their target, each once) is the query side's view.
 */
@Aggregate(cache = "curatedListCache")
public class CuratedList {

    public static final int MAX_ENTRIES = 10_000;

    @AggregateIdentifier
    private CuratedListId id;

    private List<QuestionId> entries;
    private Set<String> releases;

    protected CuratedList() {
        // for Axon
    }

    CuratedList(CuratedListId id, ListName name, String title, String description) {
        apply(new CuratedListCreatedEvent(id, name.value(), title, description));
    }

    /** Adds at {@code index} (0-based), or at the end when it is null. */
    public void addEntry(QuestionId question, Integer index, ProposalId proposalId) {
        if (entries.contains(question)) {
            throw new IllegalStateException("question " + question + " is already in list " + id);
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("a list holds at most " + MAX_ENTRIES + " questions");
        }
        int at = index == null ? entries.size() : index;
        checkIndex(at, entries.size());
        apply(new ListEntryAddedEvent(id, question, at, proposalId));
    }

    public void removeEntry(QuestionId question, ProposalId proposalId) {
        requireEntry(question);
        apply(new ListEntryRemovedEvent(id, question, proposalId));
    }

    public void moveEntry(QuestionId question, int index, ProposalId proposalId) {
        int from = requireEntry(question);
        checkIndex(index, entries.size() - 1);
        if (from == index) {
            throw new IllegalStateException("question " + question + " is already at index " + index);
        }
        apply(new ListEntryMovedEvent(id, question, from, index, proposalId));
    }

    /** Names {@code version} (a version of the query side's view, which the caller has checked exists). */
    void release(ReleaseLabel label, int version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        if (releases.contains(label.value())) {
            throw new IllegalStateException("list " + id + " already has a release '" + label.value() + "'");
        }
        apply(new ListReleasedEvent(id, label.value(), version));
    }

    public void checkCanAdd(QuestionId question, Integer index) {
        if (entries.contains(question)) {
            throw new IllegalStateException("question " + question + " is already in list " + id);
        }
        if (index != null) {
            checkIndex(index, entries.size());
        }
    }

    public void checkCanMove(QuestionId question, int index) {
        requireEntry(question);
        checkIndex(index, entries.size() - 1);
    }

    public int requireEntry(QuestionId question) {
        int at = entries.indexOf(question);
        if (at < 0) {
            throw new IllegalStateException("question " + question + " is not in list " + id);
        }
        return at;
    }

    private static void checkIndex(int index, int max) {
        if (index < 0 || index > max) {
            throw new IllegalArgumentException("index must be between 0 and " + max);
        }
    }

    @EventSourcingHandler
    void on(CuratedListCreatedEvent event) {
        id = event.listId();
        entries = new ArrayList<>();
        releases = new HashSet<>();
    }

    @EventSourcingHandler
    void on(ListReleasedEvent event) {
        releases.add(event.label());
    }

    @EventSourcingHandler
    void on(ListEntryAddedEvent event) {
        entries.add(event.index(), event.questionId());
    }

    @EventSourcingHandler
    void on(ListEntryRemovedEvent event) {
        entries.remove(event.questionId());
    }

    @EventSourcingHandler
    void on(ListEntryMovedEvent event) {
        entries.remove(event.fromIndex());
        entries.add(event.toIndex(), event.questionId());
    }
}
