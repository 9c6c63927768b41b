package dev.qcurate.command.idempotency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** The keyed requests and their stored answers (table {@code idempotent_request}). */
@Component
class IdempotentRequests {

    /** A stored answer; {@code status} is null while the first request is still running. */
    record Stored(String fingerprint, Integer status, String contentType, Long position, byte[] body) {}

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration abandonedAfter;

    /**
     * @param retention      how long an answer is replayed for its key
     * @param abandonedAfter how long an unanswered claim holds (its process died mid-request)
     */
    IdempotentRequests(
            JdbcTemplate jdbc,
            @Value("${qcurate.idempotency.retention:PT24H}") Duration retention,
            @Value("${qcurate.idempotency.abandoned-after:PT2M}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    /** Claims the key for this request, or gives what an earlier request with the key left. */
    Optional<Stored> claim(String username, String key, String fingerprint) {
        int claimed = jdbc.update(
                """
                INSERT INTO idempotent_request (username, key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (username, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = now()
                WHERE idempotent_request.created_at < now() - make_interval(secs => ?)
                   OR (idempotent_request.status IS NULL
                       AND idempotent_request.created_at < now() - make_interval(secs => ?))""", username, key, fingerprint, (double) retention.toSeconds(), (double) abandonedAfter.toSeconds());
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                SELECT fingerprint, status, content_type, position, body FROM idempotent_request
                WHERE username = ? AND key = ?""",
                        (rs, row) -> new Stored(
                                rs.getString(1),
                                (Integer) rs.getObject(2),
                                rs.getString(3),
                                (Long) rs.getObject(4),
                                rs.getBytes(5)),
                        username,
                        key)
                .stream()
                .findFirst();
    }

    void complete(String username, String key, int status, String contentType, Long position, byte[] body) {
        jdbc.update("""
                UPDATE idempotent_request SET status = ?, content_type = ?, position = ?, body = ?
                WHERE username = ? AND key = ?""", status, contentType, position, body, username, key);
    }

    /** The request failed: nothing to replay, the key may be used again. */
    void release(String username, String key) {
        jdbc.update("DELETE FROM idempotent_request WHERE username = ? AND key = ? AND status IS NULL", username, key);
    }

    @Scheduled(fixedDelayString = "${qcurate.idempotency.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void forgetOldAnswers() {
        jdbc.update("DELETE FROM idempotent_request WHERE created_at < now() - make_interval(secs => ?)", (double)
                retention.toSeconds());
    }
}
