package dev.qcurate.command.dispatch;

/**
 * A command failed after its transaction had been sent to commit (the database went away during COMMIT): it may
 * or may not have been stored. Never run again by the dispatcher; the client learns the truth by sending it again
 * with the same {@code Idempotency-Key}, which is marked in the command's own transaction.
 */
public class CommitOutcomeUnknownException extends RuntimeException {

    CommitOutcomeUnknownException(Throwable cause) {
        super("the command's commit did not complete: it may or may not have been stored", cause);
    }
}
