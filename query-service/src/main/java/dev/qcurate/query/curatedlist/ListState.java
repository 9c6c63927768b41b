package dev.qcurate.query.curatedlist;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One list during a projection batch: its header, entries and current view as the tables held them before the batch,
 * changed in memory by the batch's events; {@link ListStore#save} writes the difference when the batch ends.
 */
final class ListState {

    /** The {@code valid_to} of an interval that is still open (the row is in the current version). */
    static final int OPEN = Integer.MAX_VALUE;

    final UUID id;
    /** Created by this batch (inserted, not updated, at the end). */
    final boolean created;

    final String name;
    final String title;
    final String description;
    final Instant createdAt;
    int version;
    int size;
    Instant updatedAt;
    boolean headerChanged;

    /** Entry keys in list order, and each entry's key. */
    final List<BigDecimal> keys = new ArrayList<>();

    final Map<UUID, BigDecimal> entries = new HashMap<>();
    /** The entries before the batch, to write only what changed. */
    final Map<UUID, BigDecimal> entriesBefore;

    /** The view at the current version: rows in list order, with their open interval rows and aliases. */
    List<ViewRow> rows = List.of();

    final Map<UUID, OpenRow> openRows = new HashMap<>();
    final Map<View.Alias, OpenAlias> openAliases = new LinkedHashMap<>();

    /** An open row of {@code list_view_row}: from an earlier batch ({@code fresh} false), or written by this one. */
    static final class OpenRow {
        final ViewRow row;
        final int validFrom;
        final boolean fresh;
        int validTo = OPEN;

        OpenRow(ViewRow row, int validFrom, boolean fresh) {
            this.row = row;
            this.validFrom = validFrom;
            this.fresh = fresh;
        }
    }

    /** An open row of {@code list_view_alias}, as {@link OpenRow}; a fresh one may be dropped again. */
    static final class OpenAlias {
        final View.Alias alias;
        final int validFrom;
        final boolean fresh;
        int validTo = OPEN;
        boolean deleted;

        OpenAlias(View.Alias alias, int validFrom, boolean fresh) {
            this.alias = alias;
            this.validFrom = validFrom;
            this.fresh = fresh;
        }
    }

    ListState(
            UUID id,
            boolean created,
            String name,
            String title,
            String description,
            Instant createdAt,
            int version,
            int size,
            Instant updatedAt,
            Map<UUID, BigDecimal> entriesBefore) {
        this.id = id;
        this.created = created;
        this.name = name;
        this.title = title;
        this.description = description;
        this.createdAt = createdAt;
        this.version = version;
        this.size = size;
        this.updatedAt = updatedAt;
        this.entriesBefore = entriesBefore;
        entriesBefore.forEach(this::putEntry);
    }

    View view() {
        return new View(rows, new ArrayList<>(openAliases.keySet()));
    }

    /** The key for an entry inserted at {@code index} (0-based) of the current entries. */
    BigDecimal sortKeyAt(int index) {
        if (index <= 0) {
            return SortKeys.between(null, keys.isEmpty() ? null : keys.get(0));
        }
        if (index - 1 >= keys.size()) {
            return SortKeys.between(keys.isEmpty() ? null : keys.get(keys.size() - 1), null);
        }
        return SortKeys.between(keys.get(index - 1), index < keys.size() ? keys.get(index) : null);
    }

    /** Adds an entry unless the question is in the list already. */
    void insertEntry(UUID question, int index) {
        BigDecimal key = sortKeyAt(index);
        if (!entries.containsKey(question)) {
            putEntry(question, key);
        }
    }

    void removeEntry(UUID question) {
        BigDecimal key = entries.remove(question);
        if (key != null) {
            keys.remove(Collections.binarySearch(keys, key));
        }
    }

    /** The entries' questions in list order. */
    List<UUID> entriesInOrder() {
        Map<BigDecimal, UUID> byKey = new HashMap<>();
        entries.forEach((question, key) -> byKey.put(key, question));
        return keys.stream().map(byKey::get).toList();
    }

    private void putEntry(UUID question, BigDecimal key) {
        BigDecimal canonical = SortKeys.canonical(key);
        entries.put(question, canonical);
        int at = Collections.binarySearch(keys, canonical);
        keys.add(at < 0 ? -at - 1 : at, canonical);
    }
}
