package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.*;
import dev.qcurate.shared.question.QuestionId;
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
        Map<UUID, Submitted> submitted = new LinkedHashMap<>();
        List<Object[]> approvals = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        for (StoredEvent event : events) {
            Object payload = event.payload();
            if (ProposalCollaborationStore.handles(payload)) {
                write(submitted, approvals, decisions);
                collaboration.apply(event);
            } else if (payload instanceof ProposalSubmittedEvent e) {
                Submitted row = new Submitted(e, at(event));
                if (submitted.put(e.proposalId().value(), row) != null) {
                    throw new IllegalStateException("proposal " + e.proposalId() + " submitted twice");
                }
            } else if (payload instanceof ProposalApprovalRecordedEvent e) {
                Submitted row = submitted.get(e.proposalId().value());
                if (row != null) {
                    row.approvers.add(e.reviewer());
                } else {
                    approvals.add(new Object[] {e.reviewer(), e.proposalId().value()});
                }
            } else if (payload instanceof ProposalAppliedEvent e) {
                decide(submitted, decisions, event, e.proposalId(), "APPROVED", e.reviewer(), null);
            } else if (payload instanceof ProposalRejectedEvent e) {
                decide(submitted, decisions, event, e.proposalId(), "REJECTED", e.reviewer(), e.reason());
            } else if (payload instanceof ProposalMarkedStaleEvent e) {
                decide(
                        submitted,
                        decisions,
                        event,
                        e.proposalId(),
                        "STALE",
                        e.reviewer(),
                        "made against revision " + e.baseRevision() + ", but the question is at revision "
                                + e.currentRevision());
            }
        }
        write(submitted, approvals, decisions);
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

    private static void decide(
            Map<UUID, Submitted> submitted,
            List<Object[]> decisions,
            StoredEvent event,
            ProposalId id,
            String status,
            String reviewer,
            String reason) {
        Submitted row = submitted.get(id.value());
        if (row != null) {
            row.status = status;
            row.decidedBy = reviewer;
            row.reason = reason;
            row.decidedAt = at(event);
        } else {
            decisions.add(new Object[] {status, reviewer, reason, at(event), id.value()});
        }
    }

    private Object[] insert(Submitted row) {
        ProposalSubmittedEvent e = row.event;
        return new Object[] {
            e.proposalId().value(),
            e.change().type().name(),
            row.status,
            subject(e.change()),
            list(e.change()),
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
        String status = "PENDING";
        String decidedBy;
        String reason;
        Timestamp decidedAt;

        Submitted(ProposalSubmittedEvent event, Timestamp createdAt) {
            this.event = event;
            this.createdAt = createdAt;
        }
    }

    /** The question a proposal is about: the new, reworded, tagged, retired, merged or listed one. */
    private static UUID subject(ProposedChange change) {
        QuestionId id = null;
        if (change instanceof NewQuestion c) {
            id = c.questionId();
        } else if (change instanceof Rewording c) {
            id = c.questionId();
        } else if (change instanceof TagChange c) {
            id = c.questionId();
        } else if (change instanceof Retirement c) {
            id = c.questionId();
        } else if (change instanceof Merge c) {
            id = c.sourceId();
        } else if (change instanceof Unmerge c) {
            id = c.sourceId();
        } else if (change instanceof ListEntryAddition c) {
            id = c.questionId();
        } else if (change instanceof ListEntryRemoval c) {
            id = c.questionId();
        } else if (change instanceof ListEntryMove c) {
            id = c.questionId();
        } else if (change instanceof Revert c) {
            id = c.questionId();
        }
        return id == null ? null : id.value();
    }

    private static UUID list(ProposedChange change) {
        CuratedListId id = null;
        if (change instanceof NewQuestion c) {
            id = c.listId();
        } else if (change instanceof ListEntryAddition c) {
            id = c.listId();
        } else if (change instanceof ListEntryRemoval c) {
            id = c.listId();
        } else if (change instanceof ListEntryMove c) {
            id = c.listId();
        }
        return id == null ? null : id.value();
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
