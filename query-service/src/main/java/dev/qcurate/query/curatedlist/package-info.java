/** Curated lists: the projection of their versioned, deduplicated view, its store and the change feed. */
package dev.qcurate.query.curatedlist;
