package dev.qcurate.web.question;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/questions/{id}} as the query service answers it (its {@code QuestionView}). */
record QuestionDetails(
        UUID questionId,
        String text,
        String status,
        int revision,
        List<String> tags,
        List<String> aliases,
        UUID mergedInto,
        Source source,
        String proposedBy,
        Instant createdAt,
        Instant updatedAt,
        List<Step> history) {

    QuestionDetails {
        tags = tags == null ? List.of() : tags;
        aliases = aliases == null ? List.of() : aliases;
        history = history == null ? List.of() : history;
    }

    public boolean isMerged() {
        return "MERGED".equals(status) && mergedInto != null;
    }

    record Source(String document, Integer line) {}

    /**
     * One step of the history: what happened, the text (and tags; null from older read models) right after it, who
     * did it, and the type of the proposal behind it.
     */
    record Step(
            int revision,
            String event,
            String text,
            String status,
            Instant at,
            String actor,
            UUID proposalId,
            List<String> tags,
            String proposalType) {}
}
