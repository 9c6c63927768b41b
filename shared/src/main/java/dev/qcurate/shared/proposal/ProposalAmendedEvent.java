package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/**
 * The proposer replaced the change with {@code change}, the proposal's revision {@code revision} (the submitted
 * change is revision 1). Earlier approvals no longer count and the proposal is PENDING in the queue again.
 */
@Revision("1")
public record ProposalAmendedEvent(ProposalId proposalId, String amendedBy, int revision, ProposedChange change)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.amended(this);
    }
}
