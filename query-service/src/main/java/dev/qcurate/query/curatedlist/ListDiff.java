package dev.qcurate.query.curatedlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What changed between two versions of a list. A question that left the view because it now shows as another one
 * (merged, or same text) is reported as merged, not as removed, and its target not as added.
 */
public record ListDiff(
        List<ListEntryView> added, List<ListEntryView> removed, List<Reworded> reworded, List<Merged> merged) {

    public record Reworded(UUID questionId, String before, String after) {}

    public record Merged(UUID sourceId, UUID targetId) {}

    public record Summary(int added, int removed, int reworded, int merged) {}

    public static ListDiff between(View fromView, View toView) {
        List<ViewRow> from = fromView.rows();
        List<ViewRow> to = toView.rows();
        Map<UUID, ViewRow> before = index(from);
        Map<UUID, ViewRow> after = index(to);
        Set<View.Alias> aliasesBefore = new HashSet<>(fromView.aliases());
        List<Merged> merged = new ArrayList<>();
        for (View.Alias alias : toView.aliases()) {
            if (before.containsKey(alias.sourceId())
                    && !after.containsKey(alias.sourceId())
                    && !aliasesBefore.contains(alias)) {
                merged.add(new Merged(alias.sourceId(), alias.targetId()));
            }
        }
        Set<UUID> sources = new HashSet<>();
        Set<UUID> targets = new HashSet<>();
        merged.forEach(pair -> {
            sources.add(pair.sourceId());
            targets.add(pair.targetId());
        });
        List<ListEntryView> added = to.stream()
                .filter(row -> !before.containsKey(row.questionId()) && !targets.contains(row.questionId()))
                .map(ListEntryView::of)
                .toList();
        List<ListEntryView> removed = from.stream()
                .filter(row -> !after.containsKey(row.questionId()) && !sources.contains(row.questionId()))
                .map(ListEntryView::of)
                .toList();
        List<Reworded> reworded = to.stream()
                .filter(row -> before.containsKey(row.questionId())
                        && !before.get(row.questionId()).text().equals(row.text()))
                .map(row -> new Reworded(
                        row.questionId(), before.get(row.questionId()).text(), row.text()))
                .toList();
        return new ListDiff(added, removed, reworded, List.copyOf(merged));
    }

    public Summary summary() {
        return new Summary(added.size(), removed.size(), reworded.size(), merged.size());
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && reworded.isEmpty() && merged.isEmpty();
    }

    private static Map<UUID, ViewRow> index(List<ViewRow> rows) {
        Map<UUID, ViewRow> index = new LinkedHashMap<>();
        rows.forEach(row -> index.put(row.questionId(), row));
        return index;
    }
}
