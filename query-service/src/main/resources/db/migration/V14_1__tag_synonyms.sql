-- Issue 14, tag rename and merge: the old names renames left (TagProjection), so filters by an old name find the
-- questions now carrying the new one, and the tags each history step showed, for reverts.
CREATE TABLE tag_synonym (
    alias  VARCHAR(40) NOT NULL PRIMARY KEY,
    tag    VARCHAR(40) NOT NULL
);
CREATE INDEX tag_synonym_by_tag ON tag_synonym (tag);

-- NULL on steps projected before this column existed, until the read model is rebuilt
ALTER TABLE question_history ADD COLUMN tags TEXT[];
