package dev.qcurate.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The relay's gap policy and its reconciliation (docs/gap-policy.md). {@code gapTimeout}: how long the relay keeps
 * waiting for a position that was jumped over (a transaction that took the number and has not committed yet); it
 * must exceed twice the longest command transaction plus clock skew. {@code maxGapOffset}: how many positions below
 * the newest one a gap is still waited for. The reconciliation compares the event store with the topic every
 * {@code reconcileInterval}, republishing events that are {@code reconcileSettle} old and not on the topic, at most
 * {@code reconcileMaxRange} positions per run.
 */
@ConfigurationProperties("qcurate.relay")
record RelayProperties(
        Duration gapTimeout,
        int maxGapOffset,
        Duration reconcileInterval,
        Duration reconcileSettle,
        int reconcileMaxRange) {

    RelayProperties {
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(3) : gapTimeout;
        maxGapOffset = maxGapOffset < 1 ? 1_000_000 : maxGapOffset;
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(1) : reconcileInterval;
        reconcileSettle = reconcileSettle == null ? Duration.ofSeconds(30) : reconcileSettle;
        reconcileMaxRange = reconcileMaxRange < 1 ? 100_000 : reconcileMaxRange;
        if (gapTimeout.isNegative() || gapTimeout.isZero() || gapTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("qcurate.relay.gap-timeout must be positive and below 24 days");
        }
    }
}
