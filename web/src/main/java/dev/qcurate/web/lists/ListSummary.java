package dev.qcurate.web.lists;

import java.util.UUID;

/** A row of {@code GET /api/lists}. */
record ListSummary(UUID listId, String name, String title, String description, int version, int size) {}
