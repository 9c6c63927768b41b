package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.proposal.ProposalAmendedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalApprovalRecordedEvent;
import dev.qcurate.shared.proposal.ProposalChangesRequestedEvent;
import dev.qcurate.shared.proposal.ProposalClaimReleasedEvent;
import dev.qcurate.shared.proposal.ProposalClaimedEvent;
import dev.qcurate.shared.proposal.ProposalCommentedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalMarkedStaleEvent;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A proposed change and its review: approvals from distinct reviewers other than the proposer until the required
 * number is reached, or one rejection with a reason. Applying the change is {@link ProposalDecisions}' job.
 *
 * <p>Around the decision: a reviewer may claim it for a while (others cannot decide it meanwhile), anyone involved may
 * comment, a reviewer may send it back, and the proposer may amend it (see {@link ProposalCollaboration}). "Now" is
 * {@link GenericEventMessage#clock}, the clock Axon stamps events with (the test fixture controls it).
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
    private Claim claim;
    private int revision;
    private int comments;

    static final int MAX_COMMENTS = 500;
    static final int MAX_REVISIONS = 50;

    protected Proposal() {
        // for Axon
    }

    Proposal(
            ProposalId id,
            ProposedChange change,
            String proposer,
            int requiredApprovals,
            List<DuplicateCandidate> duplicateCandidates) {
        apply(new ProposalSubmittedEvent(
                id,
                change,
                proposer,
                requiredApprovals,
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
        if (claim != null && claim.blocks(reviewer, now())) {
            throw new IllegalStateException("proposal " + id + " is claimed by " + claim.holder() + " until "
                    + claim.expiresAt() + "; take over the claim to decide it");
        }
    }

    /** Claims (or renews one's own claim) for {@code duration}; someone else's live claim only when taking over. */
    void claim(String reviewer, Duration duration, boolean takeOver) {
        requirePending();
        if (reviewer.equals(proposer)) {
            throw new ReviewForbiddenException("reviewers cannot claim their own proposals");
        }
        Instant now = now();
        String previous = claim != null && claim.blocks(reviewer, now) ? claim.holder() : null;
        if (previous != null && !takeOver) {
            throw new IllegalStateException("proposal " + id + " is claimed by " + previous + " until "
                    + claim.expiresAt() + "; take it over explicitly to work on it");
        }
        apply(new ProposalClaimedEvent(id, reviewer, now.plus(duration), previous));
    }

    void release(String reviewer) {
        if (claim == null || !claim.heldBy(reviewer, now())) {
            throw new IllegalStateException("you hold no claim on proposal " + id);
        }
        apply(new ProposalClaimReleasedEvent(id, reviewer));
    }

    /** Only the proposer and reviewers take part in the conversation, at most {@value #MAX_COMMENTS} comments. */
    void comment(String author, CommentText text, boolean byReviewer) {
        if (!byReviewer && !author.equals(proposer)) {
            throw new ReviewForbiddenException("only the proposer and reviewers may comment on a proposal");
        }
        requireRoomForComment();
        apply(new ProposalCommentedEvent(id, author, text.value()));
    }

    void requestChanges(String reviewer, CommentText comment) {
        checkReviewable(reviewer);
        requireRoomForComment();
        apply(new ProposalChangesRequestedEvent(id, reviewer, comment.value()));
    }

    /** A new revision of the same kind of change to the same question, by the proposer, while it is still open. */
    void amend(String actor, ProposedChange amended) {
        checkAmendable(actor);
        Amendments.requireSameSubject(change, amended);
        if (change.equals(amended)) {
            throw new IllegalArgumentException("the amendment changes nothing");
        }
        if (revision >= MAX_REVISIONS) {
            throw new IllegalStateException("proposal " + id + " has " + MAX_REVISIONS + " revisions: propose anew");
        }
        apply(new ProposalAmendedEvent(id, actor, revision + 1, amended));
    }

    /** Who may amend, when, and into what: checked before the amended change itself is validated. */
    void checkAmendable(String actor) {
        if (!actor.equals(proposer)) {
            throw new ReviewForbiddenException("only the proposer may amend a proposal");
        }
        if (status != ProposalStatus.PENDING && status != ProposalStatus.CHANGES_REQUESTED) {
            throw new IllegalStateException("proposal " + id + " is " + status + " and can no longer be amended");
        }
        Amendments.requireAmendable(change);
    }

    ProposalStatus status() {
        return status;
    }

    private void requireRoomForComment() {
        if (comments >= MAX_COMMENTS) {
            throw new IllegalStateException("proposal " + id + " has " + MAX_COMMENTS + " comments, the most it keeps");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
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
        if (status == ProposalStatus.CHANGES_REQUESTED) {
            throw new IllegalStateException("proposal " + id + " waits for its proposer to amend it");
        }
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
        revision = 1;
    }

    @EventSourcingHandler
    void on(ProposalApprovalRecordedEvent event) {
        approvers.add(event.reviewer());
        claim = null;
    }

    @EventSourcingHandler
    void on(ProposalClaimedEvent event) {
        claim = new Claim(event.reviewer(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(ProposalClaimReleasedEvent event) {
        claim = null;
    }

    @EventSourcingHandler
    void on(ProposalCommentedEvent event) {
        comments++;
    }

    @EventSourcingHandler
    void on(ProposalChangesRequestedEvent event) {
        comments++;
        claim = null;
        status = ProposalStatus.CHANGES_REQUESTED;
    }

    @EventSourcingHandler
    void on(ProposalAmendedEvent event) {
        change = event.change();
        revision = event.revision();
        approvers.clear();
        status = ProposalStatus.PENDING;
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
