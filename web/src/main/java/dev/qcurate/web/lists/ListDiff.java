package dev.qcurate.web.lists;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/lists/{id}/diff}: what changed from one version to another. */
record ListDiff(
        int from,
        int to,
        List<ListEntry> added,
        List<ListEntry> removed,
        List<Reworded> reworded,
        List<Merged> merged) {

    record Reworded(UUID questionId, String before, String after) {}

    record Merged(UUID sourceId, UUID targetId) {}

    ListDiff {
        added = added == null ? List.of() : added;
        removed = removed == null ? List.of() : removed;
        reworded = reworded == null ? List.of() : reworded;
        merged = merged == null ? List.of() : merged;
    }
}
