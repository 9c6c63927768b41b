package dev.qcurate.command.webhook;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Every SQL statement about deliveries: queueing, claiming, recording attempts, resending and reading them. */
@Component
@RequiredArgsConstructor
class DeliveryStore {

    /** A delivery claimed for one attempt, with what it takes to make it. */
    record Claimed(
            UUID id, String eventKind, byte[] payload, int attempt, int attemptsAllowed, String url, String secret) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /**
     * Queues the event for every endpoint subscribed to its kind that existed before it; an (endpoint, event) queued
     * before is left alone, so a batch processed again queues nothing twice.
     */
    int enqueue(String eventId, EventKind kind, long position, byte[] payload, int attemptsAllowed) {
        return jdbc.update(
                """
                INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_kind, position, payload, state,
                                              attempts_allowed, next_attempt_at)
                SELECT gen_random_uuid(), e.id, ?, ?, ?, ?, 'PENDING', ?, now()
                  FROM webhook_endpoint e
                 WHERE e.after_position < ? AND ',' || e.event_kinds || ',' LIKE ?
                ON CONFLICT (endpoint_id, event_id) DO NOTHING""",
                eventId,
                kind.wireName(),
                position,
                payload,
                attemptsAllowed,
                position,
                "%," + kind.wireName() + ",%");
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance: SKIP LOCKED lets two instances claim at once
     * without waiting on or taking each other's rows, and the lease (next attempt pushed ahead) keeps a claimed row
     * away from others after this statement commits, while it is being sent. A crash mid-send leaves the row due
     * again when the lease ends: at-least-once.
     */
    List<Claimed> claimDue(int limit, Duration lease) {
        return jdbc.query(
                """
                WITH due AS (
                    SELECT id FROM webhook_delivery
                     WHERE state = 'PENDING' AND next_attempt_at <= now()
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => ?)
                      FROM due WHERE d.id = due.id
                    RETURNING d.id, d.endpoint_id, d.event_kind, d.payload, d.attempts, d.attempts_allowed)
                SELECT c.*, e.url, e.secret FROM claimed c JOIN webhook_endpoint e ON e.id = c.endpoint_id""",
                (rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_kind"),
                        rs.getBytes("payload"),
                        rs.getInt("attempts") + 1,
                        rs.getInt("attempts_allowed"),
                        rs.getString("url"),
                        rs.getString("secret")),
                limit,
                lease.toMillis() / 1000.0);
    }

    /**
     * Records the attempt and what follows from it: DELIVERED, FAILED, or PENDING until {@code retryAt}. If the lease
     * ran out and another instance recorded this attempt first, nothing changes.
     */
    void record(Claimed delivery, Instant startedAt, DeliveryResult result, Instant retryAt) {
        DeliveryState state = DeliveryState.after(result, retryAt != null);
        transactions.executeWithoutResult(tx -> {
            int updated = jdbc.update(
                    "UPDATE webhook_delivery SET attempts = ?, state = ?, next_attempt_at = ?"
                            + " WHERE id = ? AND attempts = ?",
                    delivery.attempt(),
                    state.name(),
                    Timestamp.from(retryAt == null ? Instant.now() : retryAt),
                    delivery.id(),
                    delivery.attempt() - 1);
            if (updated == 1) {
                jdbc.update(
                        "INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, status,"
                                + " response_excerpt, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        delivery.id(),
                        delivery.attempt(),
                        Timestamp.from(startedAt),
                        result.durationMs(),
                        result.status(),
                        result.responseExcerpt(),
                        result.error());
            }
        });
    }

    /** The state of a delivery of this endpoint, if there is one. */
    Optional<DeliveryState> stateOf(UUID endpointId, UUID deliveryId) {
        return jdbc
                .queryForList(
                        "SELECT state FROM webhook_delivery WHERE id = ? AND endpoint_id = ?",
                        String.class,
                        deliveryId,
                        endpointId)
                .stream()
                .map(DeliveryState::valueOf)
                .findFirst();
    }

    /** Queues a finished delivery (DELIVERED or FAILED) again, now, with another round of attempts. */
    boolean resend(UUID deliveryId, int moreAttempts) {
        return jdbc.update(
                        "UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = now(),"
                                + " attempts_allowed = attempts + ? WHERE id = ? AND state <> 'PENDING'",
                        moreAttempts,
                        deliveryId)
                == 1;
    }

    List<DeliveryViews.Delivery> recent(UUID endpointId, int limit) {
        Map<UUID, List<DeliveryViews.Attempt>> history = new LinkedHashMap<>();
        List<DeliveryViews.Delivery> deliveries = jdbc.query(
                """
                SELECT id, endpoint_id, event_id, event_kind, position, state, attempts, next_attempt_at, created_at
                  FROM webhook_delivery WHERE endpoint_id = ? ORDER BY created_at DESC, position DESC LIMIT ?""",
                (rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    List<DeliveryViews.Attempt> attempts = new ArrayList<>();
                    history.put(id, attempts);
                    DeliveryState state = DeliveryState.valueOf(rs.getString("state"));
                    return new DeliveryViews.Delivery(
                            id,
                            rs.getObject("endpoint_id", UUID.class),
                            rs.getString("event_id"),
                            rs.getString("event_kind"),
                            rs.getLong("position"),
                            state,
                            rs.getInt("attempts"),
                            state == DeliveryState.PENDING
                                    ? rs.getTimestamp("next_attempt_at").toInstant()
                                    : null,
                            rs.getTimestamp("created_at").toInstant(),
                            attempts);
                },
                endpointId,
                limit);
        if (!history.isEmpty()) {
            jdbc.query(
                    "SELECT delivery_id, attempt, started_at, duration_ms, status, response_excerpt, error"
                            + " FROM webhook_attempt WHERE delivery_id = ANY (?::uuid[]) ORDER BY delivery_id, attempt",
                    rs -> {
                        history.get(rs.getObject("delivery_id", UUID.class))
                                .add(new DeliveryViews.Attempt(
                                        rs.getInt("attempt"),
                                                rs.getTimestamp("started_at").toInstant(),
                                        rs.getInt("duration_ms"), (Integer) rs.getObject("status"),
                                        rs.getString("response_excerpt"), rs.getString("error")));
                    },
                    (Object) history.keySet().stream().map(UUID::toString).toArray(String[]::new));
        }
        return deliveries;
    }
}
