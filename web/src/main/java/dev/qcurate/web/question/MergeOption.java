package dev.qcurate.web.question;

import dev.qcurate.web.duplicates.DuplicateCandidate;

import java.util.UUID;

/** A question this one could be merged into: a duplicate candidate (with its score) or a search result. */
record MergeOption(UUID questionId, String text, String detail) {

    static MergeOption of(DuplicateCandidate candidate) {
        return new MergeOption(
                candidate.questionId(),
                candidate.text(),
                "score " + candidate.percent() + "%" + (candidate.likelyDuplicate() ? ", likely duplicate" : ""));
    }

    static MergeOption of(QuestionSummary summary) {
        return new MergeOption(summary.questionId(), summary.text(), summary.status());
    }
}
