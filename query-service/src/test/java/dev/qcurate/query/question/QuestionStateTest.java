package dev.qcurate.query.question;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The question's state machine on the query side, without a database. */
class QuestionStateTest {

    private final QuestionId q = QuestionId.random();
    private final QuestionId target = QuestionId.random();
    private final ProposalId p = ProposalId.random();
    private final QuestionState proposed =
            QuestionState.proposed(new QuestionProposedEvent(q, p, "What is 2+2?", List.of("math"), null, "ed"));
    private final QuestionState active = proposed.next(new QuestionAcceptedEvent(q, p));

    @Test
    void aProposalStartsAtRevisionOneAsProposed() {
        assertThat(proposed)
                .isEqualTo(new QuestionState(
                        q.value(), "What is 2+2?", QuestionStatus.PROPOSED, 1, List.of("math"), null));
        assertThat(proposed.is(QuestionStatus.PROPOSED)).isTrue();
    }

    @Test
    void acceptanceAndRejectionChangeOnlyTheStatus() {
        assertThat(active)
                .isEqualTo(
                        new QuestionState(q.value(), "What is 2+2?", QuestionStatus.ACTIVE, 1, List.of("math"), null));
        assertThat(proposed.next(new QuestionRejectedEvent(q, p, "off topic")).is(QuestionStatus.REJECTED))
                .isTrue();
    }

    @Test
    void rewordingAndTagChangesMoveTheRevision() {
        QuestionState reworded =
                active.next(new QuestionRewordedEvent(q, p, 2, "What is 2 + 2?", "What is 2+2?", "ed"));
        QuestionState tagged = reworded.next(
                new QuestionTagsChangedEvent(q, p, 3, List.of("easy"), List.of(), List.of("easy", "math")));

        assertThat(reworded)
                .isEqualTo(new QuestionState(
                        q.value(), "What is 2 + 2?", QuestionStatus.ACTIVE, 2, List.of("math"), null));
        assertThat(tagged)
                .isEqualTo(new QuestionState(
                        q.value(), "What is 2 + 2?", QuestionStatus.ACTIVE, 3, List.of("easy", "math"), null));
    }

    @Test
    void retirementKeepsTextAndTags() {
        assertThat(active.next(new QuestionRetiredEvent(q, p, 2, "obsolete")))
                .isEqualTo(
                        new QuestionState(q.value(), "What is 2+2?", QuestionStatus.RETIRED, 2, List.of("math"), null));
    }

    @Test
    void aMergePointsAtTheTargetAndAnUnmergeRestoresTheSource() {
        QuestionState merged = active.next(new QuestionMergedEvent(q, target, p, 2));
        QuestionState unmerged = merged.next(new QuestionUnmergedEvent(q, target, p, 3, "What is 2+2 ?", List.of("a")));

        assertThat(merged)
                .isEqualTo(new QuestionState(
                        q.value(), "What is 2+2?", QuestionStatus.MERGED, 2, List.of("math"), target.value()));
        assertThat(unmerged)
                .isEqualTo(new QuestionState(q.value(), "What is 2+2 ?", QuestionStatus.ACTIVE, 3, List.of("a"), null));
    }

    @Test
    void theTargetOfAMergeTakesAndGivesBackTags() {
        QuestionState absorbed = active.next(
                new DuplicateAbsorbedEvent(q, target, p, 2, "alias", List.of("easy"), List.of("easy", "math")));
        QuestionState released =
                absorbed.next(new DuplicateReleasedEvent(q, target, p, 3, "alias", List.of("easy"), List.of("math")));

        assertThat(absorbed)
                .isEqualTo(new QuestionState(
                        q.value(), "What is 2+2?", QuestionStatus.ACTIVE, 2, List.of("easy", "math"), null));
        assertThat(released)
                .isEqualTo(
                        new QuestionState(q.value(), "What is 2+2?", QuestionStatus.ACTIVE, 3, List.of("math"), null));
    }

    @Test
    void otherEventsLeaveTheStateAlone() {
        assertThat(active.next(new TagsRenamedEvent(p, List.of("math"), "maths")))
                .isSameAs(active);
        assertThat(active.next(new QuestionProposedEvent(q, p, "again", List.of(), null, "ed")))
                .isSameAs(active);
        assertThat(QuestionState.subject(new TagsRenamedEvent(p, List.of("math"), "maths")))
                .isNull();
    }

    @Test
    void theSubjectOfAMergeEventIsTheQuestionWhoseRowItChanges() {
        assertThat(QuestionState.subject(new QuestionMergedEvent(q, target, p, 2)))
                .isEqualTo(q.value());
        assertThat(QuestionState.subject(new DuplicateAbsorbedEvent(target, q, p, 2, "a", List.of(), List.of())))
                .isEqualTo(target.value());
    }

    @Test
    void eachUpdateRecordsItsOwnHistoryStep() {
        assertThat(HistoryStep.of(new QuestionAcceptedEvent(q, p))).isEqualTo(HistoryStep.ACCEPTED);
        assertThat(HistoryStep.of(new QuestionMergedEvent(q, target, p, 2))).isEqualTo(HistoryStep.MERGED);
        assertThat(HistoryStep.of(new DuplicateAbsorbedEvent(q, target, p, 2, "a", List.of(), List.of())))
                .isEqualTo(HistoryStep.ABSORBED_DUPLICATE);
        assertThat(HistoryStep.of(new DuplicateReleasedEvent(q, target, p, 2, "a", List.of(), List.of())))
                .isEqualTo(HistoryStep.RELEASED_DUPLICATE);
        assertThat(HistoryStep.of(new QuestionTagsChangedEvent(q, p, 2, List.of(), List.of(), List.of())))
                .isEqualTo(HistoryStep.TAGS_CHANGED);
    }
}
