-- Sentence vectors of question texts, computed once per distinct text and model: a rebuild, a restart or a second
-- query instance reads them instead of running the model again. Keyed by the model too, so a model change embeds
-- afresh (deliberately, on first use) and never mixes two models' vectors; not touched by a read-model rebuild.
-- text_hash: SHA-256 of the normalised text (EmbeddingKey); vector: float32 little-endian, unit length.
CREATE TABLE text_embedding (
    model_id   TEXT        NOT NULL,
    text_hash  BYTEA       NOT NULL,
    vector     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, text_hash)
);
