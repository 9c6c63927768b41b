package dev.qcurate.query.curatedlist;

import java.util.List;
import java.util.UUID;

/** A question as a list version shows it. */
record ListEntryView(UUID questionId, String text, List<String> tags, int revision) {

    static ListEntryView of(ViewRow row) {
        return new ListEntryView(row.questionId(), row.text(), row.tags(), row.revision());
    }
}
