package dev.qcurate.query.curatedlist;

import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch changed, as plain values for {@link ListStore#save}: the lists (whose headers and entries are written
 * as they differ from before the batch) and the rows of the versions it made, in the order they are written — closes
 * before opens, as both use the same open-interval marker.
 */
@RequiredArgsConstructor
final class ListChanges {

    /** An open row of an earlier batch that the version {@code validTo} no longer shows. */
    record RowClosed(UUID listId, UUID questionId, int validTo) {}

    /** A row this batch opened; its {@code validTo} may be set by a later version of the same batch. */
    record RowOpened(UUID listId, ListState.OpenRow open) {}

    /** An alias an earlier batch opened at the version that now drops it again: it never showed. */
    record AliasDropped(UUID listId, View.Alias alias, int validFrom) {}

    record AliasClosed(UUID listId, View.Alias alias, int validTo) {}

    /** An alias this batch opened; not written when {@code open.deleted}. */
    record AliasOpened(UUID listId, ListState.OpenAlias open) {}

    /** A version: its cause, size and summary, also queued for the change feed. */
    record Version(UUID listId, int version, ListCause cause, int size, ListDiff.Summary summary) {}

    record Release(UUID listId, String label, int version, long position, Instant at, String actor) {}

    final Collection<ListState> lists;
    final List<RowClosed> rowsClosed = new ArrayList<>();
    final List<RowOpened> rowsOpened = new ArrayList<>();
    final List<AliasDropped> aliasesDropped = new ArrayList<>();
    final List<AliasClosed> aliasesClosed = new ArrayList<>();
    final List<AliasOpened> aliasesOpened = new ArrayList<>();
    final List<Version> versions = new ArrayList<>();
    final List<Release> releases = new ArrayList<>();
    /** Proposals applied by this batch whose parked changes earlier batches stored. */
    final Set<UUID> pendingDone = new LinkedHashSet<>();
    /** Changes parked by proposal until its ProposalAppliedEvent, to store for a later batch. */
    final Map<UUID, Map<UUID, ListCause>> pending = new LinkedHashMap<>();
}
