package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Comments, requests for changes and amendments of one proposal, through the fixture. */
class ProposalConversationTest {

    private final ProposalId id = ProposalId.random();
    private final QuestionId questionId = QuestionId.random();
    private final ProposedChange.Rewording rewording = new ProposedChange.Rewording(questionId, "What is a monad?", 3);
    private final ProposedChange.Rewording amended = new ProposedChange.Rewording(questionId, "What is a functor?", 3);
    private AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerAnnotatedCommandHandler(new ProposalCollaboration(
                fixture.getRepository(), null, new ClaimPolicy(Duration.ofMinutes(15)), null));
    }

    private ProposalSubmittedEvent submitted() {
        return new ProposalSubmittedEvent(id, rewording, "editor", 2, List.of());
    }

    private static Map<String, String> as(String actor) {
        return Map.of("actor", actor);
    }

    @Test
    void reviewersComment() {
        fixture.given(submitted())
                .when(new CommentOnProposalCommand(id, "  Why *this* wording?  ", true), as("reviewer"))
                .expectEvents(new ProposalCommentedEvent(id, "reviewer", "Why *this* wording?"));
    }

    @Test
    void theProposerComments() {
        fixture.given(submitted())
                .when(new CommentOnProposalCommand(id, "Because of the exam.", false), as("editor"))
                .expectEvents(new ProposalCommentedEvent(id, "editor", "Because of the exam."));
    }

    @Test
    void otherEditorsCannotComment() {
        fixture.given(submitted())
                .when(new CommentOnProposalCommand(id, "Me too", false), as("editor2"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACommentOfAHundredThousandCharacters() {
        fixture.given(submitted())
                .when(new CommentOnProposalCommand(id, "x".repeat(100_000), true), as("reviewer"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("at most 10000 characters"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankComment() {
        fixture.given(submitted())
                .when(new CommentOnProposalCommand(id, " \n ", true), as("reviewer"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void requestingChangesSendsTheProposalBack() {
        fixture.given(submitted())
                .when(new RequestProposalChangesCommand(id, "Say *which* monad."), as("reviewer"))
                .expectEvents(new ProposalChangesRequestedEvent(id, "reviewer", "Say *which* monad."))
                .expectState(p -> assertThat(p.status()).isEqualTo(ProposalStatus.CHANGES_REQUESTED));
    }

    @Test
    void theProposerCannotRequestChangesOfTheirOwn() {
        fixture.given(submitted())
                .when(new RequestProposalChangesCommand(id, "hmm"), as("editor"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void aProposalSentBackCannotBeApproved() {
        fixture.given(submitted(), new ProposalChangesRequestedEvent(id, "reviewer", "Say which."))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("waits for its proposer to amend it"))
                .expectNoEvents();
    }

    @Test
    void requestingChangesOfAClaimedProposalNeedsTheClaim() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        fixture.givenCurrentTime(now)
                .andGiven(submitted(), new ProposalClaimedEvent(id, "reviewer", now.plusSeconds(60), null))
                .when(new RequestProposalChangesCommand(id, "Say which."), as("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void amendingMakesANewRevisionAndReturnsItToTheQueue() {
        fixture.given(submitted(), new ProposalChangesRequestedEvent(id, "reviewer", "Say which."))
                .whenInvoking(id.toString(), p -> p.amend("editor", amended))
                .expectEvents(new ProposalAmendedEvent(id, "editor", 2, amended))
                .expectState(p -> {
                    assertThat(p.status()).isEqualTo(ProposalStatus.PENDING);
                    assertThat(p.change()).isEqualTo(amended);
                });
    }

    @Test
    void amendingClearsEarlierApprovals() {
        fixture.given(
                        submitted(),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2),
                        new ProposalAmendedEvent(id, "editor", 2, amended))
                .whenInvoking(id.toString(), p -> p.approve("reviewer"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2));
    }

    @Test
    void onlyTheProposerAmends() {
        fixture.given(submitted())
                .whenInvoking(id.toString(), p -> p.amend("reviewer", amended))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAmendmentOfADecidedProposal() {
        fixture.given(submitted(), new ProposalRejectedEvent(id, "reviewer", "no"))
                .whenInvoking(id.toString(), p -> p.amend("editor", amended))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("can no longer be amended"))
                .expectNoEvents();
    }

    @Test
    void refusesAmendmentIntoAnotherKindOfChange() {
        fixture.given(submitted())
                .whenInvoking(
                        id.toString(),
                        p -> p.amend("editor", new ProposedChange.TagChange(questionId, List.of("fp"), List.of(), 3)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("same kind of change to the same question"))
                .expectNoEvents();
    }

    @Test
    void refusesAmendmentOfANewQuestionIntoARewording() {
        ProposedChange newQuestion = new ProposedChange.NewQuestion(questionId, "What?", List.of(), null, null);
        fixture.given(new ProposalSubmittedEvent(id, newQuestion, "editor", 1, List.of()))
                .whenInvoking(id.toString(), p -> p.amend("editor", amended))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("same kind of change to the same question"))
                .expectNoEvents();
    }

    @Test
    void refusesAnAmendmentThatChangesNothing() {
        fixture.given(submitted())
                .whenInvoking(id.toString(), p -> p.amend("editor", rewording))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
