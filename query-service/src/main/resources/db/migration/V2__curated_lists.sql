-- Curated lists: entries as added, and every version of the deduplicated view consumers see.

CREATE TABLE curated_list (
    id           UUID          NOT NULL PRIMARY KEY,
    name         VARCHAR(100)  NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    description  TEXT,
    version      INTEGER       NOT NULL,
    size         INTEGER       NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- The entries in the order the aggregate keeps them. sort_key is a sparse order (inserting between two entries takes
-- the midpoint), so an insertion or move changes one row, not every row after it.
CREATE TABLE list_entry (
    list_id      UUID     NOT NULL,
    question_id  UUID     NOT NULL,
    sort_key     NUMERIC  NOT NULL,
    PRIMARY KEY (list_id, question_id)
);
CREATE INDEX list_entry_order ON list_entry (list_id, sort_key);
CREATE INDEX list_entry_question ON list_entry (question_id);
-- finds the questions merged into a list member when that member changes
CREATE INDEX question_merged_into ON question (merged_into) WHERE merged_into IS NOT NULL;

-- The deduplicated view, as intervals of versions: a row is shown in versions valid_from <= v < valid_to
-- (2147483647 = still shown). A change of the view closes the rows it changes and opens their successors, so storage
-- grows with the number of changed rows, not with versions x size.
CREATE TABLE list_view_row (
    list_id      UUID      NOT NULL,
    question_id  UUID      NOT NULL,
    valid_from   INTEGER   NOT NULL,
    valid_to     INTEGER   NOT NULL DEFAULT 2147483647,
    sort_key     NUMERIC   NOT NULL,
    text         TEXT      NOT NULL,
    tags         TEXT[]    NOT NULL,
    revision     INTEGER   NOT NULL,
    PRIMARY KEY (list_id, question_id, valid_from)
);
CREATE INDEX list_view_row_to ON list_view_row (list_id, valid_to, valid_from);
CREATE INDEX list_view_row_from ON list_view_row (list_id, valid_from, valid_to);

-- Entries shown as another question (merged into it, or the same normalised text), for the diff's "merged". Same
-- interval scheme; an alias change that alters nothing visible updates the current version's aliases in place.
CREATE TABLE list_view_alias (
    list_id      UUID     NOT NULL,
    source_id    UUID     NOT NULL,
    target_id    UUID     NOT NULL,
    valid_from   INTEGER  NOT NULL,
    valid_to     INTEGER  NOT NULL DEFAULT 2147483647,
    PRIMARY KEY (list_id, source_id, target_id, valid_from)
);
CREATE INDEX list_view_alias_to ON list_view_alias (list_id, valid_to, valid_from);

CREATE TABLE list_version (
    list_id      UUID          NOT NULL,
    version      INTEGER       NOT NULL,
    at           TIMESTAMPTZ   NOT NULL,
    position     BIGINT        NOT NULL,
    cause_type   VARCHAR(64)   NOT NULL,
    proposal_id  UUID,
    actor        VARCHAR(64),
    size         INTEGER       NOT NULL,
    added        INTEGER       NOT NULL,
    removed      INTEGER       NOT NULL,
    reworded     INTEGER       NOT NULL,
    merged       INTEGER       NOT NULL,
    PRIMARY KEY (list_id, version)
);
CREATE INDEX list_version_at ON list_version (list_id, at, version);

CREATE TABLE list_release (
    list_id   UUID          NOT NULL,
    label     VARCHAR(64)   NOT NULL,
    version   INTEGER       NOT NULL,
    position  BIGINT        NOT NULL,
    at        TIMESTAMPTZ   NOT NULL,
    actor     VARCHAR(64),
    PRIMARY KEY (list_id, label)
);

-- The change feed's outbox. Not part of the read model: a rebuild keeps it, and a version already in it is never
-- written again, so (list, version) is published with one content only.
CREATE TABLE list_feed_outbox (
    list_id       UUID         NOT NULL,
    version       INTEGER      NOT NULL,
    position      BIGINT       NOT NULL,
    payload       TEXT         NOT NULL,
    published_at  TIMESTAMPTZ,
    PRIMARY KEY (list_id, version)
);
CREATE INDEX list_feed_outbox_pending ON list_feed_outbox (position) WHERE published_at IS NULL;
