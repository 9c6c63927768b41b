package dev.qcurate.web.imports;

import dev.qcurate.web.duplicates.DuplicateCandidate;

import java.util.List;
import java.util.UUID;

/** A proposal of the import that the query service flags as a likely duplicate, with its candidates. */
record FlaggedItem(
        UUID proposalId,
        UUID questionId,
        String text,
        Integer line,
        String status,
        List<DuplicateCandidate> candidates) {}
