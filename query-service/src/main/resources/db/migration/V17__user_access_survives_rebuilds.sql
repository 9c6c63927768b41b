-- user_access is kept out of rebuilds (never emptied): each row remembers the position of the last event it applied
-- and takes only newer ones, so a replay from the start of the topic cannot bring an older state back. Rows written
-- before this column existed take any event again once (0).
ALTER TABLE user_access ADD COLUMN applied_position BIGINT NOT NULL DEFAULT 0;
