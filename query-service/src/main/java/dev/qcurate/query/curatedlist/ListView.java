package dev.qcurate.query.curatedlist;

import dev.qcurate.shared.question.QuestionStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a list shows, computed from its entries: ACTIVE questions only, each once, a merged entry as the question it
 * was merged into, and questions with the same normalised text once. The first entry (in list order) wins the place.
 */
final class ListView {

    /**
     * An entry of the list with the question it stands for now: {@code shownId} is the entry itself, or the end of
     * its merge chain; status, text, tags and revision are that question's.
     */
    record Entry(
            UUID entryId,
            BigDecimal sortKey,
            UUID shownId,
            QuestionStatus status,
            String text,
            List<String> tags,
            int revision) {}

    private ListView() {}

    /** @param entries in list order */
    static View of(List<Entry> entries) {
        Map<UUID, Building> byQuestion = new LinkedHashMap<>();
        Map<String, Building> byText = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.status() != QuestionStatus.ACTIVE) {
                continue;
            }
            Building row = byQuestion.get(entry.shownId());
            String key = row == null ? TextKey.of(entry.text()) : null; // NFKC + regexes: the projection's hot spot
            if (row == null) {
                row = byText.get(key);
            }
            if (row == null) {
                row = new Building(entry);
                byQuestion.put(entry.shownId(), row);
                byText.put(key, row);
            } else {
                byQuestion.putIfAbsent(entry.shownId(), row);
            }
            if (!entry.entryId().equals(row.first.shownId())) {
                row.absorbed.add(entry.entryId());
            }
        }
        List<Building> rows = byQuestion.values().stream().distinct().toList();
        return new View(
                rows.stream().map(Building::row).toList(),
                rows.stream()
                        .flatMap(
                                row -> row.absorbed.stream().map(source -> new View.Alias(source, row.first.shownId())))
                        .toList());
    }

    private static final class Building {
        final Entry first;
        final List<UUID> absorbed = new ArrayList<>();

        Building(Entry first) {
            this.first = first;
        }

        ViewRow row() {
            return new ViewRow(first.shownId(), first.sortKey(), first.text(), first.tags(), first.revision());
        }
    }
}
