package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.question.QuestionState;
import dev.qcurate.shared.curatedlist.*;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.question.*;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.*;

/**
 * One projection batch of the list projection, in memory. The {@code question} rows are read as they were before
 * the batch (the list projection runs before the question projection) and the batch's question events are followed
 * here, so every list version sees each question exactly as it was right after the event that made the version.
 * Lists are read once per batch; their changes are written when the batch ends, one batched statement per kind.
 *
 * <p>Which lists a question event touches: only entries whose merge chain (before the batch) reaches a question the
 * batch changes can be affected, since a chain changes only at questions the batch changes. Those entries are found
 * with one query up front; for each event their chains are then followed in memory.
 */
final class ListBatch {

    /** No such question. */
    private static final QuestionState MISSING = new QuestionState(null, null, null, 0, List.of(), null);

    private static final int MAX_CHAIN = 32;
    private static final Comparator<UUID> POSTGRES_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final JdbcTemplate jdbc;
    private final ListVersioning versioning;
    private final Map<UUID, QuestionState> questions = new HashMap<>();
    /** Questions the batch changes, and the questions merged (transitively) into them before the batch. */
    private final Set<UUID> reaching = new HashSet<>();
    /** For entries that may reach a changed question: the lists holding them. */
    private final Map<UUID, Set<UUID>> candidateEntries = new HashMap<>();

    private final Map<UUID, Optional<ListState>> lists = new HashMap<>();
    /** Changes parked by proposal until its ProposalAppliedEvent: from earlier batches, and from this one. */
    private final Map<UUID, Map<UUID, ListVersioning.Cause>> storedPending = new HashMap<>();

    private final Map<UUID, Map<UUID, ListVersioning.Cause>> pending = new LinkedHashMap<>();
    private final Set<UUID> pendingDone = new LinkedHashSet<>();
    private final List<Object[]> releases = new ArrayList<>();
    final ListVersioning.Writes writes = new ListVersioning.Writes();

    ListBatch(JdbcTemplate jdbc, ListVersioning versioning) {
        this.jdbc = jdbc;
        this.versioning = versioning;
    }

    void apply(List<StoredEvent> events) {
        prepare(events);
        for (StoredEvent event : events) {
            apply(event);
        }
        write();
    }

    private void apply(StoredEvent event) {
        Object payload = event.payload();
        UUID question = QuestionState.subject(payload);
        if (question != null) {
            // the question as the question projection leaves it after this event
            QuestionState before = question(question);
            if (payload instanceof QuestionProposedEvent e) {
                questions.put(question, QuestionState.proposed(e));
            } else if (before != MISSING) {
                questions.put(question, before.next(payload));
            }
        }
        if (payload instanceof CuratedListCreatedEvent e) {
            created(event, e);
        } else if (payload instanceof ListEntryAddedEvent e) {
            list(e.listId().value()).ifPresent(list -> {
                list.insertEntry(e.questionId().value(), e.index());
                entryAdded(list, e.questionId().value());
                changed(list, event);
            });
        } else if (payload instanceof ListEntryRemovedEvent e) {
            list(e.listId().value()).ifPresent(list -> {
                list.removeEntry(e.questionId().value());
                entryRemoved(list, e.questionId().value());
                changed(list, event);
            });
        } else if (payload instanceof ListEntryMovedEvent e) {
            list(e.listId().value()).ifPresent(list -> {
                list.removeEntry(e.questionId().value());
                list.insertEntry(e.questionId().value(), e.toIndex());
                entryAdded(list, e.questionId().value());
                changed(list, event);
            });
        } else if (payload instanceof ListReleasedEvent e) {
            releases.add(new Object[] {
                e.listId().value(), e.label(), e.version(), event.position(), Timestamp.from(event.at()), event.actor()
            });
        } else if (payload instanceof ProposalAppliedEvent e) {
            versionPendingChanges(e.proposalId().value());
        } else {
            List<UUID> touched = touchedQuestions(payload);
            if (!touched.isEmpty()) {
                listsShowing(touched).forEach(list -> changed(list(list).orElseThrow(), event));
            }
        }
    }

    /** The questions whose change may alter what a list shows, with the other side of a merge. */
    private static List<UUID> touchedQuestions(Object payload) {
        if (payload instanceof QuestionAcceptedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRejectedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRewordedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRevertedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof ProposedQuestionAmendedEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionRetiredEvent e) {
            return List.of(e.questionId().value());
        } else if (payload instanceof QuestionMergedEvent e) {
            return List.of(e.questionId().value(), e.targetId().value());
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        } else if (payload instanceof QuestionUnmergedEvent e) {
            return List.of(e.questionId().value(), e.formerTargetId().value());
        } else if (payload instanceof DuplicateReleasedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        }
        return List.of();
    }

