-- The read model. Every table here is derived from the event topic and can be rebuilt from it.

-- How far the projections got: the global position (event store index) of the last event applied.
CREATE TABLE projection_state (
    name      VARCHAR(64) NOT NULL PRIMARY KEY,
    position  BIGINT      NOT NULL
);
INSERT INTO projection_state (name, position) VALUES ('read-model', 0);

CREATE TABLE question (
    id               UUID         NOT NULL PRIMARY KEY,
    text             TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    revision         INTEGER      NOT NULL,
    tags             TEXT[]       NOT NULL,
    merged_into      UUID,
    proposal_id      UUID         NOT NULL,
    proposed_by      VARCHAR(64)  NOT NULL,
    source_document  VARCHAR(255),
    source_line      INTEGER,
    import_id        UUID,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX question_status ON question (status);
CREATE INDEX question_tags ON question USING gin (tags);

-- One row per step in a question's life, with who did it and why.
CREATE TABLE question_history (
    question_id  UUID         NOT NULL,
    position     BIGINT       NOT NULL,
    revision     INTEGER      NOT NULL,
    event        VARCHAR(64)  NOT NULL,
    text         TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    actor        VARCHAR(64),
    proposal_id  UUID,
    at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (question_id, position)
);

-- Texts of duplicates merged into a question.
CREATE TABLE question_alias (
    question_id  UUID  NOT NULL,
    source_id    UUID  NOT NULL,
    alias        TEXT  NOT NULL,
    PRIMARY KEY (question_id, source_id)
);

CREATE TABLE proposal (
    id                    UUID         NOT NULL PRIMARY KEY,
    type                  VARCHAR(32)  NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    question_id           UUID,
    list_id               UUID,
    proposer              VARCHAR(64)  NOT NULL,
    payload               JSONB        NOT NULL,
    duplicate_candidates  JSONB        NOT NULL,
    required_approvals    INTEGER      NOT NULL,
    approvers             TEXT[]       NOT NULL,
    decided_by            VARCHAR(64),
    reason                TEXT,
    created_at            TIMESTAMPTZ  NOT NULL,
    decided_at            TIMESTAMPTZ
);
CREATE INDEX proposal_status ON proposal (status, created_at);
CREATE INDEX proposal_proposer ON proposal (proposer, created_at);
CREATE INDEX proposal_question ON proposal (question_id);
