package dev.qcurate.query.curatedlist;

import java.util.List;
import java.util.UUID;

/** A question as a list version shows it. */
public record ListEntryView(UUID questionId, String text, List<String> tags, int revision) {

    public static ListEntryView of(ViewRow row) {
        return new ListEntryView(row.questionId(), row.text(), row.tags(), row.revision());
    }
}
