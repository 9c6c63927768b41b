-- V6 serialised every append from its first insert to commit, so that global_index grew in commit order. That bound
-- command throughput to one transaction at a time. Positions are plain sequence numbers again: concurrent commands
-- may commit out of position order, the relay (Axon's gap-aware tracking token) publishes each event once it has
-- committed, and the query side applies events exactly once in whatever order they arrive (AppliedPositions).
-- Events of one aggregate still commit in position order: a command holds the aggregate's lock until it committed.
DROP TRIGGER assign_global_index ON domain_event_entry;
DROP FUNCTION assign_global_index();
-- the sequence is resolved now (nextval of a regclass), not on every insert under the inserting session's search_path
DO $$
BEGIN
    EXECUTE format('ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval(%L::regclass)',
                   pg_get_serial_sequence('domain_event_entry', 'global_index'));
END
$$;
