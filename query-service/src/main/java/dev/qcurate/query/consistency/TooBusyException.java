package dev.qcurate.query.consistency;

/** This instance already does as much of some expensive work as it allows at once; answered 503 with Retry-After. */
public class TooBusyException extends RuntimeException {

    public TooBusyException(String message) {
        super(message);
    }
}
