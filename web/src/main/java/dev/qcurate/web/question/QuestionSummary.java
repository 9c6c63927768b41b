package dev.qcurate.web.question;

import java.util.List;
import java.util.UUID;

/** A row of {@code GET /api/questions?q=}: a merge target to choose from. */
record QuestionSummary(UUID questionId, String text, String status, int revision, List<String> tags, UUID mergedInto) {

    /** The page of results the query service answers with; only its items matter here. */
    record Results(List<QuestionSummary> items, long total) {

        Results {
            items = items == null ? List.of() : items;
        }
    }
}
