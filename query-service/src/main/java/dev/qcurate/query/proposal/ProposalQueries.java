package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qcurate.query.duplicates.DuplicateCandidate;
import dev.qcurate.query.duplicates.DuplicateIndex;
import dev.qcurate.query.tag.TagSynonyms;
import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalType;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Reads proposals with optional filters, oldest first (a queue) or newest first (a proposer's feedback). */
@Component
@RequiredArgsConstructor
class ProposalQueries {

    private static final String SOURCE_LINE = "(payload #>> '{source,line}')::int";
    /** The stored claim holds only while pending and unexpired: decided at read time, so rebuilds stay identical. */
    private static final String HELD_CLAIM =
            "CASE WHEN status = 'PENDING' AND claim_expires_at > now() THEN claimed_by END";

    /** Candidates shown for a proposal whose candidates are looked up live. */
    static final int LIVE_CANDIDATES = 5;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DuplicateIndex duplicates;

    /**
     * Live duplicate lookups one page may make (each is an index search); the proposals beyond it are answered
     * without candidates, and the answer says how many.
     */
    @Value("${qcurate.proposals.max-live-lookups:100}")
    private final int maxLiveLookups;

    /** One page of proposals, and how many of them had their live candidates left out (beyond the cap). */
    record Page(List<ProposalView> proposals, int candidatesSkipped) {}

    /**
     * @param tag      the proposal's question carries this tag (now: a new question's tags are its proposed ones)
     * @param importId the proposal's question came in with this import
     */
    record Filter(
            String status, String proposer, String type, UUID questionId, UUID listId, String tag, UUID importId) {}

    Page find(Filter filter, int page, int size, boolean newestFirst) {
        int[] lookups = {0, 0}; // made, skipped
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        arguments.add(size);
        arguments.add((long) page * size);
        // an import proposes a chunk of questions within the same millisecond: their document line keeps them in the
        // document's order (so approving the queue in order builds the list in that order), not the random ids
        String order = newestFirst
                ? " ORDER BY created_at DESC, " + SOURCE_LINE + " DESC, id DESC"
                : " ORDER BY created_at, " + SOURCE_LINE + ", id";
        List<ProposalView> proposals = jdbc.query(
                SELECT + where + order + " LIMIT ? OFFSET ?", (rs, row) -> view(rs, lookups), arguments.toArray());
        return new Page(proposals, lookups[1]);
    }

    /** One proposal by id, in any status. */
    Optional<ProposalView> find(UUID proposalId) {
        int[] lookups = {0, 0};
        return jdbc.query(SELECT + " WHERE id = ?", (rs, row) -> view(rs, lookups), proposalId).stream()
                .findFirst();
    }

    private static final String SELECT = """
            SELECT id, type, status, question_id, list_id, proposer, payload, duplicate_candidates,
                   required_approvals, approvers, decided_by, reason, created_at, decided_at,
                   """ + HELD_CLAIM + """
                   , claim_expires_at, revision, comments
            FROM proposal""";

    private ProposalView view(ResultSet rs, int[] lookups) throws SQLException {
        JsonNode payload = read(rs.getString(7));
        JsonNode candidates = candidates(
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                payload.path("text").asText(null),
                read(rs.getString(8)),
                lookups);
        return new ProposalView(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                read(rs.getString(7)),
                candidates,
                likelyDuplicate(candidates),
                rs.getInt(9),
                strings(rs.getArray(10)),
                rs.getString(11),
                rs.getString(12),
                rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(),
                rs.getString(15) == null
                        ? null
                        : new ProposalView.ClaimView(
                                rs.getString(15), rs.getTimestamp(16).toInstant()),
                rs.getInt(17),
                rs.getInt(18),
                List.of());
    }

    /** How many proposals match, in all and by type (types without any are left out). */
    Map<String, Long> countByType(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT type, count(*) FROM proposal" + where(filter, arguments) + " GROUP BY type",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)),
                arguments.toArray());
        return counts;
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        add(where, arguments, "status", filter.status());
        add(where, arguments, "proposer", filter.proposer());
        add(where, arguments, "type", filter.type());
        add(where, arguments, "question_id", filter.questionId());
        add(where, arguments, "list_id", filter.listId());
        if (filter.tag() != null) {
            where.append(" AND question_id IN (SELECT id FROM question WHERE tags && " + TagSynonyms.NAMES + ")");
            arguments.addAll(TagSynonyms.arguments(filter.tag()));
        }
        if (filter.importId() != null) {
            where.append(" AND question_id IN (SELECT id FROM question WHERE import_id = ?)");
            arguments.add(filter.importId());
        }
        return where.toString();
    }

    private static void add(StringBuilder where, List<Object> arguments, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            arguments.add(value);
        }
    }

    /**
     * The candidates stored with the proposal (an import checks its items before proposing them), each with the
     * index's verdict; a pending new question proposed by hand has none stored, so its candidates are looked up live.
     */
    private JsonNode candidates(
            String type, String status, UUID questionId, String text, JsonNode stored, int[] lookups) {
        ArrayNode candidates = json.createArrayNode();
        if (stored.isEmpty()
                && questionId != null
                && ProposalType.NEW_QUESTION.name().equals(type)
                && ProposalStatus.PENDING.name().equals(status)) {
            if (lookups[0] >= maxLiveLookups) {
                lookups[1]++;
                return candidates;
            }
            lookups[0]++;
            List<DuplicateCandidate> found = duplicates.candidatesOf(questionId, LIVE_CANDIDATES);
            if (found.isEmpty() && text != null) {
                // the index may not hold the question yet (it follows the read model): search by its text instead
                found = duplicates.candidates(text, LIVE_CANDIDATES, Set.of(questionId));
            }
            found.forEach(candidate ->
                    candidates.add(candidate(candidate.questionId().toString(), candidate.text(), candidate.score())));
        } else {
            stored.forEach(candidate -> candidates.add(candidate(
                    candidate.path("questionId").asText(),
                    candidate.path("text").asText(),
                    candidate.path("score").asDouble())));
        }
        return candidates;
    }

    private ObjectNode candidate(String questionId, String text, double score) {
        return json.createObjectNode()
                .put("questionId", questionId)
                .put("text", text)
                .put("score", score)
                .put("likelyDuplicate", score >= DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD);
    }

    private static boolean likelyDuplicate(JsonNode candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.path("likelyDuplicate").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
