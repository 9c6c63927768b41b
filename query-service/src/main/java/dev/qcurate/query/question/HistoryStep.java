package dev.qcurate.query.question;

import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;

/** A step of a question's history, as {@code question_history.event} names it. */
enum HistoryStep {
    PROPOSED,
    ACCEPTED,
    REJECTED,
    REWORDED,
    TAGS_CHANGED,
    REVERTED,
    PROPOSAL_AMENDED,
    RETIRED,
    MERGED,
    ABSORBED_DUPLICATE,
    UNMERGED,
    RELEASED_DUPLICATE;

    /** The step {@code event} records. */
    static HistoryStep of(QuestionEvent event) {
        return event.accept(STEPS);
    }

    private static final QuestionEvent.Visitor<HistoryStep> STEPS = new QuestionEvent.Visitor<>() {
        @Override
        public HistoryStep proposed(QuestionProposedEvent e) {
            return HistoryStep.PROPOSED;
        }

        @Override
        public HistoryStep accepted(QuestionAcceptedEvent e) {
            return HistoryStep.ACCEPTED;
        }

        @Override
        public HistoryStep rejected(QuestionRejectedEvent e) {
            return HistoryStep.REJECTED;
        }

        @Override
        public HistoryStep reworded(QuestionRewordedEvent e) {
            return HistoryStep.REWORDED;
        }

        @Override
        public HistoryStep tagsChanged(QuestionTagsChangedEvent e) {
            return HistoryStep.TAGS_CHANGED;
        }

        @Override
        public HistoryStep reverted(QuestionRevertedEvent e) {
            return HistoryStep.REVERTED;
        }

        @Override
        public HistoryStep proposalAmended(ProposedQuestionAmendedEvent e) {
            return HistoryStep.PROPOSAL_AMENDED;
        }

        @Override
        public HistoryStep retired(QuestionRetiredEvent e) {
            return HistoryStep.RETIRED;
        }

        @Override
        public HistoryStep merged(QuestionMergedEvent e) {
            return HistoryStep.MERGED;
        }

        @Override
        public HistoryStep absorbed(DuplicateAbsorbedEvent e) {
            return HistoryStep.ABSORBED_DUPLICATE;
        }

        @Override
        public HistoryStep unmerged(QuestionUnmergedEvent e) {
            return HistoryStep.UNMERGED;
        }

        @Override
        public HistoryStep released(DuplicateReleasedEvent e) {
            return HistoryStep.RELEASED_DUPLICATE;
        }
    };
}
