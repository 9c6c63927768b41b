/** Curated lists: the versioned, deduplicated view with time travel, diffs, releases, exports and a change feed. */
package dev.qcurate.query.curatedlist;
