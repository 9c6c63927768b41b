package dev.qcurate.web.lists;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a list ({@code GET /api/lists/{id}}); {@code release} is set when it was read by release label. */
record ListContent(
        UUID listId,
        String name,
        String title,
        String description,
        int version,
        Instant at,
        String release,
        int size,
        List<ListEntry> entries) {

    ListContent {
        entries = entries == null ? List.of() : entries;
    }

    /** The title, or the name for a list created without one. */
    public String heading() {
        return title == null || title.isBlank() ? name : title;
    }
}
