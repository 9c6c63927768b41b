-- The login throttle's counters (LoginThrottle.java), shared by every command-service instance. key is
-- 'user:<lower-case name>' or 'address:<client address>'; rows of streaks that ended are deleted periodically.
CREATE TABLE login_failure (
    key           VARCHAR(400) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMPTZ  NOT NULL,
    locked_since  TIMESTAMPTZ
);
