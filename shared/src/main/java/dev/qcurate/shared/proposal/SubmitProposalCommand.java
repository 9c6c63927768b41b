package dev.qcurate.shared.proposal;

import java.util.List;

/** Propose a change to an existing question or list, as the user in the command's {@code actor} metadata. */
public record SubmitProposalCommand(ProposalId proposalId, ProposedChange change,
                                    List<DuplicateCandidate> duplicateCandidates) {
}
