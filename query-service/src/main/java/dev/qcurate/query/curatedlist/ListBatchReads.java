package dev.qcurate.query.curatedlist;

import dev.qcurate.query.question.QuestionState;
import dev.qcurate.shared.question.QuestionStatus;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ListStore}'s reads for a projection batch, before it starts. The {@code question} rows are read as they were
 * before the batch: the list projection runs first.
 */
@RequiredArgsConstructor
final class ListBatchReads {

    private final JdbcTemplate jdbc;

    /**
     * Reads the questions and everything they are merged into, unless already known; unknown ids are {@link
     * MergeChains#MISSING}. One link more than {@link MergeChains#MAX_CHAIN}: a chain's walk reads its last node's
     * merged_into.
     */
    void loadChains(UUID[] ids, Map<UUID, QuestionState> questions) {
        jdbc.query(
                """
                WITH RECURSIVE chain (id, depth) AS (
                    SELECT unnest(?::uuid[]), 0
                    UNION
                    SELECT q.merged_into, c.depth + 1 FROM chain c JOIN question q ON q.id = c.id
                    WHERE q.merged_into IS NOT NULL AND c.depth <= ?
                )
                SELECT q.id, q.text, q.status, q.revision, q.tags, q.merged_into
                FROM (SELECT DISTINCT id FROM chain) c JOIN question q ON q.id = c.id""",
                rs -> {
                    questions.putIfAbsent(rs.getObject(1, UUID.class), question(rs));
                },
                ids,
                MergeChains.MAX_CHAIN);
        for (UUID id : ids) {
            questions.putIfAbsent(id, MergeChains.MISSING);
        }
    }

    /** The questions merged (transitively) into {@code ids} before the batch, and the lists holding any of them. */
    void loadReaching(
            UUID[] ids, Map<UUID, QuestionState> questions, Set<UUID> reaching, Map<UUID, Set<UUID>> entries) {
        jdbc.query(
                """
                WITH RECURSIVE members (id, depth) AS (
                    SELECT unnest(?::uuid[]), 0
                    UNION
                    SELECT q.id, m.depth + 1 FROM question q JOIN members m ON q.merged_into = m.id
                    WHERE m.depth < ?
                )
                SELECT q.id, q.text, q.status, q.revision, q.tags, q.merged_into, e.list_id
                FROM (SELECT DISTINCT id FROM members) m JOIN question q ON q.id = m.id
                LEFT JOIN list_entry e ON e.question_id = q.id""",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    reaching.add(id);
                    questions.putIfAbsent(id, question(rs));
                    UUID list = rs.getObject(7, UUID.class);
                    if (list != null) {
                        entries.computeIfAbsent(id, key -> new HashSet<>()).add(list);
                    }
                },
                ids,
                MergeChains.MAX_CHAIN);
        // entries of changed questions that do not exist (yet): the join above cannot find them
        jdbc.query(
                "SELECT question_id, list_id FROM list_entry WHERE question_id = ANY (?)",
                rs -> {
                    entries.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                },
                (Object) ids);
    }

    /** The changes parked for these proposals by earlier batches: proposal → list → cause. */
    Map<UUID, Map<UUID, ListCause>> loadPending(Set<UUID> proposals) {
        Map<UUID, Map<UUID, ListCause>> pending = new HashMap<>();
        if (proposals.isEmpty()) {
            return pending;
        }
        jdbc.query(
                """
                SELECT proposal_id, list_id, cause_type, actor, at, position FROM list_pending_change
                WHERE proposal_id = ANY (?)""",
                rs -> {
                    UUID proposal = rs.getObject(1, UUID.class);
                    pending.computeIfAbsent(proposal, key -> new HashMap<>())
                            .put(
                                    rs.getObject(2, UUID.class),
                                    new ListCause(
                                            rs.getString(3),
                                            proposal,
                                            rs.getString(4),
                                            rs.getTimestamp(5).toInstant(),
                                            rs.getLong(6)));
                },
                (Object) proposals.toArray(UUID[]::new));
        return pending;
    }

    /** The lists that exist among {@code ids}: header, entries, and the open rows and aliases of the current version. */
    Map<UUID, ListState> loadLists(Collection<UUID> ids) {
        Map<UUID, ListState> lists = new HashMap<>();
        if (ids.isEmpty()) {
            return lists;
        }
        Object listIds = ids.toArray(UUID[]::new);
        Map<UUID, Map<UUID, BigDecimal>> entries = new HashMap<>();
        jdbc.query(
                "SELECT list_id, question_id, sort_key FROM list_entry WHERE list_id = ANY (?)",
                rs -> {
                    entries.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashMap<>())
                            .put(rs.getObject(2, UUID.class), rs.getBigDecimal(3));
                },
                listIds);
        jdbc.query(
                """
                SELECT id, name, title, description, version, size, created_at, updated_at FROM curated_list
                WHERE id = ANY (?)""",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    lists.put(
                            id,
                            new ListState(
                                    id,
                                    false,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(7).toInstant(),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getTimestamp(8).toInstant(),
                                    entries.getOrDefault(id, new HashMap<>())));
                },
                listIds);
        Map<UUID, List<ViewRow>> rows = new HashMap<>();
        jdbc.query(
                """
                SELECT question_id, sort_key, text, tags, revision, valid_from, list_id FROM list_view_row
                WHERE list_id = ANY (?) AND valid_to = ? ORDER BY list_id, sort_key""",
                rs -> {
                    ViewRow row = ListStore.viewRow(rs);
                    UUID list = rs.getObject(7, UUID.class);
                    rows.computeIfAbsent(list, key -> new ArrayList<>()).add(row);
                    lists.get(list).openRows.put(row.questionId(), new ListState.OpenRow(row, rs.getInt(6), false));
                },
                listIds,
                ListState.OPEN);
        rows.forEach((list, open) -> lists.get(list).rows = List.copyOf(open));
        jdbc.query(
                """
                SELECT source_id, target_id, valid_from, list_id FROM list_view_alias
                WHERE list_id = ANY (?) AND valid_to = ? ORDER BY list_id, source_id, target_id""",
                rs -> {
                    View.Alias alias = new View.Alias(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    lists.get(rs.getObject(4, UUID.class))
                            .openAliases
                            .put(alias, new ListState.OpenAlias(alias, rs.getInt(3), false));
                },
                listIds,
                ListState.OPEN);
        return lists;
    }

    private static QuestionState question(ResultSet rs) throws SQLException {
        return new QuestionState(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                QuestionStatus.valueOf(rs.getString(3)),
                rs.getInt(4),
                ListStore.strings(rs.getArray(5)),
                rs.getObject(6, UUID.class));
    }
}
