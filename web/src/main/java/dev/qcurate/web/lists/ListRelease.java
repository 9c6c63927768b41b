package dev.qcurate.web.lists;

import java.time.Instant;

/** A row of {@code GET /api/lists/{id}/releases}: a label naming one version. */
record ListRelease(String label, int version, Instant at, String actor) {}
