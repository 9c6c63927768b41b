package dev.qcurate.query.duplicates;

import java.util.List;

/**
 * Chooses a {@link HybridScore} on labelled pairs by grid search: the F1 of the flag is maximised among the
 * settings that flag no hard negative and reach {@value #MIN_PRECISION} precision; of equally good settings the one whose threshold can move furthest without
 * changing a flag wins, and its threshold is put in the middle of that range.
 */
final class ScoreFit {

    /** One labelled pair's inputs to the score. */
    record Features(double lexical, double cosine, boolean subjectsConflict, boolean duplicate, boolean hardNegative) {}

    record Fit(HybridScore score, FlagQuality quality, double margin) {}

    /** A flag that is wrong more than one time in ten is not worth an editor's attention (issue 15). */
    static final double MIN_PRECISION = 0.90;

    private ScoreFit() {}

    static Fit hybrid(List<Features> pairs) {
        Fit best = null;
        for (int w = 0; w <= 20; w++) {
            for (int floor = 30; floor <= 90; floor += 5) {
                Fit fit = bestThreshold(pairs, w / 20.0, floor / 100.0);
                best = better(best, fit);
            }
        }
        return best;
    }

    static Fit lexicalOnly(List<Features> pairs) {
        return bestThreshold(pairs, 1, 0);
    }

    private static Fit bestThreshold(List<Features> pairs, double weight, double floor) {
        int runStart = -1;
        double bestF1 = -1;
        int bestFrom = 0;
        int bestTo = 0;
        for (int t = 20; t <= 95; t++) {
            HybridScore score = new HybridScore(weight, floor, t / 100.0);
            FlagQuality quality = quality(pairs, score);
            boolean allowed = !flagsHardNegative(pairs, score) && quality.precision() >= MIN_PRECISION;
            double f1 = allowed ? quality.f1() : -1;
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestFrom = t;
                bestTo = t;
                runStart = t;
            } else if (Math.abs(f1 - bestF1) < 1e-9 && runStart >= 0 && bestTo == t - 1) {
                bestTo = t;
            }
        }
        if (bestF1 < 0) {
            return new Fit(new HybridScore(weight, floor, 0.95), new FlagQuality(0, 0, 0), -1);
        }
        HybridScore chosen = new HybridScore(weight, floor, Math.round((bestFrom + bestTo) / 2.0) / 100.0);
        return new Fit(chosen, quality(pairs, chosen), (bestTo - bestFrom) / 100.0);
    }

    private static Fit better(Fit a, Fit b) {
        if (a == null) {
            return b;
        }
        if (b.quality().f1() > a.quality().f1() + 1e-9) {
            return b;
        }
        if (Math.abs(b.quality().f1() - a.quality().f1()) < 1e-9 && b.margin() > a.margin()) {
            return b;
        }
        return a;
    }

    static FlagQuality quality(List<Features> pairs, HybridScore score) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Features pair : pairs) {
            boolean flagged = score.flags(score.combine(pair.lexical(), pair.cosine(), pair.subjectsConflict()));
            if (flagged && pair.duplicate()) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (pair.duplicate()) {
                fn++;
            }
        }
        return new FlagQuality(tp, fp, fn);
    }

    static boolean flagsHardNegative(List<Features> pairs, HybridScore score) {
        return pairs.stream()
                .anyMatch(pair -> pair.hardNegative()
                        && score.flags(score.combine(pair.lexical(), pair.cosine(), pair.subjectsConflict())));
    }
}
