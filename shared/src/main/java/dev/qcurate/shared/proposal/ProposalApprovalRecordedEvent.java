package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** A reviewer approved; the change is applied once {@code approvals} reaches {@code requiredApprovals}. */
@Revision("1")
public record ProposalApprovalRecordedEvent(
        ProposalId proposalId, String reviewer, int approvals, int requiredApprovals) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.approvalRecorded(this);
    }
}
