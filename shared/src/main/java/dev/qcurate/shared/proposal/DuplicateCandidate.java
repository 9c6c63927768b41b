package dev.qcurate.shared.proposal;

import dev.qcurate.shared.question.QuestionId;

/** A question that a proposed one may duplicate, with a similarity score in [0,1]. */
public record DuplicateCandidate(QuestionId questionId, String text, double score) {}
