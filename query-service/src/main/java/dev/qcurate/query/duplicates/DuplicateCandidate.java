package dev.qcurate.query.duplicates;

import java.util.UUID;

/**
 * A question that may say the same as the one being checked.
 *
 * @param score           0 (nothing in common) to 1 (the same meaningful terms); comparable across queries
 * @param likelyDuplicate {@code score >= DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD}
 */
public record DuplicateCandidate(UUID questionId, String text, double score, boolean likelyDuplicate) {}
