package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The review queue and every proposal's decision, for reviewers and for proposers' feedback. */
@Component
class ProposalProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProposalCollaborationStore collaboration;

    ProposalProjection(JdbcTemplate jdbc, ObjectMapper json, ProposalCollaborationStore collaboration) {
        this.jdbc = jdbc;
        this.json = json;
        this.collaboration = collaboration;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.PROPOSALS;
    }

    @Override
    public void apply(StoredEvent event) {
        applyBatch(List.of(event));
    }

    /**
     * Proposals submitted in the batch are inserted once, with what the rest of the batch did to them (a typical
     * approval submits, approves and applies in one batch); the others get batched updates in event order. Claims,
     * comments and amendments are rarer and order-sensitive (an amendment clears earlier approvals): what came before
     * them is written first, then they are applied one by one.
     */
    @Override
    public void applyBatch(List<StoredEvent> events) {
        Batch batch = new Batch();
        for (StoredEvent event : events) {
            if (event.payload() instanceof ProposalEvent e) {
                batch.event = event;
                e.accept(batch);
            }
        }
        batch.write();
    }

    /** The batch's pending writes, and what each proposal event does to them. */
    private final class Batch implements ProposalEvent.Visitor<Void> {
        final Map<UUID, Submitted> submitted = new LinkedHashMap<>();
        final List<Object[]> approvals = new ArrayList<>();
        final List<Object[]> decisions = new ArrayList<>();
        StoredEvent event;

        @Override
        public Void submitted(ProposalSubmittedEvent e) {
            Submitted row = new Submitted(e, at(event));
            if (submitted.put(e.proposalId().value(), row) != null) {
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
                approvals.add(new Object[] {e.reviewer(), e.proposalId().value()});
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

        // claims, comments and amendments: what came before them is written first (see applyBatch)

        @Override
        public Void claimed(ProposalClaimedEvent e) {
            write();
            collaboration.claimed(e);
            return null;
        }

        @Override
        public Void claimReleased(ProposalClaimReleasedEvent e) {
            write();
            collaboration.claimReleased(e);
            return null;
        }

        @Override
        public Void commented(ProposalCommentedEvent e) {
            write();
            collaboration.commented(event, e);
            return null;
        }

        @Override
        public Void changesRequested(ProposalChangesRequestedEvent e) {
            write();
            collaboration.changesRequested(event, e);
            return null;
        }

        @Override
        public Void amended(ProposalAmendedEvent e) {
            write();
            collaboration.amended(event, e);
            return null;
        }

        private Void decide(ProposalId id, ProposalStatus status, String reviewer, String reason) {
            Submitted row = submitted.get(id.value());
            if (row != null) {
                row.status = status;
                row.decidedBy = reviewer;
                row.reason = reason;
                row.decidedAt = at(event);
            } else {
                decisions.add(new Object[] {status.name(), reviewer, reason, at(event), id.value()});
            }
            return null;
        }

        void write() {
            ProposalProjection.this.write(submitted, approvals, decisions);
        }
    }

    private void write(Map<UUID, Submitted> submitted, List<Object[]> approvals, List<Object[]> decisions) {
        if (!submitted.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO proposal (id, type, status, question_id, list_id, proposer, payload,
                                          duplicate_candidates, required_approvals, approvers, decided_by, reason,
                                          created_at, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""", submitted.values().stream().map(this::insert).toList());
        }
        if (!approvals.isEmpty()) {
            // an approval ends its reviewer's claim, as in the aggregate
            jdbc.batchUpdate("""
                    UPDATE proposal SET approvers = array_append(approvers, ?), claimed_by = NULL,
                                        claim_expires_at = NULL
                    WHERE id = ?""", approvals);
        }
        if (!decisions.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE proposal SET status = ?, decided_by = ?, reason = ?, decided_at = ? WHERE id = ?",
                    decisions);
        }
        submitted.clear();
        approvals.clear();
        decisions.clear();
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE proposal");
        collaboration.reset();
    }

    private Object[] insert(Submitted row) {
        ProposalSubmittedEvent e = row.event;
        ProposalSubject subject = ProposalSubject.of(e.change());
        return new Object[] {
            e.proposalId().value(),
            e.change().type().name(),
            row.status.name(),
            subject.question(),
            subject.list(),
            e.proposer(),
            toJson(e.change()),
            toJson(e.duplicateCandidates()),
            e.requiredApprovals(),
            row.approvers.toArray(String[]::new),
            row.decidedBy,
            row.reason,
            row.createdAt,
            row.decidedAt
        };
    }

    /** A proposal submitted in the current batch, with what later events of the batch did to it. */
    private static final class Submitted {
        final ProposalSubmittedEvent event;
        final Timestamp createdAt;
        final List<String> approvers = new ArrayList<>();
        ProposalStatus status = ProposalStatus.PENDING;
        String decidedBy;
        String reason;
        Timestamp decidedAt;

        Submitted(ProposalSubmittedEvent event, Timestamp createdAt) {
            this.event = event;
            this.createdAt = createdAt;
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp at(StoredEvent event) {
        return Timestamp.from(event.at());
    }
}
