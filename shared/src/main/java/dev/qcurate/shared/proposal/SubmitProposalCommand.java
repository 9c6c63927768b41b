package dev.qcurate.shared.proposal;

import java.util.List;

/**
 * Propose a change to an existing question or list, as the user in the command's {@code actor} metadata. A base
 * revision of 0 in the change means "the question's current revision".
 */
public record SubmitProposalCommand(
        ProposalId proposalId, ProposedChange change, List<DuplicateCandidate> duplicateCandidates) {}
