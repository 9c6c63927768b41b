package dev.qcurate.shared.question;

/** Lifecycle of a question: PROPOSED → ACTIVE or REJECTED; ACTIVE → MERGED or RETIRED; MERGED → ACTIVE by unmerge. */
public enum QuestionStatus {
    PROPOSED,
    ACTIVE,
    REJECTED,
    MERGED,
    RETIRED
}
