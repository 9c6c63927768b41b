package dev.qcurate.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads proposals with optional filters, oldest first (a queue). */
@Component
class ProposalQueries {

    /** The score at or above which an import's duplicate candidate counts as a likely duplicate. */
    static final double LIKELY_DUPLICATE_SCORE = 0.5;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ProposalQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Filter(String status, String proposer, String type, UUID questionId, UUID listId) {
    }

    List<ProposalView> find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        add(where, arguments, "status", filter.status());
        add(where, arguments, "proposer", filter.proposer());
        add(where, arguments, "type", filter.type());
        add(where, arguments, "question_id", filter.questionId());
        add(where, arguments, "list_id", filter.listId());
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("""
                SELECT id, type, status, question_id, list_id, proposer, payload, duplicate_candidates,
                       required_approvals, approvers, decided_by, reason, created_at, decided_at
                FROM proposal""" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                (rs, row) -> {
                    JsonNode candidates = read(rs.getString(8));
                    return new ProposalView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
                            read(rs.getString(7)), candidates, likelyDuplicate(candidates), rs.getInt(9),
                            strings(rs.getArray(10)), rs.getString(11), rs.getString(12),
                            rs.getTimestamp(13).toInstant(),
                            rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant());
                }, arguments.toArray());
    }

    private static void add(StringBuilder where, List<Object> arguments, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            arguments.add(value);
        }
    }

    private static boolean likelyDuplicate(JsonNode candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.path("score").asDouble() >= LIKELY_DUPLICATE_SCORE) {
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
