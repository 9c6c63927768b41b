-- Issue 14, parts 3 and 4: claims, the conversation and amendments of a proposal.
-- CHANGES_REQUESTED does not fit the old 16 characters.
ALTER TABLE proposal ALTER COLUMN status TYPE VARCHAR(32);
-- The claim is stored as the event said it (who, until when); whether it still holds is decided when it is read,
-- against the reader's clock, so a rebuild gives the same rows.
ALTER TABLE proposal
    ADD COLUMN claimed_by        VARCHAR(64),
    ADD COLUMN claim_expires_at  TIMESTAMPTZ,
    ADD COLUMN revision          INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN comments          INTEGER NOT NULL DEFAULT 0;

-- Comments and requests for changes, in the order they were made (position in the event stream).
CREATE TABLE proposal_comment (
    proposal_id  UUID         NOT NULL,
    position     BIGINT       NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    author       VARCHAR(64)  NOT NULL,
    text         TEXT         NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (proposal_id, position)
);

-- Every amendment: the change it replaced and the new one, so a diff can be shown per revision.
CREATE TABLE proposal_revision (
    proposal_id  UUID         NOT NULL,
    revision     INTEGER      NOT NULL,
    amended_by   VARCHAR(64)  NOT NULL,
    previous     JSONB        NOT NULL,
    change       JSONB        NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (proposal_id, revision)
);
