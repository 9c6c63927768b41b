-- global_index must grow in commit order. With a plain BIGSERIAL, two concurrent commands take 10 and 11 and may
-- commit 11 first: the relay publishes 11, then 10 once it commits, and the query side, which skips positions at or
-- below the one it stored, would drop 10 for good. Assigning the index under a transaction-scoped advisory lock
-- (held until commit) makes a later index impossible before an earlier one is committed. Cost: appends to the event
-- store are serialised from the first insert to commit, a few milliseconds per command.
ALTER TABLE domain_event_entry ALTER COLUMN global_index DROP DEFAULT;

CREATE FUNCTION assign_global_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7158349021);
    NEW.global_index := nextval(pg_get_serial_sequence(
        quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'global_index'));
    RETURN NEW;
END
$$;

CREATE TRIGGER assign_global_index BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION assign_global_index();
