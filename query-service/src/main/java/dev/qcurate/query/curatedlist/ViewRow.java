package dev.qcurate.query.curatedlist;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One question as a list shows it; {@code sortKey} is the key of the earliest entry that shows it. */
public record ViewRow(UUID questionId, BigDecimal sortKey, String text, List<String> tags, int revision) {

    public ViewRow {
        sortKey = SortKeys.canonical(sortKey);
        tags = List.copyOf(tags);
    }
}
