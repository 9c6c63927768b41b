package dev.qcurate.command.proposal;

import dev.qcurate.command.dispatch.CommandForbiddenException;

/** The four-eyes rule: a reviewer may not decide on a proposal they made, nor approve it twice. */
public class ReviewForbiddenException extends CommandForbiddenException {

    public ReviewForbiddenException(String message) {
        super(message);
    }
}
