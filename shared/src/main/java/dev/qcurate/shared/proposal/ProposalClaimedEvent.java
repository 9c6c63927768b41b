package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A reviewer holds the proposal until {@code expiresAt}: until then only they may decide it. The claim ends earlier
 * by their decision or release; {@code takenOverFrom} names the reviewer whose unexpired claim this one replaced.
 */
@Revision("1")
public record ProposalClaimedEvent(ProposalId proposalId, String reviewer, Instant expiresAt, String takenOverFrom)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.claimed(this);
    }
}
