-- One row per imported document content: importing the same bytes again answers with the first import's result
-- instead of proposing its questions a second time. The row is claimed before the first proposal is sent, so two
-- concurrent uploads of one document cannot both import it; answer stays NULL until the import has finished.
CREATE TABLE import_record (
    content_sha256  CHAR(64)     NOT NULL PRIMARY KEY,
    import_id       UUID         NOT NULL UNIQUE,
    source          VARCHAR(255) NOT NULL,
    list_id         UUID,
    imported_by     VARCHAR(64)  NOT NULL,
    answer          TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
