package dev.qcurate.command.question;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** The question's lifecycle and revision rules, one rule per test, through Axon's aggregate fixture. */
class QuestionTest {

    private static final String EDITOR = "editor";

    private final QuestionId id = QuestionId.random();
    private final QuestionId other = QuestionId.random();
    private final ProposalId created = ProposalId.random();
    private final ProposalId change = ProposalId.random();
    private final AggregateTestFixture<Question> fixture = new AggregateTestFixture<>(Question.class);

    private QuestionProposedEvent proposed(String text, List<String> tags) {
        return new QuestionProposedEvent(id, created, text, tags, null, EDITOR);
    }

    private List<Object> active(String text, List<String> tags) {
        return List.of(proposed(text, tags), new QuestionAcceptedEvent(id, created));
    }

    private List<Object> activeWith(List<String> tags, Object... later) {
        var events = new java.util.ArrayList<>(active("What is a monad?", tags));
        events.addAll(List.of(later));
        return events;
    }

    @Test
    void tagsAreNormalised() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Question(
                        id,
                        created,
                        new QuestionText("  What is a monad?  "),
                        List.of(" Functional   Programming", "HASKELL", "haskell", "c_sharp", "C++"),
                        null,
                        EDITOR))
                .expectEvents(new QuestionProposedEvent(
                        id,
                        created,
                        "What is a monad?",
                        List.of("c++", "c-sharp", "functional-programming", "haskell"),
                        null,
                        EDITOR));
    }

    @Test
    void rejectsInvalidTags() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Question(
                        id,
                        created,
                        new QuestionText("What is a monad?"),
                        List.of("haskell", "-leading-hyphen"),
                        null,
                        EDITOR))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("invalid tag '-leading-hyphen'"));
    }

    @Test
    void rejectsMoreThanTwentyTags() {
        var tags = java.util.stream.IntStream.rangeClosed(1, Tags.MAX_TAGS + 1)
                .mapToObj(i -> "tag" + i)
                .toList();
        fixture.givenNoPriorActivity()
                .whenConstructing(
                        () -> new Question(id, created, new QuestionText("What is a monad?"), tags, null, EDITOR))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("at most 20 tags"));
    }

    @Test
    void acceptingActivatesProposedQuestion() {
        fixture.given(proposed("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.accept(created))
                .expectEvents(new QuestionAcceptedEvent(id, created));
    }

    @Test
    void acceptsOnlyProposedQuestion() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.accept(created))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is ACTIVE and cannot be accepted"));
    }

    @Test
    void rejectingProposedQuestionMarksItRejected() {
        fixture.given(proposed("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.reject(created, "off topic"))
                .expectEvents(new QuestionRejectedEvent(id, created, "off topic"));
    }

    @Test
    void rejectsOnlyProposedQuestion() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.reject(created, "off topic"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void rewordingRecordsNextRevisionPreviousTextAndProposer() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(
                        id.toString(),
                        q -> q.reword(new QuestionText("What is a monad in Haskell?"), 1, change, "editor2"))
                .expectEvents(new QuestionRewordedEvent(
                        id, change, 2, "What is a monad in Haskell?", "What is a monad?", "editor2"));
    }

    @Test
    void refusesRewordingToSameText() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.reword(new QuestionText(" What is a monad? "), 1, change, EDITOR))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("the question already has this text");
    }

    @Test
    void refusesRewordingMadeAgainstOldRevision() {
        fixture.given(activeWith(
                        List.of(),
                        new QuestionRewordedEvent(id, change, 2, "What is a functor?", "What is a monad?", EDITOR)))
                .whenInvoking(
                        id.toString(),
                        q -> q.reword(new QuestionText("What is an applicative?"), 1, ProposalId.random(), EDITOR))
                .expectException(StaleRevisionException.class)
                .expectExceptionMessage(containsString("at revision 2, but the change was made against revision 1"));
    }

    @Test
    void refusesRewordingRetiredQuestion() {
        fixture.given(activeWith(List.of(), new QuestionRetiredEvent(id, change, 2, "obsolete")))
                .whenInvoking(
                        id.toString(),
                        q -> q.reword(new QuestionText("What is a functor?"), 2, ProposalId.random(), EDITOR))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is RETIRED and cannot be reworded"));
    }

    @Test
    void tagChangeNormalisesAndRecordsOnlyWhatChanged() {
        fixture.given(active("What is a monad?", List.of("haskell", "java")))
                .whenInvoking(
                        id.toString(),
                        q -> q.changeTags(List.of("Haskell", "Category Theory"), List.of("JAVA", "kotlin"), 1, change))
                .expectEvents(new QuestionTagsChangedEvent(
                        id,
                        change,
                        2,
                        List.of("category-theory"),
                        List.of("java"),
                        List.of("category-theory", "haskell")));
    }

    @Test
    void refusesTagChangeThatChangesNothing() {
        fixture.given(active("What is a monad?", List.of("haskell")))
                .whenInvoking(id.toString(), q -> q.changeTags(List.of("haskell"), List.of("java"), 1, change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("the tag change changes nothing");
    }

    @Test
    void refusesTagChangeMadeAgainstOldRevision() {
        fixture.given(activeWith(
                        List.of("haskell"),
                        new QuestionTagsChangedEvent(
                                id, change, 2, List.of("fp"), List.of(), List.of("fp", "haskell"))))
                .whenInvoking(id.toString(), q -> q.changeTags(List.of("monads"), List.of(), 1, ProposalId.random()))
                .expectException(StaleRevisionException.class);
    }

    @Test
    void retiresActiveQuestion() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.retire("obsolete", 1, change))
                .expectEvents(new QuestionRetiredEvent(id, change, 2, "obsolete"));
    }

    @Test
    void retiresOnlyActiveQuestion() {
        fixture.given(proposed("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.retire("obsolete", 1, change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is PROPOSED and cannot be retired"));
    }

    @Test
    void mergingMarksSourceMergedIntoTarget() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.mergeInto(other, 1, change))
                .expectEvents(new QuestionMergedEvent(id, other, change, 2));
    }

    @Test
    void refusesMergingRetiredQuestion() {
        fixture.given(activeWith(List.of(), new QuestionRetiredEvent(id, change, 2, "obsolete")))
                .whenInvoking(id.toString(), q -> q.mergeInto(other, 2, ProposalId.random()))
                .expectException(IllegalStateException.class);
    }

    @Test
    void absorbingKeepsSourceTextAsAliasAndAddsOnlyNewTags() {
        fixture.given(active("What is a monad?", List.of("haskell")))
                .whenInvoking(id.toString(), q -> q.absorb(other, "Explain monads", List.of("fp", "haskell"), change))
                .expectEvents(new DuplicateAbsorbedEvent(
                        id, other, change, 2, "Explain monads", List.of("fp"), List.of("fp", "haskell")));
    }

    @Test
    void refusesAbsorbingIntoRetiredQuestion() {
        fixture.given(activeWith(List.of(), new QuestionRetiredEvent(id, change, 2, "obsolete")))
                .whenInvoking(id.toString(), q -> q.absorb(other, "Explain monads", List.of(), ProposalId.random()))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("cannot be a merge target"));
    }

    @Test
    void unmergeRestoresTextTagsAndStatus() {
        fixture.given(activeWith(List.of("fp"), new QuestionMergedEvent(id, other, change, 2)))
                .whenInvoking(id.toString(), q -> q.unmerge(2, created))
                .expectEvents(new QuestionUnmergedEvent(id, other, created, 3, "What is a monad?", List.of("fp")));
    }

    @Test
    void unmergeAnswersTheFormerTarget() {
        fixture.given(activeWith(List.of(), new QuestionMergedEvent(id, other, change, 2)))
                .whenInvoking(
                        id.toString(),
                        q -> org.assertj.core.api.Assertions.assertThat(q.unmerge(2, created))
                                .isEqualTo(other))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void unmergesOnlyMergedQuestion() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.unmerge(1, change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is ACTIVE and cannot be unmerged"));
    }

    @Test
    void unmergedQuestionCanBeChangedAgain() {
        fixture.given(activeWith(
                        List.of(),
                        new QuestionMergedEvent(id, other, change, 2),
                        new QuestionUnmergedEvent(id, other, created, 3, "What is a monad?", List.of())))
                .whenInvoking(id.toString(), q -> q.retire("obsolete", 3, ProposalId.random()))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(QuestionRetiredEvent.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void releaseRemovesOnlyTheAliasAndTagsTheMergeAdded() {
        fixture.given(activeWith(
                        List.of("haskell"),
                        new DuplicateAbsorbedEvent(
                                id, other, change, 2, "Explain monads", List.of("fp"), List.of("fp", "haskell")),
                        new QuestionTagsChangedEvent(
                                id,
                                ProposalId.random(),
                                3,
                                List.of("monads"),
                                List.of(),
                                List.of("fp", "haskell", "monads"))))
                .whenInvoking(id.toString(), q -> q.release(other, created))
                .expectEvents(new DuplicateReleasedEvent(
                        id, other, created, 4, "Explain monads", List.of("fp"), List.of("haskell", "monads")));
    }

    @Test
    void releaseToleratesTagRemovedSinceTheMerge() {
        fixture.given(activeWith(
                        List.of("haskell"),
                        new DuplicateAbsorbedEvent(
                                id, other, change, 2, "Explain monads", List.of("fp"), List.of("fp", "haskell")),
                        new QuestionTagsChangedEvent(
                                id, ProposalId.random(), 3, List.of(), List.of("fp"), List.of("haskell"))))
                .whenInvoking(id.toString(), q -> q.release(other, created))
                .expectEvents(new DuplicateReleasedEvent(
                        id, other, created, 4, "Explain monads", List.of(), List.of("haskell")));
    }

    @Test
    void refusesReleasingQuestionThatWasNotAbsorbed() {
        fixture.given(active("What is a monad?", List.of()))
                .whenInvoking(id.toString(), q -> q.release(other, change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is not merged into"));
    }

    @Test
    void refusesReleasingSameDuplicateTwice() {
        fixture.given(activeWith(
                        List.of(),
                        new DuplicateAbsorbedEvent(id, other, change, 2, "Explain monads", List.of(), List.of()),
                        new DuplicateReleasedEvent(id, other, created, 3, "Explain monads", List.of(), List.of())))
                .whenInvoking(id.toString(), q -> q.release(other, ProposalId.random()))
                .expectException(IllegalStateException.class);
    }
}
