package dev.qcurate.web.duplicates;

import java.util.UUID;

/**
 * A question that may say the same as another text: {@code GET /api/duplicates} and
 * {@code /api/questions/{id}/duplicates}, and a proposal's {@code duplicateCandidates}.
 *
 * @param score           similarity in [0, 1]
 * @param likelyDuplicate the query service's own verdict (score at or above its flagging threshold)
 */
public record DuplicateCandidate(UUID questionId, String text, double score, boolean likelyDuplicate) {

    /** The score as a whole percentage, for people. */
    public int percent() {
        return (int) Math.round(score * 100);
    }
}
