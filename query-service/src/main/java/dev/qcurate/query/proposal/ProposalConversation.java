package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a proposal's conversation and its amendments; the command side bounds how many of each there can be. */
@Component
@RequiredArgsConstructor
class ProposalConversation {

    /** More than the command side lets a proposal collect, so nothing is cut; a guard, not a page size. */
    static final int MAX_ENTRIES = 1_000;
    /** What a list shows of each proposal's conversation: enough to see where it stands, bounded per page. */
    static final int RECENT = 3;

    static final int PREVIEW = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    /** A comment ({@code COMMENT}) or a request for changes ({@code CHANGES_REQUESTED}); {@code text} is Markdown. */
    record Entry(String kind, String author, String text, Instant at) {}

    /** Amendment to {@code revision}: the change it replaced and the new one. */
    record Revision(int revision, String amendedBy, JsonNode previous, JsonNode change, Instant at) {}

    /**
     * The proposals with the last {@value #RECENT} entries of each one's conversation, texts cut to
     * {@value #PREVIEW} characters: one query for the page, and none when nobody commented.
     */
    List<ProposalView> withRecentConversation(List<ProposalView> proposals) {
        UUID[] discussed = proposals.stream()
                .filter(p -> p.comments() > 0)
                .map(ProposalView::proposalId)
                .toArray(UUID[]::new);
        if (discussed.length == 0) {
            return proposals;
        }
        Map<UUID, List<Entry>> recent = new HashMap<>();
        jdbc.query(
                """
                SELECT proposal_id, kind, author, text, at FROM (
                    SELECT proposal_id, position, kind, author, left(text, ?) AS text, at,
                           row_number() OVER (PARTITION BY proposal_id ORDER BY position DESC) AS newest
                    FROM proposal_comment WHERE proposal_id = ANY (?)) recent
                WHERE newest <= ? ORDER BY proposal_id, position""",
                (RowCallbackHandler) rs -> recent.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new Entry(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant())),
                PREVIEW,
                discussed,
                RECENT);
        return proposals.stream()
                .map(p -> recent.containsKey(p.proposalId()) ? p.withRecentConversation(recent.get(p.proposalId())) : p)
                .toList();
    }

    List<Entry> entries(UUID proposalId) {
        return jdbc.query(
                """
                SELECT kind, author, text, at FROM proposal_comment WHERE proposal_id = ? ORDER BY position LIMIT ?""",
                (rs, row) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                proposalId,
                MAX_ENTRIES);
    }

    List<Revision> revisions(UUID proposalId) {
        return jdbc.query(
                """
                SELECT revision, amended_by, previous, change, at FROM proposal_revision WHERE proposal_id = ?
                ORDER BY revision LIMIT ?""",
                (rs, row) -> new Revision(
                        rs.getInt(1),
                        rs.getString(2),
                        read(rs.getString(3)),
                        read(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()),
                proposalId,
                MAX_ENTRIES);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
