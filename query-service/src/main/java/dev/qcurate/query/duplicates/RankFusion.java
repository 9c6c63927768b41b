package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.CandidateSearch.Ranked;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order candidates are shown in: likely duplicates first (by their score), then the rest by reciprocal-rank
 * fusion of the lexical and the semantic ranking. The flagging score needs a high cosine floor to keep look-alikes
 * out, which would leave the cosine almost no say in the order below the flags; fusing ranks lets each signal
 * bring up what the other misses (a paraphrase with no shared term, a typo the model splits oddly).
 */
final class RankFusion {

    /** The usual constant of reciprocal-rank fusion: the first few ranks of either list weigh alike. */
    static final int K = 10;

    private RankFusion() {}

    static List<Ranked> order(List<Ranked> candidates, HybridScore scoring) {
        if (!scoring.usesVectors()) {
            List<Ranked> ordered = new ArrayList<>(candidates);
            ordered.sort(Comparator.comparingDouble(Ranked::score)
                    .reversed()
                    .thenComparing(Comparator.comparingDouble(Ranked::bm25).reversed()));
            return ordered;
        }
        Map<Ranked, Double> fused = new HashMap<>();
        List<Ranked> byLexical = new ArrayList<>(candidates);
        byLexical.sort(Comparator.comparingDouble(Ranked::lexical)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::bm25).reversed()));
        List<Ranked> byCosine = new ArrayList<>(candidates);
        byCosine.sort(Comparator.comparingDouble(Ranked::cosine).reversed());
        for (int rank = 0; rank < candidates.size(); rank++) {
            fused.merge(byLexical.get(rank), 1.0 / (K + rank + 1), Double::sum);
            fused.merge(byCosine.get(rank), 1.0 / (K + rank + 1), Double::sum);
        }
        List<Ranked> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing((Ranked r) -> !scoring.flags(r.score()))
                .thenComparing(r -> scoring.flags(r.score()) ? -r.score() : 0)
                .thenComparing(r -> -fused.get(r)));
        return ordered;
    }
}
