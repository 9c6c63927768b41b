package dev.qcurate.query.curatedlist;

import java.util.List;
import java.util.UUID;

/**
 * A list's deduplicated view: the rows in list order, and the aliases — entries shown as another question (merged
 * into it, or with the same normalised text), which only diffs need.
 */
public record View(List<ViewRow> rows, List<Alias> aliases) {

    public record Alias(UUID sourceId, UUID targetId) {}

    public View {
        rows = List.copyOf(rows);
        aliases = List.copyOf(aliases);
    }

    static View empty() {
        return new View(List.of(), List.of());
    }
}
