package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalAmendedEvent;
import dev.qcurate.shared.proposal.ProposalChangesRequestedEvent;
import dev.qcurate.shared.proposal.ProposalClaimReleasedEvent;
import dev.qcurate.shared.proposal.ProposalClaimedEvent;
import dev.qcurate.shared.proposal.ProposalCommentedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The read side of claims, comments, requests for changes and amendments: all their SQL. Called by
 * {@link ProposalProjection} in event order, after it has written what came before in the batch.
 */
@Component
class ProposalCollaborationStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ProposalCollaborationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void claimed(ProposalClaimedEvent e) {
        jdbc.update(
                "UPDATE proposal SET claimed_by = ?, claim_expires_at = ? WHERE id = ?",
                e.reviewer(),
                Timestamp.from(e.expiresAt()),
                e.proposalId().value());
    }

    void claimReleased(ProposalClaimReleasedEvent e) {
        jdbc.update(
                "UPDATE proposal SET claimed_by = NULL, claim_expires_at = NULL WHERE id = ?",
                e.proposalId().value());
    }

    void commented(StoredEvent event, ProposalCommentedEvent e) {
        comment(event, e.proposalId(), "COMMENT", e.author(), e.text());
    }

    void changesRequested(StoredEvent event, ProposalChangesRequestedEvent e) {
        comment(event, e.proposalId(), "CHANGES_REQUESTED", e.reviewer(), e.comment());
        jdbc.update("""
                UPDATE proposal SET status = ?, claimed_by = NULL, claim_expires_at = NULL
                WHERE id = ?""", ProposalStatus.CHANGES_REQUESTED.name(), e.proposalId().value());
    }

    void amended(StoredEvent event, ProposalAmendedEvent e) {
        jdbc.update(
                """
                INSERT INTO proposal_revision (proposal_id, revision, amended_by, previous, change, at)
                SELECT id, ?, ?, payload, ?::jsonb, ? FROM proposal WHERE id = ?""",
                e.revision(),
                e.amendedBy(),
                toJson(e.change()),
                Timestamp.from(event.at()),
                e.proposalId().value());
        jdbc.update(
                """
                UPDATE proposal SET payload = ?::jsonb, revision = ?, status = ?, approvers = '{}'
                WHERE id = ?""",
                toJson(e.change()),
                e.revision(),
                ProposalStatus.PENDING.name(),
                e.proposalId().value());
    }

    void reset() {
        jdbc.execute("TRUNCATE proposal_comment, proposal_revision");
    }

    private void comment(StoredEvent event, ProposalId id, String kind, String author, String text) {
        Timestamp at = Timestamp.from(event.at());
        jdbc.update("""
                INSERT INTO proposal_comment (proposal_id, position, kind, author, text, at) VALUES (?, ?, ?, ?, ?, ?)""", id.value(), event.position(), kind, author, text, at);
        jdbc.update("UPDATE proposal SET comments = comments + 1 WHERE id = ?", id.value());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
