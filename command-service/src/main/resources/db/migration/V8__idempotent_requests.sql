-- Commands sent with an Idempotency-Key header: a retry of the same request (after a lost connection) gets the first
-- answer again instead of a second proposal. One row per (user, key), claimed before the command runs; the answer is
-- stored once it succeeded, and a failed attempt deletes its row so the request can be retried.
CREATE TABLE idempotent_request (
    username     VARCHAR(64)  NOT NULL,
    key          VARCHAR(200) NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    status       SMALLINT,
    content_type VARCHAR(100),
    position     BIGINT,
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, key)
);

CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
