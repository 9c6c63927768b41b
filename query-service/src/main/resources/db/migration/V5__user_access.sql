-- Which accounts' tokens this service refuses, learnt from the user events on the topic. Users without events
-- (dev users) have no row and are not restricted here.
CREATE TABLE user_access (
    username           VARCHAR(64) NOT NULL PRIMARY KEY,
    enabled            BOOLEAN     NOT NULL,
    tokens_not_before  TIMESTAMPTZ
);
