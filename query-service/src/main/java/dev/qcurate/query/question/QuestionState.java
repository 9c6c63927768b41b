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
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static dev.qcurate.shared.question.QuestionStatus.ACTIVE;
import static dev.qcurate.shared.question.QuestionStatus.MERGED;
import static dev.qcurate.shared.question.QuestionStatus.PROPOSED;
import static dev.qcurate.shared.question.QuestionStatus.REJECTED;
import static dev.qcurate.shared.question.QuestionStatus.RETIRED;

/**
 * What a question event does to a question's row, in memory: the single definition of the question's state machine,
 * used by the question projection (which writes it) and by the list projection (which must see each question as it
 * was right after each event of a batch.
 */
public record QuestionState(
        UUID id, String text, QuestionStatus status, int revision, List<String> tags, UUID mergedInto) {

    public QuestionState {
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    /** The state a proposal creates. */
    public static QuestionState proposed(QuestionProposedEvent e) {
        return new QuestionState(e.questionId().value(), e.text(), PROPOSED, 1, e.tags(), null);
    }

    /** The question whose row {@code payload} changes (creates, for a proposal), or null for other events. */
    public static UUID subject(Object payload) {
        return payload instanceof QuestionEvent e ? e.questionId().value() : null;
    }

    /** The state after the update event {@code payload} (about this question); itself for any other event. */
    public QuestionState next(Object payload) {
        return payload instanceof QuestionEvent e ? e.accept(new Transition()) : this;
    }

    /** Whether the question is in {@code expected} state. */
    public boolean is(QuestionStatus expected) {
        return status == expected;
    }

    private QuestionState with(QuestionStatus newStatus) {
        return new QuestionState(id, text, newStatus, revision, tags, mergedInto);
    }

    private QuestionState with(int newRevision, List<String> newTags) {
        return new QuestionState(id, text, status, newRevision, tagsOf(newTags), mergedInto);
    }

    private static List<String> tagsOf(List<String> tags) {
        return tags == null ? List.of() : tags;
    }

    /** The state machine: what each update does to this state. */
    private final class Transition implements QuestionEvent.Visitor<QuestionState> {

        @Override
        public QuestionState proposed(QuestionProposedEvent e) {
            return QuestionState.this; // creates a row, see proposed(e); never updates one
        }

        @Override
        public QuestionState accepted(QuestionAcceptedEvent e) {
            return with(ACTIVE);
        }

        @Override
        public QuestionState rejected(QuestionRejectedEvent e) {
            return with(REJECTED);
        }

        @Override
        public QuestionState reworded(QuestionRewordedEvent e) {
            return new QuestionState(id, e.text(), status, e.revision(), tags, mergedInto);
        }

        @Override
        public QuestionState tagsChanged(QuestionTagsChangedEvent e) {
            return with(e.revision(), e.tags());
        }

        @Override
        public QuestionState reverted(QuestionRevertedEvent e) {
            return new QuestionState(id, e.text(), status, e.revision(), tagsOf(e.tags()), mergedInto);
        }

        @Override
        public QuestionState proposalAmended(ProposedQuestionAmendedEvent e) {
            return new QuestionState(id, e.text(), status, revision, tagsOf(e.tags()), mergedInto);
        }

        @Override
        public QuestionState retired(QuestionRetiredEvent e) {
            return new QuestionState(id, text, RETIRED, e.revision(), tags, mergedInto);
        }

        @Override
        public QuestionState merged(QuestionMergedEvent e) {
            return new QuestionState(
                    id, text, MERGED, e.revision(), tags, e.targetId().value());
        }

        @Override
        public QuestionState absorbed(DuplicateAbsorbedEvent e) {
            return with(e.revision(), e.tags());
        }

        @Override
        public QuestionState unmerged(QuestionUnmergedEvent e) {
            return new QuestionState(id, e.text(), ACTIVE, e.revision(), tagsOf(e.tags()), null);
        }

        @Override
        public QuestionState released(DuplicateReleasedEvent e) {
            return with(e.revision(), e.tags());
        }
    }
}
