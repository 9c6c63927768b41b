package dev.qcurate.web.proposals;

import java.util.Arrays;
import java.util.Optional;

/** The statuses people choose from, and the query service's name for each (it calls an applied one APPROVED). */
enum ProposalStatusFilter {
    PENDING("PENDING"),
    APPLIED("APPROVED"),
    REJECTED("REJECTED"),
    STALE("STALE"),
    CHANGES_REQUESTED("CHANGES_REQUESTED");

    private final String serviceName;

    ProposalStatusFilter(String serviceName) {
        this.serviceName = serviceName;
    }

    String serviceName() {
        return serviceName;
    }

    static Optional<ProposalStatusFilter> parse(String name) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst();
    }

    /** What the page shows for the service's status. */
    static String shown(String serviceStatus) {
        return Arrays.stream(values())
                .filter(status -> status.serviceName.equals(serviceStatus))
                .findFirst()
                .map(Enum::name)
                .orElse(serviceStatus);
    }
}
