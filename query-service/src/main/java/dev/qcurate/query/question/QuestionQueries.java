package dev.qcurate.query.question;

import dev.qcurate.query.tag.TagSynonyms;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads questions from the read model; every value is a bound parameter. */
@Component
@RequiredArgsConstructor
public class QuestionQueries {

    private final JdbcTemplate jdbc;

    public Optional<QuestionView> find(UUID id) {
        List<String> aliases = jdbc.queryForList(
                "SELECT alias FROM question_alias WHERE question_id = ? ORDER BY alias", String.class, id);
        List<QuestionView.Step> history = jdbc.query(
                """
                SELECT h.revision, h.event, h.text, h.status, h.at, h.actor, h.proposal_id, h.tags, p.type
                FROM question_history h LEFT JOIN proposal p ON p.id = h.proposal_id
                WHERE h.question_id = ? ORDER BY h.position""",
                (rs, row) -> new QuestionView.Step(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getObject(7, UUID.class),
                        rs.getArray(8) == null ? null : strings(rs.getArray(8)),
                        rs.getString(9)),
                id);
        return jdbc
                .query(
                        """
                SELECT id, text, status, revision, tags, merged_into, source_document, source_line, import_id,
                       proposal_id, proposed_by, created_at, updated_at
                FROM question WHERE id = ?""",
                        (rs, row) -> new QuestionView(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                strings(rs.getArray(5)),
                                aliases,
                                rs.getObject(6, UUID.class),
                                source(rs),
                                rs.getObject(10, UUID.class),
                                rs.getString(11),
                                rs.getTimestamp(12).toInstant(),
                                rs.getTimestamp(13).toInstant(),
                                history),
                        id)
                .stream()
                .findFirst();
    }

    /** Questions matching all given filters (each optional), newest change first. */
    public Page<QuestionView.Summary> search(String text, String tag, String status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND text ILIKE ? ESCAPE '\\'");
            arguments.add(
                    "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (tag != null && !tag.isBlank()) {
            where.append(" AND tags && " + TagSynonyms.NAMES);
            arguments.addAll(TagSynonyms.arguments(tag));
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND status = ?");
            arguments.add(status);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM question" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<QuestionView.Summary> items = jdbc.query(
                "SELECT id, text, status, revision, tags, merged_into, updated_at FROM question" + where
                        + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?",
                (rs, row) -> new QuestionView.Summary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        strings(rs.getArray(5)),
                        rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant()),
                paged.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private static QuestionView.Source source(ResultSet rs) throws SQLException {
        String document = rs.getString(7);
        UUID importId = rs.getObject(9, UUID.class);
        if (document == null && importId == null) {
            return null;
        }
        int line = rs.getInt(8);
        return new QuestionView.Source(document, rs.wasNull() ? null : line, importId);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A page of results with the total count. */
    public record Page<T>(List<T> items, int page, int size, long total) {}
}
