package dev.qcurate.command.question;

/** A change was made against a revision of the question that is no longer current. */
public class StaleRevisionException extends IllegalStateException {

    private final int baseRevision;
    private final int currentRevision;

    public StaleRevisionException(int baseRevision, int currentRevision) {
        super("the question is at revision " + currentRevision + ", but the change was made against revision "
                + baseRevision);
        this.baseRevision = baseRevision;
        this.currentRevision = currentRevision;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public int currentRevision() {
        return currentRevision;
    }
}
