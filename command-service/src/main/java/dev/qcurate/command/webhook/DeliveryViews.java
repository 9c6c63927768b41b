package dev.qcurate.command.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deliveries as the admin API shows them, newest first, each with its attempts in order. */
final class DeliveryViews {

    private DeliveryViews() {}

    record Delivery(
            UUID id,
            UUID endpointId,
            String eventId,
            String event,
            long position,
            DeliveryState state,
            int attempts,
            Instant nextAttemptAt,
            Instant createdAt,
            List<Attempt> history) {}

    /** One attempt: the answer's status (null if none came), a bounded excerpt of its body, or the error. */
    record Attempt(
            int attempt, Instant startedAt, int durationMs, Integer status, String responseExcerpt, String error) {}
}
