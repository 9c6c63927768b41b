package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The proposer amends a proposed new question: the proposal's new revision, and its question following it. */
class NewQuestionAmendmentTest {

    private static final Map<String, String> AS_EDITOR = Map.of("actor", "editor");

    private final ProposalId id = ProposalId.random();
    private final QuestionId question = QuestionId.random();
    private final NewQuestion proposed = new NewQuestion(question, "What is a monad?", List.of("fp"), null, null);
    private AggregateTestFixture<Proposal> fixture;
    private OtherAggregates other;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        other = new OtherAggregates();
        ProposalSubmissions submissions = new ProposalSubmissions(
                fixture.getRepository(), other.questions, other.lists, new ReviewPolicy(Map.of()), other.tags);
        fixture.registerAnnotatedCommandHandler(new ProposalCollaboration(
                fixture.getRepository(), submissions, new ClaimPolicy(Duration.ofMinutes(15)), other.questions));
        fixture.registerAnnotatedCommandHandler(
                new ProposalDecisions(fixture.getRepository(), other.questions, other.lists, other.tags));
        other.given(
                question, new QuestionProposedEvent(question, id, proposed.text(), proposed.tags(), null, "editor"));
    }

    @AfterEach
    void tearDown() {
        other.shutDown();
    }

    private ProposalSubmittedEvent submitted(int requiredApprovals) {
        return new ProposalSubmittedEvent(id, proposed, "editor", requiredApprovals, List.of());
    }

    private AmendProposalCommand amend(String text, List<String> add, List<String> remove) {
        return new AmendProposalCommand(id, text, add, remove, 0);
    }

    @Test
    void amendsTheTextAndTagsOfTheProposalAndItsQuestion() {
        NewQuestion amended = new NewQuestion(question, "What is a functor?", List.of("haskell"), null, null);
        fixture.given(submitted(1), new ProposalChangesRequestedEvent(id, "reviewer", "Ask about functors."))
                .when(amend("  What is a functor?  ", List.of("Haskell"), List.of("fp")), AS_EDITOR)
                .expectEvents(new ProposalAmendedEvent(id, "editor", 2, amended))
                .expectState(p -> assertThat(p.status()).isEqualTo(ProposalStatus.PENDING));
        assertThat(other.appended(question))
                .containsExactly(new ProposedQuestionAmendedEvent(
                        question, id, "What is a functor?", List.of("haskell"), "editor"));
    }

    @Test
    void tagsAloneCanBeAmended() {
        NewQuestion amended = new NewQuestion(question, "What is a monad?", List.of("fp", "haskell"), null, null);
        fixture.given(submitted(1))
                .when(amend(null, List.of("haskell"), List.of()), AS_EDITOR)
                .expectEvents(new ProposalAmendedEvent(id, "editor", 2, amended));
        assertThat(other.appended(question))
                .containsExactly(new ProposedQuestionAmendedEvent(
                        question, id, "What is a monad?", List.of("fp", "haskell"), "editor"));
    }

    @Test
    void oldTagNamesLandOnTheirNewTag() {
        other.tagIndex.synonym("ml", "machine-learning");
        fixture.given(submitted(1))
                .when(amend(null, List.of("ML"), List.of()), AS_EDITOR)
                .expectEvents(new ProposalAmendedEvent(
                        id,
                        "editor",
                        2,
                        new NewQuestion(question, "What is a monad?", List.of("fp", "machine-learning"), null, null)));
    }

    @Test
    void onlyTheProposerAmends() {
        fixture.given(submitted(1))
                .when(amend("What is a functor?", null, null), Map.of("actor", "someone"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void aDecidedProposalIsNotAmended() {
        fixture.given(submitted(1), new ProposalAppliedEvent(id, "reviewer"))
                .when(amend("What is a functor?", null, null), AS_EDITOR)
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("can no longer be amended"))
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void aBlankTextIsRefused() {
        fixture.given(submitted(1))
                .when(amend("   ", null, null), AS_EDITOR)
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void anAmendmentWithNothingInItIsRefused() {
        fixture.given(submitted(1))
                .when(amend(null, List.of(), null), AS_EDITOR)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("a new question is amended with"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentThatChangesNothingIsRefused() {
        fixture.given(submitted(1))
                .when(amend("What is a monad?", List.of("fp"), null), AS_EDITOR)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("changes nothing"))
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void tooManyTagsAreRefused() {
        List<String> many =
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "tag" + i).toList();
        fixture.given(submitted(1))
                .when(amend(null, many, null), AS_EDITOR)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("at most 20 tags"))
                .expectNoEvents();
    }

    @Test
    void amendingClearsEarlierApprovals() {
        NewQuestion amended = new NewQuestion(question, "What is a functor?", List.of("fp"), null, null);
        fixture.given(
                        submitted(2),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2),
                        new ProposalAmendedEvent(id, "editor", 2, amended))
                .whenInvoking(id.toString(), p -> p.approve("reviewer"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2));
    }

    @Test
    void approvalAcceptsTheAmendedQuestion() {
        NewQuestion amended = new NewQuestion(question, "What is a functor?", List.of("fp"), null, null);
        other.given(question, new ProposedQuestionAmendedEvent(question, id, amended.text(), amended.tags(), "editor"));
        fixture.given(submitted(1), new ProposalAmendedEvent(id, "editor", 2, amended))
                .when(new ApproveProposalCommand(id), Map.of("actor", "reviewer"))
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question)).containsExactly(new QuestionAcceptedEvent(question, id));
    }
}
