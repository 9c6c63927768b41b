package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/**
 * A reviewer asked the proposer for changes: the proposal leaves the queue (CHANGES_REQUESTED) until the proposer
 * amends it. {@code comment} is Markdown source and part of the conversation.
 */
@Revision("1")
public record ProposalChangesRequestedEvent(ProposalId proposalId, String reviewer, String comment)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.changesRequested(this);
    }
}
