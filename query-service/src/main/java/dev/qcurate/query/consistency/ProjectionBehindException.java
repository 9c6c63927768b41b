package dev.qcurate.query.consistency;

/** The read model did not reach the requested position in time; answered 503 with Retry-After. */
public class ProjectionBehindException extends RuntimeException {

    public ProjectionBehindException(long requested, long current) {
        super("the read model is at position " + current + " and did not reach " + requested + " in time; retry");
    }
}
