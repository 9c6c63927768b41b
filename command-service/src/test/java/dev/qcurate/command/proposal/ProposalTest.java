package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** The review rules of a single proposal (four eyes, distinct reviewers, closed proposals), through the fixture. */
class ProposalTest {

    private final ProposalId id = ProposalId.random();
    private final ProposedChange change = new ProposedChange.Retirement(QuestionId.random(), "obsolete", 1);
    private final AggregateTestFixture<Proposal> fixture = new AggregateTestFixture<>(Proposal.class);

    private ProposalSubmittedEvent submitted(int requiredApprovals) {
        return new ProposalSubmittedEvent(id, change, "editor", requiredApprovals, List.of());
    }

    @Test
    void submittingRecordsChangeProposerAndRequiredApprovals() {
        var candidate = new DuplicateCandidate(QuestionId.random(), "What is it?", 0.9);
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Proposal(id, change, "editor", 2, List.of(candidate)))
                .expectEvents(new ProposalSubmittedEvent(id, change, "editor", 2, List.of(candidate)));
    }

    @Test
    void rejectsApprovalByProposer() {
        fixture.given(submitted(1))
                .whenInvoking(id.toString(), p -> p.approve("editor"))
                .expectException(ReviewForbiddenException.class)
                .expectExceptionMessage(containsString("cannot approve or reject their own"));
    }

    @Test
    void rejectsRejectionByProposer() {
        fixture.given(submitted(1))
                .whenInvoking(id.toString(), p -> p.reject("editor", "changed my mind"))
                .expectException(ReviewForbiddenException.class);
    }

    @Test
    void recordsApprovalWithCountAndRequiredNumber() {
        fixture.given(submitted(2))
                .whenInvoking(id.toString(), p -> p.approve("reviewer"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2));
    }

    @Test
    void rejectsSecondApprovalBySameReviewer() {
        fixture.given(submitted(2), new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2))
                .whenInvoking(id.toString(), p -> p.approve("reviewer"))
                .expectException(ReviewForbiddenException.class)
                .expectExceptionMessage("you have already approved this proposal");
    }

    @Test
    void countsApprovalsOfDistinctReviewers() {
        fixture.given(submitted(3), new ProposalApprovalRecordedEvent(id, "reviewer", 1, 3))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer2", 2, 3));
    }

    @Test
    void rejectingRecordsReviewerAndReason() {
        fixture.given(submitted(1))
                .whenInvoking(id.toString(), p -> p.reject("reviewer", "duplicate of another"))
                .expectEvents(new ProposalRejectedEvent(id, "reviewer", "duplicate of another"));
    }

    @Test
    void refusesDecisionOnRejectedProposal() {
        fixture.given(submitted(1), new ProposalRejectedEvent(id, "reviewer", "no"))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is REJECTED, no longer open for review"));
    }

    @Test
    void refusesDecisionOnAppliedProposal() {
        fixture.given(
                        submitted(1),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 1),
                        new ProposalAppliedEvent(id, "reviewer"))
                .whenInvoking(id.toString(), p -> p.reject("reviewer2", "too late"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is APPROVED"));
    }

    @Test
    void refusesDecisionOnStaleProposal() {
        fixture.given(submitted(1), new ProposalMarkedStaleEvent(id, "reviewer", 1, 2))
                .whenInvoking(id.toString(), p -> p.approve("reviewer2"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is STALE"));
    }
}
