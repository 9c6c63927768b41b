package dev.qcurate.command.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How long a reviewer's claim on a proposal lasts ({@code qcurate.review.claim.duration}, QCURATE_CLAIM_DURATION). */
@ConfigurationProperties("qcurate.review.claim")
record ClaimPolicy(Duration duration) {

    static final Duration DEFAULT = Duration.ofMinutes(15);
    /** A claim is a lock on someone's attention, not a reservation: a day is already far more than a review takes. */
    static final Duration MAX = Duration.ofDays(1);

    ClaimPolicy {
        duration = duration == null ? DEFAULT : duration;
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("qcurate.review.claim.duration must be between 1 second and " + MAX);
        }
    }
}
