package dev.qcurate.query.curatedlist.read;

import dev.qcurate.query.curatedlist.ListDiff;
import dev.qcurate.query.curatedlist.ListEntryView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers of the list endpoints. */
final class ListVersionView {

    private ListVersionView() {}

    record Summary(
            UUID listId, String name, String title, String description, int version, int size, Instant updatedAt) {}

    /** One version of a list as it was shown; {@code release} is set when it was read by release label. */
    record Content(
            UUID listId,
            String name,
            String title,
            String description,
            int version,
            Instant at,
            String release,
            int size,
            List<ListEntryView> entries) {}

    record Cause(String type, UUID proposalId, String actor, long position) {}

    record VersionItem(
            int version, Instant at, Cause cause, int size, ListDiff.Summary summary, List<String> releases) {}

    record Diff(
            UUID listId,
            int from,
            int to,
            List<ListEntryView> added,
            List<ListEntryView> removed,
            List<ListDiff.Reworded> reworded,
            List<ListDiff.Merged> merged) {}

    record ReleaseItem(String label, int version, long position, Instant at, String actor) {}
}
