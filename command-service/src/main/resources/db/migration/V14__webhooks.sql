-- Webhooks (issue 14 part 5, docs/webhooks.md). Configuration, not history: endpoints and their secrets live here and
-- never in the event store, whose events go to Kafka with unlimited retention.
CREATE TABLE webhook_endpoint (
    id               UUID          NOT NULL PRIMARY KEY,
    url              VARCHAR(2000) NOT NULL,
    event_kinds      VARCHAR(255)  NOT NULL,   -- comma-separated EventKind names, e.g. proposal.decided
    secret           VARCHAR(100)  NOT NULL,
    description      VARCHAR(200)  NOT NULL DEFAULT '',
    -- events at or below this global index happened before the endpoint existed and are never sent to it
    after_position   BIGINT        NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    secret_rotated_at TIMESTAMPTZ
);

-- One row per (endpoint, event): the outbox. Filled by the webhook-outbox tracking processor from the event store;
-- the unique key makes a batch processed twice (crash before its token was stored) queue nothing twice.
CREATE TABLE webhook_delivery (
    id               UUID          NOT NULL PRIMARY KEY,
    endpoint_id      UUID          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id         VARCHAR(255)  NOT NULL,
    event_kind       VARCHAR(64)   NOT NULL,
    position         BIGINT        NOT NULL,
    payload          BYTEA         NOT NULL,
    state            VARCHAR(16)   NOT NULL,   -- PENDING, DELIVERED, FAILED
    attempts         INTEGER       NOT NULL DEFAULT 0,
    -- attempts after which the delivery is FAILED; a resend allows another round of qcurate.webhooks.max-attempts
    attempts_allowed INTEGER       NOT NULL,
    -- when the next attempt is due; while an instance sends, pushed ahead by the lease so no other instance sends too
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_recent ON webhook_delivery (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempt (
    delivery_id      UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt          INTEGER       NOT NULL,
    started_at       TIMESTAMPTZ   NOT NULL,
    duration_ms      INTEGER       NOT NULL,
    status           INTEGER,                  -- HTTP status, null when no answer came
    response_excerpt VARCHAR(2048),
    error            VARCHAR(500),
    PRIMARY KEY (delivery_id, attempt)
);
