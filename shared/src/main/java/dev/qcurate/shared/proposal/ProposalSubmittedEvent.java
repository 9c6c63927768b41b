package dev.qcurate.shared.proposal;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A change was proposed and awaits {@code requiredApprovals} approvals from reviewers other than the proposer. */
@Revision("1")
public record ProposalSubmittedEvent(ProposalId proposalId, ProposedChange change, String proposer, int requiredApprovals, List<DuplicateCandidate> duplicateCandidates) {
}
