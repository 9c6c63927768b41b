package dev.qcurate.command.proposal;

/** The four-eyes rule: a reviewer may not decide on a proposal they made, nor approve it twice. */
public class ReviewForbiddenException extends RuntimeException {

    public ReviewForbiddenException(String message) {
        super(message);
    }
}
