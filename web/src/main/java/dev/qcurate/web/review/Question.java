package dev.qcurate.web.review;

import java.util.List;
import java.util.UUID;

/** The parts of {@code GET /api/questions/{id}} the queue needs: current state and each revision's text. */
record Question(
        UUID questionId,
        String text,
        String status,
        int revision,
        List<String> tags,
        UUID mergedInto,
        List<Step> history) {

    record Step(int revision, String event, String text, String status) {}

    Question {
        tags = tags == null ? List.of() : tags;
        history = history == null ? List.of() : history;
    }

    /** The text as it was at {@code revision} (its last step there), or the current text when history lacks it. */
    String textAt(int revision) {
        String text = null;
        for (Step step : history) {
            if (step.revision() == revision) {
                text = step.text();
            }
        }
        return text == null ? this.text : text;
    }
}
