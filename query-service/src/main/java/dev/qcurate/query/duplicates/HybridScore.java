package dev.qcurate.query.duplicates;

/**
 * The score candidates are ranked and flagged by: the lexical {@link Resemblance} (shared meaningful terms, typos,
 * subjects) blended with the sentence model's cosine. Lexical evidence alone misses paraphrases ("How memory is
 * managed" / "Explain memory management" share few terms after analysis); the cosine alone cannot tell "context
 * processor in Django" from "context managers in Python" (0.78). Below {@code cosineFloor} a cosine adds nothing:
 * unrelated questions of one domain still score 0.5–0.7.
 *
 * @param lexicalWeight share of the lexical score, 0..1; the rest is the rescaled cosine
 * @param cosineFloor   cosine that counts as no semantic evidence at all
 * @param threshold     score from which a candidate is a likely duplicate
 */
public record HybridScore(double lexicalWeight, double cosineFloor, double threshold) {

    /**
     * Fitted on the tuning half of the labelled pairs by {@code ./qcurate eval-duplicates} (grid search for the
     * best F1 that flags no hard negative); the report of that run, on the test half, is docs/duplicates.md.
     */
    public static final HybridScore SHIPPED = new HybridScore(0.45, 0.85, 0.37);

    public HybridScore {
        if (lexicalWeight < 0 || lexicalWeight > 1 || cosineFloor < -1 || cosineFloor >= 1) {
            throw new IllegalArgumentException("lexicalWeight in [0, 1] and cosineFloor in [-1, 1) needed");
        }
    }

    /** The lexical score alone, flagged from {@code threshold}. */
    public static HybridScore lexicalOnly(double threshold) {
        return new HybridScore(1, 0, threshold);
    }

    /** Both inputs as computed for one pair; the result is in [0, 1]. */
    public double combine(double lexical, double cosine) {
        return combine(lexical, cosine, false);
    }

    /**
     * @param subjectsConflict the two name different subjects ("send emails in Django" / "in Flask"): the cosine
     *                         is held down as the lexical score already is ({@link Resemblance#SUBJECT_CONFLICT_FACTOR})
     */
    public double combine(double lexical, double cosine, boolean subjectsConflict) {
        double semantic = Math.max(0, Math.min(1, (cosine - cosineFloor) / (1 - cosineFloor)));
        if (subjectsConflict) {
            semantic *= Resemblance.SUBJECT_CONFLICT_FACTOR;
        }
        return lexicalWeight * lexical + (1 - lexicalWeight) * semantic;
    }

    /** Whether the cosine counts at all; the lexical-only setting leaves the order to the lexical score too. */
    public boolean usesVectors() {
        return lexicalWeight < 1;
    }

    public boolean flags(double score) {
        return score >= threshold;
    }
}
