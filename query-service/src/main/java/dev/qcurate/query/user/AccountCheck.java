package dev.qcurate.query.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the command service, which owns the user table, whether a token still counts ({@code GET /api/auth/session}
 * with the caller's own token), and remembers the answer for a few seconds. This is what keeps a lock-out holding on
 * every query instance within {@code qcurate.account-check.max-age} even when the user events cannot arrive (Kafka
 * down, a rebuild under way). When the command service cannot say (down, slow, an older release), the answer is
 * {@link Verdict#UNKNOWN} and {@link AccountStatus} falls back to the projected {@code user_access} table.
 */
@Component
class AccountCheck {

    private static final Logger log = LoggerFactory.getLogger(AccountCheck.class);

    enum Verdict {
        GOOD,
        REFUSED,
        UNKNOWN
    }

    private final URI session;
    private final HttpClient http;
    private final Duration timeout;
    private final Cache<String, Verdict> verdicts;
    private final MeterRegistry metrics;

    AccountCheck(
            @Value("${qcurate.account-check.uri:}") String uri,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${qcurate.account-check.max-age:PT2S}") Duration maxAge,
            @Value("${qcurate.account-check.timeout:PT1S}") Duration timeout,
            @Value("${qcurate.account-check.size:10000}") long size,
            MeterRegistry metrics) {
        // by default the command service that publishes the signing keys: same scheme, host and port
        this.session = uri.isBlank() ? URI.create(jwkSetUri).resolve("/api/auth/session") : URI.create(uri);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.verdicts =
                Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(size).build();
        this.metrics = metrics;
    }

    /** What the command service says about this token, at most {@code max-age} old. */
    Verdict verdict(String token) {
        return verdicts.get(token, this::ask);
    }

    private Verdict ask(String token) {
        Verdict verdict;
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(session)
                            .timeout(timeout)
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            verdict = switch (answer.statusCode()) {
                case 200 -> Verdict.GOOD;
                case 401 -> Verdict.REFUSED;
                default -> Verdict.UNKNOWN; // e.g. 503 while its database is down
            };
        } catch (IOException e) {
            log.debug("The command service cannot say whether a token counts: {}", e.toString());
            verdict = Verdict.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            verdict = Verdict.UNKNOWN;
        }
        metrics.counter("qcurate.account.checks", "verdict", verdict.name().toLowerCase())
                .increment();
        return verdict;
    }
}
