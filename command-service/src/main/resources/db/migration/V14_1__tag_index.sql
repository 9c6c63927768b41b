-- Issue 14, tag rename and merge. Command-side lookups kept in the transaction of the events that change them
-- (JdbcTagIndex): the current tags of proposed and active questions, so a rename finds the questions it touches
-- without scanning the event store, and the synonyms that renames left, so tagging with an old name lands on the new.
CREATE TABLE question_tag (
    question_id  UUID         NOT NULL,
    tag          VARCHAR(40)  NOT NULL,
    PRIMARY KEY (question_id, tag)
);
CREATE INDEX question_tag_by_tag ON question_tag (tag, question_id);

CREATE TABLE tag_synonym (
    alias  VARCHAR(40) NOT NULL PRIMARY KEY,
    tag    VARCHAR(40) NOT NULL
);

-- Backfill from the events stored before this table existed: a question's rows are the tags of its latest
-- tag-bearing event, none when its latest lifecycle event took it out of review (rejected, retired, merged).
INSERT INTO question_tag (question_id, tag)
SELECT DISTINCT latest.aggregate_identifier::uuid,
       jsonb_array_elements_text(convert_from(latest.payload, 'UTF8')::jsonb -> 'tags')
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload_type, payload
      FROM domain_event_entry
      WHERE payload_type IN ('dev.qcurate.shared.question.QuestionProposedEvent',
                             'dev.qcurate.shared.question.QuestionTagsChangedEvent',
                             'dev.qcurate.shared.question.DuplicateAbsorbedEvent',
                             'dev.qcurate.shared.question.DuplicateReleasedEvent',
                             'dev.qcurate.shared.question.QuestionUnmergedEvent',
                             'dev.qcurate.shared.question.QuestionRejectedEvent',
                             'dev.qcurate.shared.question.QuestionRetiredEvent',
                             'dev.qcurate.shared.question.QuestionMergedEvent')
      ORDER BY aggregate_identifier, sequence_number DESC) latest
WHERE latest.payload_type NOT IN ('dev.qcurate.shared.question.QuestionRejectedEvent',
                                  'dev.qcurate.shared.question.QuestionRetiredEvent',
                                  'dev.qcurate.shared.question.QuestionMergedEvent');
