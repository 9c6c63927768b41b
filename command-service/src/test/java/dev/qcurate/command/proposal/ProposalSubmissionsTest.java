package dev.qcurate.command.proposal;

import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.*;
import dev.qcurate.shared.question.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** What {@link ProposalSubmissions} accepts as a proposal, and in which form. */
class ProposalSubmissionsTest {

    private static final Map<String, String> AS_EDITOR = Map.of("actor", "editor");

    private final ProposalId id = ProposalId.random();

    @RegisterExtension
    final OtherAggregates other = new OtherAggregates();

    private final AggregateTestFixture<Proposal> fixture = other.proposalFixture(new ReviewPolicy(Map.of("merge", 2)));

    /** {@code change} of an active question "What is a monad?", submitted by the editor. */
    private ResultValidator<Proposal> submittedForAnActiveQuestion(Function<QuestionId, ProposedChange> change) {
        return submitting(change.apply(other.activeQuestion("What is a monad?")));
    }

    /** The editor submits {@code change}. */
    private ResultValidator<Proposal> submitting(ProposedChange change) {
        return fixture.givenNoPriorActivity().when(submit(change), AS_EDITOR);
    }

    private SubmitProposalCommand submit(ProposedChange change) {
        return new SubmitProposalCommand(id, change, List.of());
    }

    @Test
    void proposingQuestionCreatesProposedQuestionAndItsProposal() {
        QuestionId question = QuestionId.random();
        var candidate = new DuplicateCandidate(QuestionId.random(), "What are monads?", 0.8);
        fixture.givenNoPriorActivity()
                .when(
                        new ProposeQuestionCommand(
                                question,
                                id,
                                " What is a monad? ",
                                List.of("Category Theory"),
                                null,
                                null,
                                List.of(candidate)),
                        AS_EDITOR)
                .expectEvents(new ProposalSubmittedEvent(
                        id,
                        new NewQuestion(question, "What is a monad?", List.of("category-theory"), null, null),
                        "editor",
                        1,
                        List.of(candidate)));
        assertThat(other.appended(question))
                .containsExactly(new QuestionProposedEvent(
                        question, id, "What is a monad?", List.of("category-theory"), null, "editor"));
    }

    @Test
    void rejectsControlCharactersInText() {
        QuestionId question = QuestionId.random();
        fixture.givenNoPriorActivity()
                .when(
                        new ProposeQuestionCommand(
                                question, id, "What is\u0000 a monad?", List.of(), null, null, List.of()),
                        AS_EDITOR)
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void refusesQuestionForUnknownList() {
        fixture.givenNoPriorActivity()
                .when(
                        new ProposeQuestionCommand(
                                QuestionId.random(),
                                id,
                                "What is a monad?",
                                List.of(),
                                null,
                                CuratedListId.random(),
                                List.of()),
                        AS_EDITOR)
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void takesRequiredApprovalsFromPolicy() {
        QuestionId source = other.activeQuestion("What is a monad?");
        QuestionId target = other.activeQuestion("Explain monads");
        submitting(new Merge(source, target, 0, 0))
                .expectEvents(new ProposalSubmittedEvent(id, new Merge(source, target, 1, 1), "editor", 2, List.of()));
    }

    @Test
    void fillsInCurrentRevisionWhenNoneGiven() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(
                question,
                new QuestionRewordedEvent(
                        question, ProposalId.random(), 2, "What are monads?", "What is a monad?", "editor"));
        submitting(new Retirement(question, " obsolete ", 0))
                .expectEvents(new ProposalSubmittedEvent(
                        id, new Retirement(question, "obsolete", 2), "editor", 1, List.of()));
    }

    @Test
    void refusesChangeMadeAgainstOldRevision() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(
                question,
                new QuestionRewordedEvent(
                        question, ProposalId.random(), 2, "What are monads?", "What is a monad?", "editor"));
        submitting(new Rewording(question, "What is a functor?", 1))
                .expectException(dev.qcurate.command.question.StaleRevisionException.class)
                .expectNoEvents();
    }

    @Test
    void refusesRevisionFromTheFuture() {
        submittedForAnActiveQuestion(question -> new Rewording(question, "What is a functor?", 5))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void refusesRewordingToSameText() {
        submittedForAnActiveQuestion(question -> new Rewording(question, "  What is a monad?", 0))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("the question already has this text");
    }

    @Test
    void refusesTagChangeWithoutTags() {
        submittedForAnActiveQuestion(question -> new TagChange(question, List.of(), List.of(), 0))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidTags() {
        submittedForAnActiveQuestion(question -> new TagChange(question, List.of("a/b"), List.of(), 0))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("invalid tag 'a/b'"));
    }

    @Test
    void retirementNeedsReason() {
        submittedForAnActiveQuestion(question -> new Retirement(question, " ", 0))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a reason is required");
    }

    @Test
    void retiresOnlyActiveQuestion() {
        QuestionId question = QuestionId.random();
        other.given(
                question,
                new QuestionProposedEvent(
                        question, ProposalId.random(), "What is a monad?", List.of(), null, "editor"));
        submitting(new Retirement(question, "obsolete", 0))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is PROPOSED, not ACTIVE"));
    }

    @Test
    void refusesMergeIntoItself() {
        submittedForAnActiveQuestion(question -> new Merge(question, question, 0, 0))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void refusesMergeIntoRetiredQuestion() {
        QuestionId source = other.activeQuestion("What is a monad?");
        QuestionId target = other.activeQuestion("Explain monads");
        other.given(target, new QuestionRetiredEvent(target, ProposalId.random(), 2, "obsolete"));
        submitting(new Merge(source, target, 0, 0))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("cannot be a merge target"));
    }

    @Test
    void unmergesOnlyMergedQuestion() {
        submittedForAnActiveQuestion(question -> new Unmerge(question, 0))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is ACTIVE, not MERGED"));
    }

    @Test
    void refusesListEntryForRetiredQuestion() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(question, new QuestionRetiredEvent(question, ProposalId.random(), 2, "obsolete"));
        CuratedListId list = other.list();
        submitting(new ListEntryAddition(list, question, null))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void refusesListEntryAlreadyListedOrOutOfRange() {
        QuestionId listed = other.activeQuestion("What is a monad?");
        QuestionId fresh = other.activeQuestion("What is a functor?");
        CuratedListId list = other.list(listed);
        submitting(new ListEntryAddition(list, listed, null)).expectException(IllegalStateException.class);
        submitting(new ListEntryAddition(list, fresh, 2)).expectException(IllegalArgumentException.class);
    }

    @Test
    void refusesRemovingOrMovingEntryNotInList() {
        QuestionId question = other.activeQuestion("What is a monad?");
        CuratedListId list = other.list();
        submitting(new ListEntryRemoval(list, question))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is not in list"));
        submitting(new ListEntryMove(list, question, 0)).expectException(IllegalStateException.class);
    }

    @Test
    void refusesNewQuestionThroughGenericSubmission() {
        submitting(new NewQuestion(QuestionId.random(), "What is a monad?", List.of(), null, null))
                .expectException(IllegalArgumentException.class);
    }
}
