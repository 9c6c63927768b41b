package dev.qcurate.query.question;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A question as consumers and reviewers see it, with its whole history. */
public record QuestionView(
        UUID questionId,
        String text,
        String status,
        int revision,
        List<String> tags,
        List<String> aliases,
        UUID mergedInto,
        Source source,
        UUID proposalId,
        String proposedBy,
        Instant createdAt,
        Instant updatedAt,
        List<Step> history) {

    public record Source(String document, Integer line, UUID importId) {}

    /**
     * One step: what happened, the text and status right after it, who did it, and which proposal caused it. Also the
     * tags right after it (null for steps projected before tags were recorded) and the proposal's type, e.g.
     * {@code REVERT} or {@code TAG_RENAME} for the rewordings and tag changes those apply.
     */
    public record Step(
            int revision,
            String event,
            String text,
            String status,
            Instant at,
            String actor,
            UUID proposalId,
            List<String> tags,
            String proposalType) {}

    /** A row of a question search. */
    public record Summary(
            UUID questionId,
            String text,
            String status,
            int revision,
            List<String> tags,
            UUID mergedInto,
            Instant updatedAt) {}
}
