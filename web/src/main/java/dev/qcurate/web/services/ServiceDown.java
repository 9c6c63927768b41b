package dev.qcurate.web.services;

/** A service could not be reached (refused, timed out, or answered 502–504): a page-level outage message. */
public final class ServiceDown extends RuntimeException {

    private final String service;

    public ServiceDown(String service, Throwable cause) {
        super(service + " is not reachable", cause);
        this.service = service;
    }

    /** {@code command-service} or {@code query-service}. */
    public String service() {
        return service;
    }
}
