package dev.qcurate.query.curatedlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.question.QuestionState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every SQL statement of the list tables: what the read side asks, what a projection batch loads before it starts and
 * saves when it ends. A version's view is the rows whose interval contains it ({@code valid_from <= v < valid_to}),
 * read through an index on (list_id, valid_to, valid_from) or (list_id, valid_from, valid_to).
 */
@Component
public class ListStore {

    private static final String HEADER =
            "SELECT id, name, title, description, version, size, created_at, updated_at" + " FROM curated_list";
    private static final RowMapper<Header> HEADERS = (rs, n) -> new Header(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getInt(5),
            rs.getInt(6),
            rs.getTimestamp(7).toInstant(),
            rs.getTimestamp(8).toInstant());
    private static final String RELEASE =
            "SELECT label, version, position, at, actor FROM list_release WHERE list_id = ?";
    private static final RowMapper<Release> RELEASES = (rs, n) -> new Release(
            rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getString(5));

    private final JdbcTemplate jdbc;
    private final ListBatchReads batchReads;
    private final ListBatchWrites batchWrites;

    // protected: the read side's tests stand in a store held in memory
    protected ListStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batchReads = new ListBatchReads(jdbc);
        this.batchWrites = new ListBatchWrites(jdbc, json);
    }

    public record Header(
            UUID listId,
            String name,
            String title,
            String description,
            int version,
            int size,
            Instant createdAt,
            Instant updatedAt) {}

    public record Version(
            int version,
            Instant at,
            long position,
            String causeType,
            UUID proposalId,
            String actor,
            int size,
            ListDiff.Summary summary) {}

    public record Release(String label, int version, long position, Instant at, String actor) {}

    // ---- what the read side asks

    public Optional<Header> header(UUID listId) {
        return jdbc.query(HEADER + " WHERE id = ?", HEADERS, listId).stream().findFirst();
    }

    public List<Header> headers() {
        return jdbc.query(HEADER + " ORDER BY name, id", HEADERS);
    }

    public View view(UUID listId, int version) {
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
    public List<ViewRow> rows(UUID listId, int version) {
        return jdbc.query("""
                SELECT question_id, sort_key, text, tags, revision FROM list_view_row
                WHERE list_id = ? AND valid_from <= ? AND valid_to > ? ORDER BY sort_key""", (rs, n) -> viewRow(rs), listId, version, version);
    }

    public List<Version> versions(UUID listId) {
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
    public Optional<Instant> versionTime(UUID listId, int version) {
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
    public Optional<Integer> versionAt(UUID listId, Instant at) {
        return jdbc.queryForList("""
                SELECT version FROM list_version WHERE list_id = ? AND at <= ? ORDER BY at DESC, version DESC
                LIMIT 1""", Integer.class, listId, Timestamp.from(at)).stream()
                .findFirst();
    }

    public Optional<Release> release(UUID listId, String label) {
        return jdbc.query(RELEASE + " AND label = ?", RELEASES, listId, label).stream()
                .findFirst();
    }

    public List<Release> releases(UUID listId) {
        return jdbc.query(RELEASE + " ORDER BY position", RELEASES, listId);
    }

    // ---- what a projection batch loads and saves

    /**
     * What the batch needs, as before it: the questions it changes with their merge chains, the entries that may
     * reach them, the lists it may change (with the chains of all their entries), and the parked changes of the
     * proposals it applies.
     */
    ListBatch.Before load(ListBatch.Needs needs) {
        Map<UUID, QuestionState> questions = new HashMap<>();
        Set<UUID> reaching = new HashSet<>();
        Map<UUID, Set<UUID>> candidateEntries = new HashMap<>();
        Set<UUID> listIds = new HashSet<>(needs.lists());
        if (!needs.changedQuestions().isEmpty()) {
            UUID[] ids = needs.changedQuestions().toArray(UUID[]::new);
            batchReads.loadChains(ids, questions);
            reaching.addAll(needs.changedQuestions());
            batchReads.loadReaching(ids, questions, reaching, candidateEntries);
            candidateEntries.values().forEach(listIds::addAll);
        }
        Map<UUID, Map<UUID, ListCause>> pending = batchReads.loadPending(needs.appliedProposals());
        pending.values().forEach(changes -> listIds.addAll(changes.keySet()));
        Map<UUID, ListState> lists = batchReads.loadLists(listIds);
        Set<UUID> unknown = new HashSet<>(needs.listedQuestions());
        lists.values().forEach(list -> unknown.addAll(list.entries.keySet()));
        unknown.removeAll(questions.keySet());
        if (!unknown.isEmpty()) {
            batchReads.loadChains(unknown.toArray(UUID[]::new), questions);
        }
        return new ListBatch.Before(new MergeChains(questions, reaching, candidateEntries), lists, pending);
    }

    /** Writes what the batch changed, one batched statement per kind. */
    void save(ListChanges changes) {
        batchWrites.save(changes);
    }

    void reset() {
        // list_feed_outbox stays: it is the record of what was published, not derived state
        jdbc.execute("TRUNCATE curated_list, list_entry, list_view_row, list_view_alias, list_version, list_release,"
                + " list_pending_change");
    }

    static ViewRow viewRow(ResultSet rs) throws SQLException {
        return new ViewRow(
                rs.getObject(1, UUID.class),
                rs.getBigDecimal(2),
                rs.getString(3),
                strings(rs.getArray(4)),
                rs.getInt(5));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
