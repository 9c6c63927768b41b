package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** The reviewer holding the proposal gave up the claim before it expired. */
@Revision("1")
public record ProposalClaimReleasedEvent(ProposalId proposalId, String reviewer) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.claimReleased(this);
    }
}
