package dev.qcurate.query.projection;

import java.time.Instant;

/**
 * One event as it arrived from the topic: its global position, payload, and the audit data that travels in its
 * headers (who, when, which correlation).
 */
public record StoredEvent(long position, Object payload, Instant at, String actor, String correlationId) {}
