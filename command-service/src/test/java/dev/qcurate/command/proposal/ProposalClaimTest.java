package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/** Claims through the real command handlers: who may hold a proposal, for how long, and what a claim blocks. */
class ProposalClaimTest {

    private static final Duration CLAIM = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ProposalId id = ProposalId.random();
    private AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerAnnotatedCommandHandler(
                new ProposalCollaboration(fixture.getRepository(), null, new ClaimPolicy(CLAIM), null));
    }

    private ProposalSubmittedEvent submitted() {
        return new ProposalSubmittedEvent(
                id, new ProposedChange.Retirement(QuestionId.random(), "obsolete", 1), "editor", 2, List.of());
    }

    private static Map<String, String> as(String actor) {
        return Map.of("actor", actor);
    }

    /** The proposal, submitted and claimed by {@code reviewer} from T0 for one claim's duration, seen at {@code now}. */
    private TestExecutor<Proposal> claimedByReviewer(Instant now) {
        return fixture.givenCurrentTime(now)
                .andGiven(submitted(), new ProposalClaimedEvent(id, "reviewer", T0.plus(CLAIM), null));
    }

    @Test
    void claimHoldsTheProposalForTheConfiguredDuration() {
        fixture.givenCurrentTime(T0)
                .andGiven(submitted())
                .when(new ClaimProposalCommand(id, false), as("reviewer"))
                .expectEvents(new ProposalClaimedEvent(id, "reviewer", T0.plus(CLAIM), null));
    }

    @Test
    void refusesClaimOfAProposalSomeoneElseHolds() {
        claimedByReviewer(T0)
                .when(new ClaimProposalCommand(id, false), as("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("claimed by reviewer until 2026-12-01T10:15:00Z"))
                .expectNoEvents();
    }

    @Test
    void takingOverNamesThePreviousHolder() {
        claimedByReviewer(T0)
                .when(new ClaimProposalCommand(id, true), as("reviewer2"))
                .expectEvents(new ProposalClaimedEvent(id, "reviewer2", T0.plus(CLAIM), "reviewer"));
    }

    @Test
    void anExpiredClaimHoldsNothing() {
        claimedByReviewer(T0.plus(CLAIM))
                .when(new ClaimProposalCommand(id, false), as("reviewer2"))
                .expectEvents(
                        new ProposalClaimedEvent(id, "reviewer2", T0.plus(CLAIM).plus(CLAIM), null));
    }

    @Test
    void claimingAgainRenewsOnesOwnClaim() {
        claimedByReviewer(T0.plusSeconds(60))
                .when(new ClaimProposalCommand(id, false), as("reviewer"))
                .expectEvents(new ProposalClaimedEvent(
                        id, "reviewer", T0.plusSeconds(60).plus(CLAIM), null));
    }

    @Test
    void refusesClaimByTheProposer() {
        fixture.givenCurrentTime(T0)
                .andGiven(submitted())
                .when(new ClaimProposalCommand(id, false), as("editor"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void refusesClaimOfADecidedProposal() {
        fixture.givenCurrentTime(T0)
                .andGiven(submitted(), new ProposalRejectedEvent(id, "reviewer", "no"))
                .when(new ClaimProposalCommand(id, false), as("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is REJECTED"))
                .expectNoEvents();
    }

    @Test
    void othersCannotDecideAClaimedProposal() {
        claimedByReviewer(T0)
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("take over the claim to decide it"))
                .expectNoEvents();
    }

    @Test
    void othersCannotRejectAClaimedProposal() {
        claimedByReviewer(T0)
                .whenInvoking(id.toString(), p -> p.reject("reviewer2", "no"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void theHolderDecides() {
        claimedByReviewer(T0)
                .whenInvoking(id.toString(), p -> p.approve("reviewer"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2));
    }

    @Test
    void othersDecideOnceTheClaimTimedOut() {
        claimedByReviewer(T0.plus(CLAIM).plusSeconds(1))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer2", 1, 2));
    }

    @Test
    void aDecisionEndsTheClaim() {
        claimedByReviewer(T0)
                .andGiven(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer2", 2, 2));
    }

    @Test
    void theHolderReleases() {
        claimedByReviewer(T0)
                .when(new ReleaseProposalClaimCommand(id), as("reviewer"))
                .expectEvents(new ProposalClaimReleasedEvent(id, "reviewer"));
    }

    @Test
    void onlyTheHolderReleases() {
        claimedByReviewer(T0)
                .when(new ReleaseProposalClaimCommand(id), as("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("you hold no claim"))
                .expectNoEvents();
    }

    @Test
    void aReleasedProposalIsOpenToOthers() {
        claimedByReviewer(T0)
                .andGiven(new ProposalClaimReleasedEvent(id, "reviewer"))
                .whenInvoking(id.toString(), p -> p.reject("reviewer2", "duplicate"))
                .expectEvents(new ProposalRejectedEvent(id, "reviewer2", "duplicate"));
    }
}
