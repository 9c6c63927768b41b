package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.*;
import dev.qcurate.shared.question.QuestionId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/** The review queue and every proposal's decision, for reviewers and for proposers' feedback. */
@Component
@Order(2)
class ProposalProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ProposalProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void apply(StoredEvent event) {
        Object payload = event.payload();
        if (payload instanceof ProposalSubmittedEvent e) {
            jdbc.update("""
                    INSERT INTO proposal (id, type, status, question_id, list_id, proposer, payload,
                                          duplicate_candidates, required_approvals, approvers, created_at)
                    VALUES (?, ?, 'PENDING', ?, ?, ?, ?::jsonb, ?::jsonb, ?, '{}', ?)""",
                    e.proposalId().value(), e.change().type().name(), subject(e.change()), list(e.change()),
                    e.proposer(), toJson(e.change()), toJson(e.duplicateCandidates()), e.requiredApprovals(),
                    at(event));
        } else if (payload instanceof ProposalApprovalRecordedEvent e) {
            jdbc.update("UPDATE proposal SET approvers = array_append(approvers, ?) WHERE id = ?",
                    e.reviewer(), e.proposalId().value());
        } else if (payload instanceof ProposalAppliedEvent e) {
            decide(event, e.proposalId(), "APPROVED", e.reviewer(), null);
        } else if (payload instanceof ProposalRejectedEvent e) {
            decide(event, e.proposalId(), "REJECTED", e.reviewer(), e.reason());
        } else if (payload instanceof ProposalMarkedStaleEvent e) {
            decide(event, e.proposalId(), "STALE", e.reviewer(), "made against revision " + e.baseRevision()
                    + ", but the question is at revision " + e.currentRevision());
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE proposal");
    }

    private void decide(StoredEvent event, ProposalId id, String status, String reviewer, String reason) {
        jdbc.update("UPDATE proposal SET status = ?, decided_by = ?, reason = ?, decided_at = ? WHERE id = ?",
                status, reviewer, reason, at(event), id.value());
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
