-- Where the relay's reconciliation stands (Reconciliation.java): every stored event up to reconciled_to is on the
-- topic, and every record of a later position is at or after scan_from_offset.
CREATE TABLE relay_reconciliation (
    id                SMALLINT    PRIMARY KEY CHECK (id = 1),
    reconciled_to     BIGINT      NOT NULL,
    scan_from_offset  BIGINT      NOT NULL,
    republished       BIGINT      NOT NULL,
    checked_at        TIMESTAMPTZ
);
INSERT INTO relay_reconciliation (id, reconciled_to, scan_from_offset, republished) VALUES (1, 0, 0, 0);
