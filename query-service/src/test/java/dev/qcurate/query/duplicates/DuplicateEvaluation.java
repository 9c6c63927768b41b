package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.EvaluationSet.Case;
import dev.qcurate.query.duplicates.EvaluationSet.Category;
import dev.qcurate.query.duplicates.ScoreFit.Features;
import dev.qcurate.query.duplicates.ScoreFit.Fit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The duplicate evaluation: fits the scores on the tuning half of {@link EvaluationSet}, then measures lexical-only
 * and hybrid scoring on the test half through the index's own lookups, as the API answers them. Every seed question
 * and every labelled text is indexed, so candidates compete with the whole set.
 */
final class DuplicateEvaluation {

    /** Candidates looked at per question, as the review queue and an import keep them. */
    private static final int CANDIDATES = 10;

    private static final int DEEP = 50;

    record Setting(String name, HybridScore score) {}

    /** What one setting gives on the test half. */
    record Measured(
            Setting setting,
            FlagQuality flags,
            double recallAt1,
            double recallAt3,
            int hardNegativesFlagged,
            Map<Category, Integer> missesByCategory,
            List<String> errors) {}

    /** {@code measured}: each setting on the test half; {@code fresh}: the same settings on the fresh pairs. */
    record Result(EvaluationSet set, Fit hybridFit, Fit lexicalFit, List<Measured> measured, List<Measured> fresh) {}

    private final EvaluationSet set = EvaluationSet.load();
    private final TextVectors vectors = new CachedVectors(SentenceModel.shared());
    private final QuestionDocuments documents = new QuestionDocuments(new QuestionAnalyzer());
    private final Map<String, UUID> ids = new HashMap<>();
    private final Map<String, Set<String>> duplicatesOf = new HashMap<>();

