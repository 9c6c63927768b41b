package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** Approval found the question moved past the proposal's base revision; the proposal can no longer be applied. */
@Revision("1")
public record ProposalMarkedStaleEvent(ProposalId proposalId, String reviewer, int baseRevision, int currentRevision)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.markedStale(this);
    }
}
