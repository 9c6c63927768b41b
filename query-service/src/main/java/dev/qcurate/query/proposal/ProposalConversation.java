package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads a proposal's conversation and its amendments; the command side bounds how many of each there can be. */
@Component
class ProposalConversation {

    /** More than the command side lets a proposal collect, so nothing is cut; a guard, not a page size. */
    static final int MAX_ENTRIES = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ProposalConversation(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A comment ({@code COMMENT}) or a request for changes ({@code CHANGES_REQUESTED}); {@code text} is Markdown. */
    record Entry(String kind, String author, String text, Instant at) {
    }

    /** Amendment to {@code revision}: the change it replaced and the new one. */
    record Revision(int revision, String amendedBy, JsonNode previous, JsonNode change, Instant at) {
    }

    List<Entry> entries(UUID proposalId) {
        return jdbc.query("""
                SELECT kind, author, text, at FROM proposal_comment WHERE proposal_id = ? ORDER BY position LIMIT ?""",
                (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), proposalId, MAX_ENTRIES);
    }

    List<Revision> revisions(UUID proposalId) {
        return jdbc.query("""
                SELECT revision, amended_by, previous, change, at FROM proposal_revision WHERE proposal_id = ?
                ORDER BY revision LIMIT ?""",
                (rs, row) -> new Revision(rs.getInt(1), rs.getString(2), read(rs.getString(3)),
                        read(rs.getString(4)), rs.getTimestamp(5).toInstant()), proposalId, MAX_ENTRIES);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
