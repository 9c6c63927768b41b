-- A keyed request's claim names the attempt that holds it, and its command's own transaction marks it as stored:
-- a retry after an unknown outcome (instance killed, database gone during COMMIT) learns from the row whether the
-- command is stored, and an attempt whose claim was taken over by a retry cannot commit any more.
ALTER TABLE idempotent_request
    ADD COLUMN attempt UUID,
    ADD COLUMN stored  BOOLEAN NOT NULL DEFAULT false;

UPDATE idempotent_request SET stored = true WHERE status IS NOT NULL;
