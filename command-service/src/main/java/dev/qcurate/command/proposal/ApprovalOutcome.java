package dev.qcurate.command.proposal;

/** What one approval did: applied the change, recorded a vote that is not yet enough, or found the proposal stale. */
public record ApprovalOutcome(Result result, String detail) {

    public enum Result {
        APPLIED,
        RECORDED,
        STALE
    }

    static ApprovalOutcome applied() {
        return new ApprovalOutcome(Result.APPLIED, "the change was applied");
    }

    static ApprovalOutcome recorded(String detail) {
        return new ApprovalOutcome(Result.RECORDED, detail);
    }

    static ApprovalOutcome stale(String detail) {
        return new ApprovalOutcome(Result.STALE, detail);
    }
}