    /**
     * Reads what the batch needs up front: the questions it changes (and their merge chains), the entries that may
     * reach them, and the parked changes of the proposals it applies.
     */
    private void prepare(List<StoredEvent> events) {
        Set<UUID> changed = new LinkedHashSet<>();
        Set<UUID> applied = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            UUID question = QuestionState.subject(event.payload());
            if (question != null) {
                changed.add(question);
            }
            changed.addAll(touchedQuestions(event.payload()));
            if (event.payload() instanceof ProposalAppliedEvent e) {
                applied.add(e.proposalId().value());
            }
        }
        if (!changed.isEmpty()) {
            UUID[] ids = changed.toArray(UUID[]::new);
            loadChains(ids);
            reaching.addAll(changed);
            jdbc.query(
                    """
                    WITH RECURSIVE members (id, depth) AS (
                        SELECT unnest(?::uuid[]), 0
                        UNION
                        SELECT q.id, m.depth + 1 FROM question q JOIN members m ON q.merged_into = m.id
                        WHERE m.depth < 32
                    )
                    SELECT q.id, q.text, q.status, q.revision, q.tags, q.merged_into, e.list_id
                    FROM (SELECT DISTINCT id FROM members) m JOIN question q ON q.id = m.id
                    LEFT JOIN list_entry e ON e.question_id = q.id""",
                    rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        reaching.add(id);
                        questions.putIfAbsent(id, state(rs));
                        UUID list = rs.getObject(7, UUID.class);
                        if (list != null) {
                            candidateEntries
                                    .computeIfAbsent(id, key -> new HashSet<>())
                                    .add(list);
                        }
                    },
                    (Object) ids);
            // entries of changed questions that do not exist (yet): the join above cannot find them
            jdbc.query(
                    "SELECT question_id, list_id FROM list_entry WHERE question_id = ANY (?)",
                    rs -> {
                        candidateEntries
                                .computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>())
                                .add(rs.getObject(2, UUID.class));
                    },
                    (Object) ids);
        }
        if (!applied.isEmpty()) {
            jdbc.query(
                    """
                    SELECT proposal_id, list_id, cause_type, actor, at, position FROM list_pending_change
                    WHERE proposal_id = ANY (?)""",
                    rs -> {
                        UUID proposal = rs.getObject(1, UUID.class);
                        storedPending
                                .computeIfAbsent(proposal, key -> new HashMap<>())
                                .put(
                                        rs.getObject(2, UUID.class),
                                        new ListVersioning.Cause(
                                                rs.getString(3),
                                                proposal,
                                                rs.getString(4),
                                                rs.getTimestamp(5).toInstant(),
                                                rs.getLong(6)));
                    },
                    (Object) applied.toArray(UUID[]::new));
        }
    }

    /** Lists with an entry that is one of {@code touched} or merged (transitively) into one of them, in id order. */
    private Set<UUID> listsShowing(List<UUID> touched) {
        Set<UUID> found = new TreeSet<>(POSTGRES_ORDER);
        candidateEntries.forEach((entry, holders) -> {
            if (!holders.isEmpty() && reaches(entry, touched)) {
                found.addAll(holders);
            }
        });
        return found;
    }

    private boolean reaches(UUID entry, List<UUID> touched) {
        UUID node = entry;
        for (int depth = 0; depth <= MAX_CHAIN && node != null; depth++) {
            if (touched.contains(node)) {
                return true;
            }
            if (!reaching.contains(node)) {
                return false; // its chain is the one it had before the batch, which reaches no changed question
            }
            node = question(node).mergedInto();
        }
        return false;
    }

    private void entryAdded(ListState list, UUID question) {
        candidateEntries.computeIfAbsent(question, key -> new HashSet<>()).add(list.id);
    }

    private void entryRemoved(ListState list, UUID question) {
        Set<UUID> holders = candidateEntries.get(question);
        if (holders != null) {
            holders.remove(list.id);
        }
    }

    /**
     * A list may show something else now. Changes made by an approval become one version when the approval's
     * last event ({@link ProposalAppliedEvent}) arrives, so e.g. a merge is one version, not one per event.
     */
    private void changed(ListState list, StoredEvent event) {
        ListVersioning.Cause cause = ListVersioning.Cause.of(event);
        if (cause.proposalId() == null) {
            refresh(list, cause);
            return;
        }
        Map<UUID, ListVersioning.Cause> parked = pending.computeIfAbsent(cause.proposalId(), key -> new HashMap<>());
        Map<UUID, ListVersioning.Cause> stored = storedPending.get(cause.proposalId());
        if (stored == null || !stored.containsKey(list.id)) {
            parked.putIfAbsent(list.id, cause);
        }
    }

    private void versionPendingChanges(UUID proposal) {
        Map<UUID, ListVersioning.Cause> all = new HashMap<>();
        Map<UUID, ListVersioning.Cause> stored = storedPending.remove(proposal);
        if (stored != null) {
            all.putAll(stored);
            pendingDone.add(proposal);
        }
        Map<UUID, ListVersioning.Cause> parked = pending.remove(proposal);
        if (parked != null) {
            parked.forEach(all::putIfAbsent);
        }
        all.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<UUID, ListVersioning.Cause> e) ->
                                e.getValue().position())
                        .thenComparing(Map.Entry::getKey, POSTGRES_ORDER))
                .forEach(change -> list(change.getKey()).ifPresent(list -> refresh(list, change.getValue())));
    }

    private void refresh(ListState list, ListVersioning.Cause cause) {
        versioning.refresh(list, resolvedEntries(list), cause, writes);
    }

    /** The list's entries in order, each resolved to the question it shows (the end of its merge chain). */
    private List<ListView.Entry> resolvedEntries(ListState list) {
        List<UUID> entries = list.entriesInOrder();
        List<UUID> unknown =
                entries.stream().filter(id -> !questions.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            loadChains(unknown.toArray(UUID[]::new));
        }
        List<ListView.Entry> resolved = new ArrayList<>(entries.size());
        for (UUID entry : entries) {
            QuestionState shown = question(entry);
            if (shown == MISSING) {
                continue;
            }
            for (int depth = 0;
                    depth < MAX_CHAIN && "MERGED".equals(shown.status()) && shown.mergedInto() != null;
                    depth++) {
                QuestionState next = question(shown.mergedInto());
                if (next == MISSING) {
                    break;
                }
                shown = next;
            }
            resolved.add(new ListView.Entry(
                    entry,
                    list.entries.get(entry),
                    shown.id(),
                    shown.status(),
                    shown.text(),
                    shown.tags(),
                    shown.revision()));
        }
        return resolved;
    }

    private void created(StoredEvent event, CuratedListCreatedEvent e) {
        UUID id = e.listId().value();
        if (list(id).isPresent()) {
            return;
        }
        Timestamp at = Timestamp.from(event.at());
        ListState list = new ListState(
                id,
                true,
                e.name(),
                e.title() == null ? e.name() : e.title(),
                e.description(),
                at,
                0,
                0,
                at,
                new HashMap<>());
        lists.put(id, Optional.of(list));
        versioning.recordVersion(list, 0, ListVersioning.Cause.of(event), View.empty(), View.empty(), writes);
    }

    private Optional<ListState> list(UUID id) {
        Optional<ListState> list = lists.get(id);
        if (list == null) {
            list = load(id);
            lists.put(id, list);
        }
        return list;
    }

    /** A list as the tables hold it: header, entries, and the open rows and aliases of its current version. */
    private Optional<ListState> load(UUID id) {
        Map<UUID, BigDecimal> entries = new HashMap<>();
        jdbc.query(
                "SELECT question_id, sort_key FROM list_entry WHERE list_id = ?",
                rs -> {
                    entries.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                },
                id);
        Optional<ListState> found = jdbc
                .query(
                        """
                SELECT name, title, description, version, size, created_at, updated_at FROM curated_list
                WHERE id = ?""",
                        (rs, n) -> new ListState(
                                id,
                                false,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(6),
                                rs.getInt(4),
                                rs.getInt(5),
                                rs.getTimestamp(7),
                                entries),
                        id)
                .stream()
                .findFirst();
        found.ifPresent(list -> {
            List<ViewRow> rows = new ArrayList<>();
            jdbc.query(
                    """
                    SELECT question_id, sort_key, text, tags, revision, valid_from FROM list_view_row
                    WHERE list_id = ? AND valid_to = ? ORDER BY sort_key""",
                    rs -> {
                        ViewRow row = new ViewRow(
                                rs.getObject(1, UUID.class),
                                rs.getBigDecimal(2),
                                rs.getString(3),
                                ListStore.strings(rs.getArray(4)),
                                rs.getInt(5));
                        rows.add(row);
                        list.openRows.put(row.questionId(), new ListState.OpenRow(row, rs.getInt(6), false));
                    },
                    id,
                    ListStore.OPEN);
            list.rows = List.copyOf(rows);
            jdbc.query(
                    """
                    SELECT source_id, target_id, valid_from FROM list_view_alias
                    WHERE list_id = ? AND valid_to = ? ORDER BY source_id, target_id""",
                    rs -> {
                        View.Alias alias = new View.Alias(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                        list.openAliases.put(alias, new ListState.OpenAlias(alias, rs.getInt(3), false));
                    },
                    id,
                    ListStore.OPEN);
        });
        return found;
    }

    /** The question as it is at this point of the batch. */
    private QuestionState question(UUID id) {
        QuestionState state = questions.get(id);
        if (state == null) {
            loadChains(new UUID[] {id});
            state = questions.get(id);
        }
        return state;
    }

    /** Reads the questions and everything they are merged into (as before the batch), unless already known. */
    private void loadChains(UUID[] ids) {
        jdbc.query(
                """
                WITH RECURSIVE chain (id, depth) AS (
                    SELECT unnest(?::uuid[]), 0
                    UNION
                    SELECT q.merged_into, c.depth + 1 FROM chain c JOIN question q ON q.id = c.id
                    WHERE q.merged_into IS NOT NULL AND c.depth < 33
                )
                SELECT q.id, q.text, q.status, q.revision, q.tags, q.merged_into
                FROM (SELECT DISTINCT id FROM chain) c JOIN question q ON q.id = c.id""",
                rs -> {
                    questions.putIfAbsent(rs.getObject(1, UUID.class), state(rs));
                },
                (Object) ids);
        for (UUID id : ids) {
            questions.putIfAbsent(id, MISSING);
        }
    }

    private static QuestionState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QuestionState(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                ListStore.strings(rs.getArray(5)),
                rs.getObject(6, UUID.class));
    }

    /** Writes what the batch changed, one batched statement per kind; closes before opens (same open marker). */
    private void write() {
        List<Object[]> newLists = new ArrayList<>();
        List<Object[]> headers = new ArrayList<>();
        List<Object[]> entriesGone = new ArrayList<>();
        List<Object[]> entriesNew = new ArrayList<>();
        for (Optional<ListState> found : lists.values()) {
            if (found.isEmpty()) {
                continue;
            }
            ListState list = found.get();
            if (list.created) {
                newLists.add(new Object[] {
                    list.id,
                    list.name,
                    list.title,
                    list.description,
                    list.version,
                    list.size,
                    list.createdAt,
                    list.updatedAt
                });
            } else if (list.headerChanged) {
                headers.add(new Object[] {list.version, list.size, list.updatedAt, list.id});
            }
            list.entriesBefore.forEach((question, key) -> {
                BigDecimal now = list.entries.get(question);
                if (now == null || now.compareTo(key) != 0) {
                    entriesGone.add(new Object[] {list.id, question});
                }
            });
            list.entries.forEach((question, key) -> {
                BigDecimal then = list.entriesBefore.get(question);
                if (then == null || then.compareTo(key) != 0) {
                    entriesNew.add(new Object[] {list.id, question, key});
                }
            });
        }
        batch("""
                INSERT INTO curated_list (id, name, title, description, version, size, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", newLists);
        batch("UPDATE curated_list SET version = ?, size = ?, updated_at = ? WHERE id = ?", headers);
        batch("DELETE FROM list_entry WHERE list_id = ? AND question_id = ?", entriesGone);
        batch("INSERT INTO list_entry (list_id, question_id, sort_key) VALUES (?, ?, ?)", entriesNew);
        writes.write(jdbc);
        batch("""
                INSERT INTO list_release (list_id, label, version, position, at, actor) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (list_id, label) DO NOTHING""", releases);
        batch(
                "DELETE FROM list_pending_change WHERE proposal_id = ?",
                pendingDone.stream().map(proposal -> new Object[] {proposal}).toList());
        List<Object[]> parked = new ArrayList<>();
        pending.forEach((proposal, changes) -> changes.forEach((list, cause) -> parked.add(
                new Object[] {proposal, list, cause.position(), cause.type(), cause.actor(), Timestamp.from(cause.at())
                })));
        batch("""
                INSERT INTO list_pending_change (proposal_id, list_id, position, cause_type, actor, at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", parked);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
