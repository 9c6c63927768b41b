package dev.qcurate.query.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A question as the duplicate index holds it.
 *
 * @param aliases    texts of questions merged into this one; they match as if they were this question
 * @param searchable whether the question may be proposed as a candidate (status ACTIVE or PROPOSED)
 */
public record IndexEntry(UUID questionId, String text, List<String> aliases, boolean searchable) {

    public IndexEntry {
        Objects.requireNonNull(questionId, "questionId");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A question needs a text");
        }
        aliases = aliases == null
                ? List.of()
                : aliases.stream()
                        .filter(Objects::nonNull)
                        .filter(alias -> !alias.isBlank())
                        .toList();
    }

    /** The text, then the aliases: every text that should find this question. */
    List<String> variants() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(text);
        all.addAll(aliases);
        return all;
    }
}
