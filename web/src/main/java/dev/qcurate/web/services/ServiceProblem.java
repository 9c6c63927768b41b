package dev.qcurate.web.services;

import java.time.Duration;
import java.util.Optional;

/**
 * A service answered with an error: its status and the problem+json {@code detail} (or a plain sentence when the
 * answer had none), ready to be shown to the user.
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final String detail;
    private final Duration retryAfter;

    public ServiceProblem(int status, String detail, Duration retryAfter) {
        super(status + ": " + detail);
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** What went wrong, in the service's words. */
    public String detail() {
        return detail;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 409: the proposal is stale or the change conflicts with what happened meanwhile. */
    public boolean isConflict() {
        return status == 409;
    }

    /** 400 or 422: the input was refused; the form is shown again with this message. */
    public boolean isInvalidInput() {
        return status == 400 || status == 422 || status == 413;
    }
}
