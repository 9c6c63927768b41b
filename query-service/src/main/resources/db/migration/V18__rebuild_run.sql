-- A rebuild of the read model, built beside the live one in a shadow schema (see docs/rebuild.md). While it runs, its
-- row lives in the shadow schema (owner and heartbeat: another instance resumes it when the owner stops beating); once
-- the shadow has reached the live model and replaced it, the row says DONE in the (new) live schema.
CREATE TABLE rebuild_run (
    name             VARCHAR(64)  NOT NULL PRIMARY KEY,
    state            VARCHAR(16)  NOT NULL,
    target_position  BIGINT       NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    owner            VARCHAR(200) NOT NULL,
    heartbeat_at     TIMESTAMPTZ  NOT NULL
);
