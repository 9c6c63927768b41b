package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.proposal.ProposalWrite.Amendment;
import dev.qcurate.query.proposal.ProposalWrite.Approval;
import dev.qcurate.query.proposal.ProposalWrite.Claim;
import dev.qcurate.query.proposal.ProposalWrite.Comment;
import dev.qcurate.query.proposal.ProposalWrite.CommentKind;
import dev.qcurate.query.proposal.ProposalWrite.Decision;
import dev.qcurate.query.proposal.ProposalWrite.NewProposal;
import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Every statement the proposal projection runs: it writes what {@link ProposalBatch} planned, one step at a time. */
@Component
@RequiredArgsConstructor
class ProposalStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    void write(List<ProposalWrite> writes) {
        writes.forEach(write -> write.writeTo(this));
    }

    void insert(List<NewProposal> rows) {
        jdbc.batchUpdate("""
                INSERT INTO proposal (id, type, status, question_id, list_id, proposer, payload,
                                      duplicate_candidates, required_approvals, approvers, decided_by, reason,
                                      created_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""", rows.stream().map(this::insertRow).toList());
    }

    void approve(List<Approval> approvals) {
        jdbc.batchUpdate(
                """
                UPDATE proposal SET approvers = array_append(approvers, ?), claimed_by = NULL, claim_expires_at = NULL
                WHERE id = ?""",
                approvals.stream()
                        .map(a -> new Object[] {a.reviewer(), a.proposalId()})
                        .toList());
    }

    void decide(List<Decision> decisions) {
        jdbc.batchUpdate(
                "UPDATE proposal SET status = ?, decided_by = ?, reason = ?, decided_at = ? WHERE id = ?",
                decisions.stream()
                        .map(d -> new Object[] {
                            d.status().name(), d.reviewer(), d.reason(), timestamp(d.at()), d.proposalId()
                        })
                        .toList());
    }

    void claim(Claim claim) {
        jdbc.update(
                "UPDATE proposal SET claimed_by = ?, claim_expires_at = ? WHERE id = ?",
                claim.reviewer(),
                timestamp(claim.expiresAt()),
                claim.proposalId());
    }

    void comment(Comment comment) {
        jdbc.update(
                """
                INSERT INTO proposal_comment (proposal_id, position, kind, author, text, at) VALUES (?, ?, ?, ?, ?, ?)""",
                comment.proposalId(),
                comment.position(),
                comment.kind().name(),
                comment.author(),
                comment.text(),
                timestamp(comment.at()));
        jdbc.update("UPDATE proposal SET comments = comments + 1 WHERE id = ?", comment.proposalId());
        if (comment.kind() == CommentKind.CHANGES_REQUESTED) {
            jdbc.update("""
                    UPDATE proposal SET status = ?, claimed_by = NULL, claim_expires_at = NULL
                    WHERE id = ?""", ProposalStatus.CHANGES_REQUESTED.name(), comment.proposalId());
        }
    }

    void amend(Amendment amendment) {
        String change = toJson(amendment.change());
        jdbc.update(
                """
                INSERT INTO proposal_revision (proposal_id, revision, amended_by, previous, change, at)
                SELECT id, ?, ?, payload, ?::jsonb, ? FROM proposal WHERE id = ?""",
                amendment.revision(),
                amendment.amendedBy(),
                change,
                timestamp(amendment.at()),
                amendment.proposalId());
        jdbc.update("""
                UPDATE proposal SET payload = ?::jsonb, revision = ?, status = ?, approvers = '{}'
                WHERE id = ?""", change, amendment.revision(), ProposalStatus.PENDING.name(), amendment.proposalId());
    }

    void reset() {
        jdbc.execute("TRUNCATE proposal, proposal_comment, proposal_revision");
    }

    private Object[] insertRow(NewProposal row) {
        ProposalSubmittedEvent e = row.event();
        ProposalSubject subject = ProposalSubject.of(e.change());
        return new Object[] {
            e.proposalId().value(),
            e.change().type().name(),
            row.status().name(),
            subject.question(),
            subject.list(),
            e.proposer(),
            toJson(e.change()),
            toJson(e.duplicateCandidates()),
            e.requiredApprovals(),
            row.approvers().toArray(String[]::new),
            row.decidedBy(),
            row.reason(),
            timestamp(row.createdAt()),
            timestamp(row.decidedAt())
        };
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
