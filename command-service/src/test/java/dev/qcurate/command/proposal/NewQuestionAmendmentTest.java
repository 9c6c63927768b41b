package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    final OtherAggregates other = new OtherAggregates();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerAnnotatedCommandHandler(new ProposalCollaboration(
                fixture.getRepository(),
                other.submissions(fixture.getRepository()),
                new ClaimPolicy(Duration.ofMinutes(15)),
                other.questions));
        fixture.registerAnnotatedCommandHandler(other.decisions(fixture.getRepository()));
        other.given(
                question, new QuestionProposedEvent(question, id, proposed.text(), proposed.tags(), null, "editor"));
    }

    private ProposalSubmittedEvent submitted() {
        return new ProposalSubmittedEvent(id, proposed, "editor", 1, List.of());
    }

    private AmendProposalCommand amend(String text, List<String> add, List<String> remove) {
        return new AmendProposalCommand(id, text, add, remove, 0);
    }

    /** The editor's amendment of the submitted proposal is refused: no event, in the proposal or its question. */
    private void refused(AmendProposalCommand amendment, Class<? extends Exception> type, String message) {
        fixture.given(submitted())
                .when(amendment, AS_EDITOR)
                .expectException(type)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void amendsTheTextAndTagsOfTheProposalAndItsQuestion() {
        NewQuestion amended = new NewQuestion(question, "What is a functor?", List.of("haskell"), null, null);
        fixture.given(submitted(), new ProposalChangesRequestedEvent(id, "reviewer", "Ask about functors."))
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
        fixture.given(submitted())
                .when(amend(null, List.of("haskell"), List.of()), AS_EDITOR)
                .expectEvents(new ProposalAmendedEvent(id, "editor", 2, amended));
        assertThat(other.appended(question))
                .containsExactly(new ProposedQuestionAmendedEvent(
                        question, id, "What is a monad?", List.of("fp", "haskell"), "editor"));
    }

    @Test
    void oldTagNamesLandOnTheirNewTag() {
        other.tagIndex.synonym("ml", "machine-learning");
        fixture.given(submitted())
                .when(amend(null, List.of("ML"), List.of()), AS_EDITOR)
                .expectEvents(new ProposalAmendedEvent(
                        id,
                        "editor",
                        2,
                        new NewQuestion(question, "What is a monad?", List.of("fp", "machine-learning"), null, null)));
    }

    @Test
    void onlyTheProposerAmends() {
        fixture.given(submitted())
                .when(amend("What is a functor?", null, null), Map.of("actor", "someone"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void aDecidedProposalIsNotAmended() {
        fixture.given(submitted(), new ProposalAppliedEvent(id, "reviewer"))
                .when(amend("What is a functor?", null, null), AS_EDITOR)
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("can no longer be amended"))
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void aBlankTextIsRefused() {
        refused(amend("   ", null, null), IllegalArgumentException.class, "must not be blank");
    }

    @Test
    void anAmendmentWithNothingInItIsRefused() {
        refused(amend(null, List.of(), null), IllegalArgumentException.class, "a new question is amended with");
    }

    @Test
    void anAmendmentThatChangesNothingIsRefused() {
        refused(amend("What is a monad?", List.of("fp"), null), IllegalArgumentException.class, "changes nothing");
    }

    @Test
    void tooManyTagsAreRefused() {
        List<String> many =
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "tag" + i).toList();
        refused(amend(null, many, null), IllegalArgumentException.class, "at most 20 tags");
    }

    @Test
    void approvalAcceptsTheAmendedQuestion() {
        NewQuestion amended = new NewQuestion(question, "What is a functor?", List.of("fp"), null, null);
        other.given(question, new ProposedQuestionAmendedEvent(question, id, amended.text(), amended.tags(), "editor"));
        fixture.given(submitted(), new ProposalAmendedEvent(id, "editor", 2, amended))
                .when(new ApproveProposalCommand(id), Map.of("actor", "reviewer"))
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question)).containsExactly(new QuestionAcceptedEvent(question, id));
    }
}
