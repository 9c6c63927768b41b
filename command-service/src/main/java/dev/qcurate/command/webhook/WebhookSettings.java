package dev.qcurate.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How deliveries are made (qcurate.webhooks.*, docs/webhooks.md).
 *
 * @param allowLoopback        accept endpoints on 127.0.0.0/8 and ::1 (tests, a receiver on the same host)
 * @param allowPrivateNetworks accept endpoints in 10/8, 172.16/12, 192.168/16 and fc00::/7 (an internal receiver)
 * @param maxAttempts          attempts before a delivery is FAILED (a resend allows as many again)
 * @param retryBase            the wait after the first failed attempt; doubled after each further one
 * @param retryMax             the longest wait between two attempts
 * @param lease                how long a claimed delivery is held by the instance sending it (longer than a send)
 * @param concurrency          deliveries sent at once per instance
 * @param maxEndpoints         endpoints that may be registered
 */
@ConfigurationProperties("qcurate.webhooks")
record WebhookSettings(
        boolean allowLoopback,
        boolean allowPrivateNetworks,
        int maxAttempts,
        Duration retryBase,
        Duration retryMax,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration lease,
        int concurrency,
        int maxEndpoints) {

    WebhookSettings {
        maxAttempts = maxAttempts < 1 ? 8 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        // a lease shorter than one attempt could let another instance send the same delivery meanwhile
        Duration longestAttempt = connectTimeout.plus(requestTimeout).plusSeconds(5);
        lease = lease == null || lease.compareTo(longestAttempt) < 0
                ? Duration.ofSeconds(Math.max(60, longestAttempt.toSeconds()))
                : lease;
        concurrency = concurrency < 1 ? 4 : concurrency;
        maxEndpoints = maxEndpoints < 1 ? 100 : maxEndpoints;
    }

    /** The wait after failed attempt number {@code attempt} (1-based): base × 2^(attempt-1), at most retryMax. */
    Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration wait = retryBase.multipliedBy(1L << doublings);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
