package dev.qcurate.web.lists;

import dev.qcurate.web.diff.WordDiff;

import java.util.List;
import java.util.UUID;

/** What changed between two versions of a list, region by region, and the versions to compare next. */
record DiffPage(
        ListContent list,
        int from,
        int to,
        List<VersionOption> fromOptions,
        List<VersionOption> toOptions,
        List<ListEntry> added,
        List<ListEntry> removed,
        List<Reworded> reworded,
        List<Merged> merged) {

    record Reworded(UUID questionId, WordDiff diff) {}

    /** A question that now shows as another one; texts as the two versions show them (null when unknown). */
    record Merged(UUID sourceId, String sourceText, UUID targetId, String targetText) {}
}
