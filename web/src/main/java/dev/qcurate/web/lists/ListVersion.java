package dev.qcurate.web.lists;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code GET /api/lists/{id}/versions}: when, why (the event and who caused it) and how big. */
record ListVersion(int version, Instant at, Cause cause, int size, List<String> releases) {

    record Cause(String type, UUID proposalId, String actor) {}

    ListVersion {
        releases = releases == null ? List.of() : releases;
    }
}
