package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.proposal.ProposalId;

import java.util.List;

/** Propose a new question: creates it (PROPOSED) together with the proposal that reviewers decide on. */
public record ProposeQuestionCommand(QuestionId questionId, ProposalId proposalId, String text, List<String> tags,
                                     SourceRef source, List<DuplicateCandidate> duplicateCandidates) {
}
