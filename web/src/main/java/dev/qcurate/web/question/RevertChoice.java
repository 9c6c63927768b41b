package dev.qcurate.web.question;

import dev.qcurate.web.diff.TagChange;
import dev.qcurate.web.diff.WordDiff;

import java.util.List;

/**
 * Which history entries offer "Revert to this revision" (the last step of each earlier revision of an active question
 * that shows something else than now), and what a revert to one would change: the word diff against the current
 * text and the tag change.
 */
record RevertChoice(QuestionDetails question, int revision, WordDiff textDiff, TagChange tags) {

    static boolean offeredFor(QuestionDetails question, QuestionDetails.Step step) {
        if (!"ACTIVE".equals(question.status()) || step.revision() >= question.revision()) {
            return false;
        }
        QuestionDetails.Step last = lastStepOf(question, step.revision());
        if (last != step) {
            return false;
        }
        boolean otherText = step.text() != null && !step.text().equals(question.text());
        boolean otherTags = step.tags() != null && !sorted(step.tags()).equals(sorted(question.tags()));
        return otherText || otherTags;
    }

    /** The revert to {@code revision}, or null when the question has no such earlier revision. */
    static RevertChoice of(QuestionDetails question, int revision) {
        QuestionDetails.Step step = lastStepOf(question, revision);
        if (step == null || revision >= question.revision()) {
            return null;
        }
        List<String> tags = step.tags() == null ? question.tags() : step.tags();
        return new RevertChoice(
                question,
                revision,
                WordDiff.of(question.text(), step.text() == null ? "" : step.text()),
                TagChange.of(question.tags(), tags));
    }

    /** How the history names a change that a revert or a tag rename made. */
    static String causeOf(QuestionDetails.Step step) {
        if ("REVERT".equals(step.proposalType())) {
            return "REVERTED".equals(step.event()) ? "" : " (revert)";
        }
        return "TAG_RENAME".equals(step.proposalType()) ? " (tag rename)" : "";
    }

    private static QuestionDetails.Step lastStepOf(QuestionDetails question, int revision) {
        QuestionDetails.Step last = null;
        for (QuestionDetails.Step step : question.history()) {
            if (step.revision() == revision) {
                last = step;
            }
        }
        return last;
    }

    private static List<String> sorted(List<String> tags) {
        return tags.stream().sorted().toList();
    }
}
