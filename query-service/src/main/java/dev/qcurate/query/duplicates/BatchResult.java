package dev.qcurate.query.duplicates;

import java.util.List;
import java.util.UUID;

/** The candidates of one batch item, drawn from the index and from the items before it in the same batch. */
public record BatchResult(UUID questionId, String text, List<DuplicateCandidate> candidates) {

    public BatchResult {
        candidates = List.copyOf(candidates);
    }
}
