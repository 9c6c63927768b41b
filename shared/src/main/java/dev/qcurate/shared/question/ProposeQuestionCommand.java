package dev.qcurate.shared.question;

import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.proposal.ProposalId;

import java.util.List;

/**
 * Propose a new question: creates it (PROPOSED) together with the proposal that reviewers decide on. With a
 * {@code listId}, approving the proposal also appends the question to that list.
 */
public record ProposeQuestionCommand(
        QuestionId questionId,
        ProposalId proposalId,
        String text,
        List<String> tags,
        SourceRef source,
        CuratedListId listId,
        List<DuplicateCandidate> duplicateCandidates) {}
