package dev.qcurate.command.dispatch;

/**
 * A rule forbids this user this command (answered 403). Features extend it, so this package need not know them:
 * feature packages depend on dispatch, never the other way round.
 */
public class CommandForbiddenException extends RuntimeException {

    public CommandForbiddenException(String message) {
        super(message);
    }
}
