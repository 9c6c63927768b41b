package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** A reviewer rejected the proposal, giving a reason. */
@Revision("1")
public record ProposalRejectedEvent(ProposalId proposalId, String reviewer, String reason) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.rejected(this);
    }
}