    DuplicateEvaluation() {
        set.texts().forEach(text -> ids.put(text, UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8))));
        for (List<Case> half : List.of(set.tuning(), set.test(), set.fresh())) {
            for (Case c : half) {
                if (c.duplicate()) {
                    duplicatesOf
                            .computeIfAbsent(c.pair().textA(), k -> new HashSet<>())
                            .add(c.pair().textB());
                    duplicatesOf
                            .computeIfAbsent(c.pair().textB(), k -> new HashSet<>())
                            .add(c.pair().textA());
                }
            }
        }
    }

    Result run() {
        List<Features> tuning;
        try (DuplicateIndex lexical = index(HybridScore.lexicalOnly(1))) {
            tuning = set.tuning().stream().map(c -> features(lexical, c)).toList();
        }
        dumpFeatures(tuning);
        Fit hybridFit = ScoreFit.hybrid(tuning);
        Fit lexicalFit = ScoreFit.lexicalOnly(tuning);
        Map<String, HybridScore> settings = new LinkedHashMap<>();
        settings.put("lexical only, threshold 0.60 (before this change)", HybridScore.lexicalOnly(0.60));
        settings.put("lexical only, fitted on tuning", lexicalFit.score());
        settings.put("hybrid, fitted on tuning", hybridFit.score());
        if (!hybridFit.score().equals(HybridScore.SHIPPED)) {
            settings.put("hybrid as shipped (HybridScore.SHIPPED)", HybridScore.SHIPPED);
        }
        List<Measured> measured = new ArrayList<>();
        List<Measured> fresh = new ArrayList<>();
        settings.forEach((name, score) -> {
            try (DuplicateIndex index = index(score)) {
                measured.add(measure(index, new Setting(name, score), set.test()));
                fresh.add(measure(index, new Setting(name, score), set.fresh()));
            }
        });
        return new Result(set, hybridFit, lexicalFit, measured, fresh);
    }

    /** The tuning inputs, for looking at the data: target/duplicates-tuning-features.csv. */
    private void dumpFeatures(List<Features> tuning) {
        StringBuilder csv = new StringBuilder("category,lexical,cosine,text_a,text_b\n");
        for (int i = 0; i < tuning.size(); i++) {
            Case c = set.tuning().get(i);
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "%s,%.3f,%.3f,\"%s\",\"%s\"%n",
                    c.category(),
                    tuning.get(i).lexical(),
                    tuning.get(i).cosine(),
                    c.pair().textA().replace("\"", "\"\""),
                    c.pair().textB().replace("\"", "\"\"")));
        }
        try {
            java.nio.file.Path target = java.nio.file.Path.of("target");
            if (java.nio.file.Files.isDirectory(target)) {
                java.nio.file.Files.writeString(target.resolve("duplicates-tuning-features.csv"), csv);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private DuplicateIndex index(HybridScore score) {
        DuplicateIndex index = new DuplicateIndex(vectors, score);
        index.upsertAll(set.texts().stream()
                .map(text -> new IndexEntry(ids.get(text), text, List.of(), true))
                .toList());
        return index;
    }

    private Features features(DuplicateIndex lexical, Case c) {
        double score = Math.max(
                scoreOf(lexical, c.pair().textA(), c.pair().textB()),
                scoreOf(lexical, c.pair().textB(), c.pair().textA()));
        List<float[]> pair =
                vectors.ofIndexed(List.of(c.pair().textA(), c.pair().textB()));
        boolean conflict = Resemblance.subjectsConflict(
                documents.variantsOf(c.pair().textA()),
                documents.variantsOf(c.pair().textB()));
        return new Features(
                score,
                Vectors.cosine(pair.get(0), pair.get(1)),
                conflict,
                c.duplicate(),
                c.category().hardNegative());
    }

    private double scoreOf(DuplicateIndex index, String query, String candidate) {
        UUID candidateId = ids.get(candidate);
        return index.candidatesOf(ids.get(query), DEEP).stream()
                .filter(c -> c.questionId().equals(candidateId))
                .mapToDouble(DuplicateCandidate::score)
                .findFirst()
                .orElse(0);
    }

    private Measured measure(DuplicateIndex index, Setting setting, List<Case> cases) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int hardNegatives = 0;
        Map<Category, Integer> misses = new EnumMap<>(Category.class);
        List<String> errors = new ArrayList<>();
        for (Case c : cases) {
            boolean flagged = flags(index, c.pair().textA(), c.pair().textB())
                    || flags(index, c.pair().textB(), c.pair().textA());
            if (flagged == c.duplicate()) {
                if (flagged) {
                    tp++;
                }
                continue;
            }
            if (flagged) {
                fp++;
                hardNegatives += c.category().hardNegative() ? 1 : 0;
            } else {
                fn++;
            }
            misses.merge(c.category(), 1, Integer::sum);
            errors.add(String.format(
                    java.util.Locale.ROOT,
                    "%s — %s: “%s” / “%s”",
                    flagged ? "flagged, not a duplicate" : "duplicate not flagged",
                    c.category().description,
                    c.pair().textA(),
                    c.pair().textB()));
        }
        int directions = 0;
        int at1 = 0;
        int at3 = 0;
        for (Case c : cases) {
            if (!c.duplicate()) {
                continue;
            }
            for (String[] direction : new String[][] {
                {c.pair().textA(), c.pair().textB()},
                {c.pair().textB(), c.pair().textA()}
            }) {
                directions++;
                List<DuplicateCandidate> top = index.candidatesOf(ids.get(direction[0]), 3);
                at1 += found(top, 1, direction[0], direction[1]) ? 1 : 0;
                if (found(top, 3, direction[0], direction[1])) {
                    at3++;
                } else {
                    errors.add(String.format(
                            java.util.Locale.ROOT,
                            "not in the top 3 — %s: “%s” → “%s” (top 3: %s)",
                            c.category().description,
                            direction[0],
                            direction[1],
                            top.stream().map(DuplicateCandidate::text).toList()));
                }
            }
        }
        return new Measured(
                setting,
                new FlagQuality(tp, fp, fn),
                (double) at1 / directions,
                (double) at3 / directions,
                hardNegatives,
                misses,
                errors);
    }

    private boolean flags(DuplicateIndex index, String query, String candidate) {
        UUID candidateId = ids.get(candidate);
        return index.candidatesOf(ids.get(query), CANDIDATES).stream()
                .anyMatch(c -> c.questionId().equals(candidateId) && c.likelyDuplicate());
    }

    /**
     * The partner is among the first {@code k} candidates — or those {@code k} are all labelled duplicates of the
     * query, so nothing better could have been shown (a question with several duplicates).
     */
    private boolean found(List<DuplicateCandidate> top, int k, String query, String partner) {
        List<DuplicateCandidate> first = top.subList(0, Math.min(k, top.size()));
        UUID partnerId = ids.get(partner);
        if (first.stream().anyMatch(c -> c.questionId().equals(partnerId))) {
            return true;
        }
        Set<String> known = duplicatesOf.getOrDefault(query, Set.of());
        return first.size() == k && first.stream().allMatch(c -> known.contains(c.text()));
    }
}
