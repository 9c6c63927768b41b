package dev.qcurate.web.lists;

import java.util.List;
import java.util.UUID;

/** A question as a list version shows it. */
record ListEntry(UUID questionId, String text, List<String> tags, int revision) {

    ListEntry {
        tags = tags == null ? List.of() : tags;
    }
}
