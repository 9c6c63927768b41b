package dev.qcurate.query.duplicates;

import java.util.Objects;
import java.util.UUID;

/** One question of an import batch, checked before it is proposed. */
public record BatchItem(UUID questionId, String text) {

    public BatchItem {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(text, "text");
    }
}
