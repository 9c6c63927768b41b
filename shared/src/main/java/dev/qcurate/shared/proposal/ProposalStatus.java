package dev.qcurate.shared.proposal;

/** PENDING until decided: APPROVED (applied), REJECTED (with a reason) or STALE (its base revision moved on). */
public enum ProposalStatus {
    PENDING, APPROVED, REJECTED, STALE
}
