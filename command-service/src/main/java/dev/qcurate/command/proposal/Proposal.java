package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A proposed change and its review: approvals from distinct reviewers other than the proposer until the required
 * number is reached, or one rejection with a reason. Applying the change is {@link ProposalDecisions}' job.
 */
@Aggregate(cache = "proposalCache")
public class Proposal {

    @AggregateIdentifier
    private ProposalId id;
    private ProposedChange change;
    private String proposer;
    private int requiredApprovals;
    private Set<String> approvers;
    private ProposalStatus status;

    protected Proposal() {
        // for Axon
    }

    Proposal(ProposalId id, ProposedChange change, String proposer, int requiredApprovals,
             List<DuplicateCandidate> duplicateCandidates) {
        apply(new ProposalSubmittedEvent(id, change, proposer, requiredApprovals,
                duplicateCandidates == null ? List.of() : List.copyOf(duplicateCandidates)));
    }

    /** Records an approval; answers whether the proposal now has enough of them to be applied. */
    boolean approve(String reviewer) {
        checkReviewable(reviewer);
        if (approvers.contains(reviewer)) {
            throw new ReviewForbiddenException("you have already approved this proposal");
        }
        int approvals = approvers.size() + 1;
        apply(new ProposalApprovalRecordedEvent(id, reviewer, approvals, requiredApprovals));
        return approvals >= requiredApprovals;
    }

    /** Checks the four-eyes rule and that the proposal is still open, before any decision is recorded. */
    void checkReviewable(String reviewer) {
        requirePending();
        if (reviewer.equals(proposer)) {
            throw new ReviewForbiddenException("reviewers cannot approve or reject their own proposals");
        }
    }

    void markApplied(String reviewer) {
        apply(new ProposalAppliedEvent(id, reviewer));
    }

    void markStale(String reviewer, int baseRevision, int currentRevision) {
        apply(new ProposalMarkedStaleEvent(id, reviewer, baseRevision, currentRevision));
    }

    void reject(String reviewer, String reason) {
        checkReviewable(reviewer);
        apply(new ProposalRejectedEvent(id, reviewer, reason));
    }

    ProposedChange change() {
        return change;
    }

    String proposer() {
        return proposer;
    }

    private void requirePending() {
        if (status != ProposalStatus.PENDING) {
            throw new IllegalStateException("proposal " + id + " is " + status + ", no longer open for review");
        }
    }

    @EventSourcingHandler
    void on(ProposalSubmittedEvent event) {
        id = event.proposalId();
        change = event.change();
        proposer = event.proposer();
        requiredApprovals = event.requiredApprovals();
        approvers = new HashSet<>();
        status = ProposalStatus.PENDING;
    }

    @EventSourcingHandler
    void on(ProposalApprovalRecordedEvent event) {
        approvers.add(event.reviewer());
    }

    @EventSourcingHandler
    void on(ProposalAppliedEvent event) {
        status = ProposalStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ProposalRejectedEvent event) {
        status = ProposalStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProposalMarkedStaleEvent event) {
        status = ProposalStatus.STALE;
    }
}
