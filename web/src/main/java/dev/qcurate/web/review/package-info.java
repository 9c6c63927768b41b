/** The review queue: pending proposals with their diffs and duplicates, approved, rejected or skipped one by one or in bulk. */
package dev.qcurate.web.review;
