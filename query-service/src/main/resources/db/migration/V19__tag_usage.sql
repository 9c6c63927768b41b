-- Per tag, how many PROPOSED or ACTIVE questions carry it, kept by the question projection as it writes the rows,
-- so GET /api/tags reads this small table instead of unnesting every question's tags per request.
CREATE TABLE tag_usage (
    tag       VARCHAR(40) NOT NULL PRIMARY KEY,
    questions BIGINT      NOT NULL CHECK (questions >= 0)
);
CREATE INDEX tag_usage_most_used ON tag_usage (questions DESC, tag);
CREATE INDEX tag_usage_by_prefix ON tag_usage (tag text_pattern_ops);

INSERT INTO tag_usage (tag, questions)
SELECT t.tag, count(*) FROM question, unnest(tags) AS t(tag)
WHERE status IN ('PROPOSED', 'ACTIVE')
GROUP BY t.tag;
