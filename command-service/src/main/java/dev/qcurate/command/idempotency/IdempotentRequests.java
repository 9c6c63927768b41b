package dev.qcurate.command.idempotency;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The keyed requests and their stored answers (table {@code idempotent_request}). */
@Component
@RequiredArgsConstructor
class IdempotentRequests {

    /** One attempt's hold on a user's key. */
    record Claim(String username, String key, UUID attempt) {}

    /**
     * What an earlier request with the key left: {@code status} is null while it still runs, or when its answer was
     * lost; {@code stored} says whether its command committed (marked in the command's own transaction).
     */
    record Stored(String fingerprint, Integer status, String contentType, Long position, byte[] body, boolean stored) {}

    private final JdbcTemplate jdbc;

    /** How long an answer is replayed for its key. */
    @Value("${qcurate.idempotency.retention:PT24H}")
    private final Duration retention;

    /** How long an unanswered claim holds (its process died mid-request). */
    @Value("${qcurate.idempotency.abandoned-after:PT2M}")
    private final Duration abandonedAfter;

    /**
     * Claims the key for this attempt, or gives what an earlier request with the key left. An unanswered claim whose
     * command is not stored is taken over once it is {@code abandonedAfter} old: should its attempt still be running,
     * its commit fails on the claim ({@link #markStored}), so the key never stores twice.
     */
    Optional<Stored> claim(Claim claim, String fingerprint) {
        int claimed = jdbc.update(
                """
                INSERT INTO idempotent_request (username, key, fingerprint, attempt) VALUES (?, ?, ?, ?)
                ON CONFLICT (username, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, attempt = EXCLUDED.attempt,
                    created_at = now(), status = NULL, content_type = NULL, position = NULL, body = NULL, stored = false
                WHERE idempotent_request.created_at < now() - make_interval(secs => ?)
                   OR (idempotent_request.status IS NULL AND NOT idempotent_request.stored
                       AND idempotent_request.created_at < now() - make_interval(secs => ?))""",
                claim.username(),
                claim.key(),
                fingerprint,
                claim.attempt(),
                (double) retention.toSeconds(),
                (double) abandonedAfter.toSeconds());
        if (claimed == 1) {
            return Optional.empty();
        }
        String username = claim.username();
        String key = claim.key();
        return jdbc
                .query(
                        """
                SELECT fingerprint, status, content_type, position, body, stored FROM idempotent_request
                WHERE username = ? AND key = ?""",
                        (rs, row) -> new Stored(
                                rs.getString(1),
                                (Integer) rs.getObject(2),
                                rs.getString(3),
                                (Long) rs.getObject(4),
                                rs.getBytes(5),
                                rs.getBoolean(6)),
                        username,
                        key)
                .stream()
                .findFirst();
    }

    /** In the command's transaction: its key is stored with it; false if a retry took the claim over. */
    boolean markStored(Claim claim) {
        return jdbc.update(
                        "UPDATE idempotent_request SET stored = true WHERE username = ? AND key = ? AND attempt = ?",
                        claim.username(),
                        claim.key(),
                        claim.attempt())
                == 1;
    }

    /**
     * Keeps the attempt's answer if {@code success} or its command stored; otherwise frees the key for a retry.
     * One statement each way, both bound to this attempt's claim.
     */
    void complete(Claim claim, boolean success, int status, String contentType, Long position, byte[] body) {
        int kept = jdbc.update(
                """
                UPDATE idempotent_request SET status = ?, content_type = ?, position = ?, body = ?
                WHERE username = ? AND key = ? AND attempt = ? AND (? OR stored)""", status, contentType, position, body, claim.username(), claim.key(), claim.attempt(), success);
        if (kept == 0) {
            jdbc.update(
                    "DELETE FROM idempotent_request WHERE username = ? AND key = ? AND attempt = ? AND status IS NULL"
                            + " AND NOT stored",
                    claim.username(),
                    claim.key(),
                    claim.attempt());
        }
    }

    @Scheduled(fixedDelayString = "${qcurate.idempotency.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void forgetOldAnswers() {
        jdbc.update("DELETE FROM idempotent_request WHERE created_at < now() - make_interval(secs => ?)", (double)
                retention.toSeconds());
    }
}
