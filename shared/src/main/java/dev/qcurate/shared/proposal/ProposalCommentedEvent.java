package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** The proposer or a reviewer added a comment (Markdown source) to the proposal's conversation. */
@Revision("1")
public record ProposalCommentedEvent(ProposalId proposalId, String author, String text) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.commented(this);
    }
}
