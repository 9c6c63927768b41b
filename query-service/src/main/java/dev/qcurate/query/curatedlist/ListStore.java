package dev.qcurate.query.curatedlist;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The list tables. A version's view is the rows whose interval contains it ({@code valid_from <= v < valid_to}), read
 * through an index on (list_id, valid_to, valid_from) or (list_id, valid_from, valid_to).
 */
@Component
class ListStore {

    static final int OPEN = Integer.MAX_VALUE;

    private final JdbcTemplate jdbc;

    ListStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Header(
            UUID listId,
            String name,
            String title,
            String description,
            int version,
            int size,
            Instant createdAt,
            Instant updatedAt) {}

    record Version(
            int version,
            Instant at,
            long position,
            String causeType,
            UUID proposalId,
            String actor,
            int size,
            ListDiff.Summary summary) {}

    record Release(String label, int version, long position, Instant at, String actor) {}

    // ---- reads

    Optional<Header> header(UUID listId) {
        return jdbc
                .query(
                        """
                SELECT id, name, title, description, version, size, created_at, updated_at FROM curated_list
                WHERE id = ?""",
                        (rs, n) -> new Header(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getInt(6),
                                rs.getTimestamp(7).toInstant(),
                                rs.getTimestamp(8).toInstant()),
                        listId)
                .stream()
                .findFirst();
    }

    List<Header> headers() {
        return jdbc.query(
                """
                SELECT id, name, title, description, version, size, created_at, updated_at FROM curated_list
                ORDER BY name, id""",
                (rs, n) -> new Header(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()));
    }

    View view(UUID listId, int version) {
        List<ViewRow> rows = rows(listId, version);
        List<View.Alias> aliases = jdbc.query(
                """
                SELECT source_id, target_id FROM list_view_alias
                WHERE list_id = ? AND valid_from <= ? AND valid_to > ? ORDER BY source_id, target_id""",
                (rs, n) -> new View.Alias(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                listId,
                version,
                version);
        return new View(rows, aliases);
    }

    /** The rows version {@code version} shows, in list order (without the aliases only diffs need). */
    List<ViewRow> rows(UUID listId, int version) {
        return jdbc.query(
                """
                SELECT question_id, sort_key, text, tags, revision FROM list_view_row
                WHERE list_id = ? AND valid_from <= ? AND valid_to > ? ORDER BY sort_key""",
                (rs, n) -> new ViewRow(
                        rs.getObject(1, UUID.class),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        strings(rs.getArray(4)),
                        rs.getInt(5)),
                listId,
                version,
                version);
    }

    List<Version> versions(UUID listId) {
        return jdbc.query(
                """
                SELECT version, at, position, cause_type, proposal_id, actor, size, added, removed, reworded, merged
                FROM list_version WHERE list_id = ? ORDER BY version""",
                (rs, n) -> new Version(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getInt(7),
                        new ListDiff.Summary(rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11))),
                listId);
    }

    /** When {@code version} was made; one row by primary key (not a scan of every version). */
    Optional<Instant> versionTime(UUID listId, int version) {
        return jdbc
                .query(
                        "SELECT at FROM list_version WHERE list_id = ? AND version = ?",
                        (rs, n) -> rs.getTimestamp(1).toInstant(),
                        listId,
                        version)
                .stream()
                .findFirst();
    }

    /** The version the list showed at {@code at}: the last one created at or before it. */
    Optional<Integer> versionAt(UUID listId, Instant at) {
        return jdbc.queryForList("""
                SELECT version FROM list_version WHERE list_id = ? AND at <= ? ORDER BY at DESC, version DESC
                LIMIT 1""", Integer.class, listId, Timestamp.from(at)).stream()
                .findFirst();
    }

    Optional<Release> release(UUID listId, String label) {
        return jdbc
                .query(
                        "SELECT label, version, position, at, actor FROM list_release WHERE list_id = ? AND label = ?",
                        (rs, n) -> new Release(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getLong(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5)),
                        listId,
                        label)
                .stream()
                .findFirst();
    }

    List<Release> releases(UUID listId) {
        return jdbc.query(
                "SELECT label, version, position, at, actor FROM list_release WHERE list_id = ? ORDER BY position",
                (rs, n) -> new Release(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)),
                listId);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
