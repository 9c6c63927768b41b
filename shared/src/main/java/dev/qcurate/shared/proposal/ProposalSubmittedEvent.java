package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A change was proposed and awaits {@code requiredApprovals} approvals from reviewers other than the proposer. */
@Revision("1")
public record ProposalSubmittedEvent(
        ProposalId proposalId,
        ProposedChange change,
        String proposer,
        int requiredApprovals,
        List<DuplicateCandidate> duplicateCandidates)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Visitor<R> visitor) {
        return visitor.submitted(this);
    }
}
