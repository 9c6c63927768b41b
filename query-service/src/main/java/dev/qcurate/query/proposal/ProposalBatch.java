package dev.qcurate.query.proposal;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.proposal.ProposalWrite.Amendment;
import dev.qcurate.query.proposal.ProposalWrite.Approval;
import dev.qcurate.query.proposal.ProposalWrite.Approvals;
import dev.qcurate.query.proposal.ProposalWrite.Claim;
import dev.qcurate.query.proposal.ProposalWrite.Comment;
import dev.qcurate.query.proposal.ProposalWrite.CommentKind;
import dev.qcurate.query.proposal.ProposalWrite.Decision;
import dev.qcurate.query.proposal.ProposalWrite.Decisions;
import dev.qcurate.query.proposal.ProposalWrite.Inserts;
import dev.qcurate.query.proposal.ProposalWrite.NewProposal;
import dev.qcurate.shared.proposal.ProposalAmendedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalApprovalRecordedEvent;
import dev.qcurate.shared.proposal.ProposalChangesRequestedEvent;
import dev.qcurate.shared.proposal.ProposalClaimReleasedEvent;
import dev.qcurate.shared.proposal.ProposalClaimedEvent;
import dev.qcurate.shared.proposal.ProposalCommentedEvent;
import dev.qcurate.shared.proposal.ProposalEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalMarkedStaleEvent;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch of events writes to the review queue, planned in memory; nothing here touches the database.
 *
 * <p>Proposals submitted in the batch are inserted once, with what the rest of the batch did to them (a typical
 * approval submits, approves and applies in one batch); the others get batched updates in event order. Claims,
 * comments and amendments are rarer and order-sensitive (an amendment clears earlier approvals): what came before
 * them is planned first, then they follow one by one.
 */
final class ProposalBatch implements ProposalEvent.Visitor<Void> {

    private final List<ProposalWrite> writes = new ArrayList<>();
    private final Map<UUID, Submitted> submitted = new LinkedHashMap<>();
    private final List<Approval> approvals = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private StoredEvent event;

    void apply(StoredEvent event) {
        if (event.payload() instanceof ProposalEvent e) {
            this.event = event;
            e.accept(this);
        }
    }

    /** The writes, in the order they must run. */
    List<ProposalWrite> writes() {
        flush();
        return List.copyOf(writes);
    }

    @Override
    public Void submitted(ProposalSubmittedEvent e) {
        if (submitted.put(e.proposalId().value(), new Submitted(e, event.at())) != null) {
            throw new IllegalStateException("proposal " + e.proposalId() + " submitted twice");
        }
        return null;
    }

    @Override
    public Void approvalRecorded(ProposalApprovalRecordedEvent e) {
        Submitted row = submitted.get(e.proposalId().value());
        if (row != null) {
            row.approvers.add(e.reviewer());
        } else {
            approvals.add(new Approval(e.proposalId().value(), e.reviewer()));
        }
        return null;
    }

    @Override
    public Void applied(ProposalAppliedEvent e) {
        return decide(e.proposalId(), ProposalStatus.APPROVED, e.reviewer(), null);
    }

    @Override
    public Void rejected(ProposalRejectedEvent e) {
        return decide(e.proposalId(), ProposalStatus.REJECTED, e.reviewer(), e.reason());
    }

    @Override
    public Void markedStale(ProposalMarkedStaleEvent e) {
        String reason = "made against revision " + e.baseRevision() + ", but the question is at revision "
                + e.currentRevision();
        return decide(e.proposalId(), ProposalStatus.STALE, e.reviewer(), reason);
    }

    @Override
    public Void claimed(ProposalClaimedEvent e) {
        return inOrder(new Claim(e.proposalId().value(), e.reviewer(), e.expiresAt()));
    }

    @Override
    public Void claimReleased(ProposalClaimReleasedEvent e) {
        return inOrder(new Claim(e.proposalId().value(), null, null));
    }

    @Override
    public Void commented(ProposalCommentedEvent e) {
        return inOrder(comment(e.proposalId(), CommentKind.COMMENT, e.author(), e.text()));
    }

    @Override
    public Void changesRequested(ProposalChangesRequestedEvent e) {
        return inOrder(comment(e.proposalId(), CommentKind.CHANGES_REQUESTED, e.reviewer(), e.comment()));
    }

    @Override
    public Void amended(ProposalAmendedEvent e) {
        return inOrder(new Amendment(e.proposalId().value(), e.revision(), e.amendedBy(), e.change(), event.at()));
    }

    private Comment comment(ProposalId id, CommentKind kind, String author, String text) {
        return new Comment(id.value(), event.position(), kind, author, text, event.at());
    }

    private Void decide(ProposalId id, ProposalStatus status, String reviewer, String reason) {
        Submitted row = submitted.get(id.value());
        if (row != null) {
            row.status = status;
            row.decidedBy = reviewer;
            row.reason = reason;
            row.decidedAt = event.at();
        } else {
            decisions.add(new Decision(id.value(), status, reviewer, reason, event.at()));
        }
        return null;
    }

    /** An order-sensitive write: what came before it is written first. */
    private Void inOrder(ProposalWrite write) {
        flush();
        writes.add(write);
        return null;
    }

    private void flush() {
        if (!submitted.isEmpty()) {
            writes.add(new Inserts(
                    submitted.values().stream().map(Submitted::toRow).toList()));
        }
        if (!approvals.isEmpty()) {
            writes.add(new Approvals(List.copyOf(approvals)));
        }
        if (!decisions.isEmpty()) {
            writes.add(new Decisions(List.copyOf(decisions)));
        }
        submitted.clear();
        approvals.clear();
        decisions.clear();
    }

    /** A proposal submitted in the batch, with what later events of the batch did to it. */
    private static final class Submitted {
        final ProposalSubmittedEvent event;
        final Instant createdAt;
        final List<String> approvers = new ArrayList<>();
        ProposalStatus status = ProposalStatus.PENDING;
        String decidedBy;
        String reason;
        Instant decidedAt;

        Submitted(ProposalSubmittedEvent event, Instant createdAt) {
            this.event = event;
            this.createdAt = createdAt;
        }

        NewProposal toRow() {
            return new NewProposal(event, status, List.copyOf(approvers), decidedBy, reason, createdAt, decidedAt);
        }
    }
}
