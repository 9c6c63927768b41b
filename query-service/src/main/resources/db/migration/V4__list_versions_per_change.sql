-- One list version per approved change, not per event: a merge's events (source merged, target absorbed) are parked
-- here by proposal and turned into a single version when the proposal's ProposalAppliedEvent arrives (always the
-- last event of the approval's transaction). Durable, so a batch boundary or a crash between them changes nothing.
CREATE TABLE list_pending_change (
    proposal_id  UUID         NOT NULL,
    list_id      UUID         NOT NULL,
    position     BIGINT       NOT NULL,
    cause_type   VARCHAR(64)  NOT NULL,
    actor        VARCHAR(64),
    at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (proposal_id, list_id)
);
