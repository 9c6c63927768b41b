package dev.qcurate.web.question;

import dev.qcurate.web.duplicates.DuplicateCandidate;

import java.util.List;
import java.util.UUID;

/**
 * What the question page shows.
 *
 * @param mergedInto the question this one was merged into, or null
 * @param pending    proposals about it that wait for review (empty for readers, who may not list proposals)
 */
record QuestionPage(
        QuestionDetails question,
        List<HistoryRow> history,
        Link mergedInto,
        String source,
        List<DuplicateCandidate> duplicates,
        List<PendingProposal> pending) {

    static QuestionPage of(
            QuestionDetails question,
            Link mergedInto,
            List<DuplicateCandidate> duplicates,
            List<PendingProposal> pending) {
        List<HistoryRow> history = question.history().stream()
                .map(step -> HistoryRow.of(step, RevertChoice.offeredFor(question, step)))
                .toList();
        return new QuestionPage(question, history, mergedInto, sourceOf(question.source()), duplicates, pending);
    }

    private static String sourceOf(QuestionDetails.Source source) {
        if (source == null || source.document() == null) {
            return null;
        }
        return source.line() == null ? source.document() : source.document() + ", line " + source.line();
    }

    /** One row of the "History" table; {@code revertible}: it offers "Revert to this revision". */
    record HistoryRow(int revision, String change, String who, String when, String status, boolean revertible) {

        static HistoryRow of(QuestionDetails.Step step, boolean revertible) {
            return new HistoryRow(
                    step.revision(),
                    Words.ofConstant(step.event()) + RevertChoice.causeOf(step),
                    step.actor() == null ? "—" : step.actor(),
                    Words.when(step.at()),
                    step.status(),
                    revertible);
        }
    }

    /** Another question, by its id and text. */
    record Link(UUID questionId, String text) {}
}
