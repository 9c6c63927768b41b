package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListEvent;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.tag.TagEvent;

import java.time.Instant;
import java.util.UUID;

/** Why a list version was made: the first event of the change, with its proposal, actor, time and position. */
record ListCause(String type, UUID proposalId, String actor, Instant at, long position) {

    static ListCause of(StoredEvent event) {
        return new ListCause(
                event.payload().getClass().getSimpleName(),
                proposalOf(event.payload()),
                event.actor(),
                event.at(),
                event.position());
    }

    /** The proposal that caused the event, for events that carry one. */
    static UUID proposalOf(Object payload) {
        ProposalId id = payload instanceof QuestionEvent e
                ? e.proposalId()
                : payload instanceof ProposalEvent e
                        ? e.proposalId()
                        : payload instanceof TagEvent e
                                ? e.proposalId()
                                : payload instanceof CuratedListEvent e ? e.accept(LIST_PROPOSAL) : null;
        return id == null ? null : id.value();
    }

    /** A list's entries change by approved proposals; its creation and releases are no proposal's. */
    private static final CuratedListEvent.Visitor<ProposalId> LIST_PROPOSAL = new CuratedListEvent.Visitor<>() {
        @Override
        public ProposalId created(CuratedListCreatedEvent e) {
            return null;
        }

        @Override
        public ProposalId entryAdded(ListEntryAddedEvent e) {
            return e.proposalId();
        }

        @Override
        public ProposalId entryMoved(ListEntryMovedEvent e) {
            return e.proposalId();
        }

        @Override
        public ProposalId entryRemoved(ListEntryRemovedEvent e) {
            return e.proposalId();
        }

        @Override
        public ProposalId released(ListReleasedEvent e) {
            return null;
        }
    };
}
