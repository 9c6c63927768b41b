package dev.qcurate.shared.proposal;

/**
 * PENDING until decided: APPROVED (applied), REJECTED (with a reason) or STALE (its base revision moved on).
 * CHANGES_REQUESTED is not a decision: a reviewer sent it back, and the proposer's amendment makes it PENDING again.
 */
public enum ProposalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    STALE,
    CHANGES_REQUESTED
}
