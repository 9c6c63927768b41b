-- Concurrent commands take their global positions before they commit, so events can arrive out of position order.
-- The read model records the positions it jumped over (gaps) until their events arrive, with the time (epoch ms, of
-- the event that revealed the gap) after which an unfilled gap is abandoned. See AppliedPositions.
ALTER TABLE projection_state
    ADD COLUMN gaps            BIGINT[] NOT NULL DEFAULT '{}',
    ADD COLUMN gaps_noticed_ms BIGINT[] NOT NULL DEFAULT '{}';
