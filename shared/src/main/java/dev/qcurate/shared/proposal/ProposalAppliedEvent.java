package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** The proposal had enough approvals and its change was applied (status APPROVED). */
@Revision("1")
public record ProposalAppliedEvent(ProposalId proposalId, String reviewer) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.applied(this);
    }
}
