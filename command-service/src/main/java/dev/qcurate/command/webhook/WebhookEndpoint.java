package dev.qcurate.command.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered endpoint as the API shows it: everything but the secret, which is shown only when it is made. */
record WebhookEndpoint(
        UUID id,
        String url,
        List<String> events,
        String description,
        String createdBy,
        Instant createdAt,
        Instant secretRotatedAt) {}
