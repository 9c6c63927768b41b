-- Every query instance tails the topic for its in-memory state (duplicate index, list cache). It starts where the read
-- model's snapshot ends: next_offset is the topic offset after the last record the read model has consumed, stored in
-- the same transaction as its positions. generation changes whenever the read model is emptied or replaced (rebuild):
-- an instance that sees it change reloads its in-memory state.
ALTER TABLE projection_state
    ADD COLUMN next_offset BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN generation  BIGINT NOT NULL DEFAULT 0;
