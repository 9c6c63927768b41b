package dev.qcurate.web.lists;

import java.util.List;
import java.util.UUID;

/** A question found by {@code GET /api/questions?q=}, to be proposed for a list. */
record QuestionHit(UUID questionId, String text, String status, List<String> tags) {

    QuestionHit {
        tags = tags == null ? List.of() : tags;
    }
}
