package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.LabelledPairs.Pair;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled pairs of the evaluation — those over the seed lists and those written for it — each with its
 * category, split into a tuning half and a test half: within each category, pairs ordered by a hash of their texts
 * go alternately to tuning and test. The split is fixed by the data, not by a random seed. The fresh pairs
 * ({@link LabelledPairs#fresh()}) are a third part, kept out of both: measured, never fitted on.
 */
record EvaluationSet(List<Case> tuning, List<Case> test, List<Case> fresh, Set<String> texts) {

    enum Category {
        SAME_DOCUMENT("duplicate, within one seed list", true),
        CROSS_DOCUMENT("duplicate, across the seed lists", true),
        PARAPHRASE("duplicate, written paraphrase", true),
        RELATED_SEED("related, seed pair", false),
        RELATED_DISTINCT("related but distinct, written", false),
        HARD_NEGATIVE_SEED("hard negative (look-alike), seed pair", false),
        HARD_NEGATIVE_WRITTEN("hard negative (look-alike), written", false);

        final String description;
        final boolean duplicate;

        Category(String description, boolean duplicate) {
            this.description = description;
            this.duplicate = duplicate;
        }

        boolean hardNegative() {
            return this == HARD_NEGATIVE_SEED || this == HARD_NEGATIVE_WRITTEN;
        }
    }

    record Case(Pair pair, Category category) {

        boolean duplicate() {
            return category.duplicate;
        }
    }

    static EvaluationSet load() {
        Map<String, String> seedFile = new HashMap<>();
        for (String file : SeedQuestions.FILES) {
            SeedQuestions.of(file).forEach(question -> seedFile.putIfAbsent(question, file));
        }
        List<Case> cases = new ArrayList<>();
        for (Pair pair : LabelledPairs.load().pairs()) {
            cases.add(new Case(pair, seedCategory(pair, seedFile)));
        }
        for (Pair pair : LabelledPairs.written().pairs()) {
            cases.add(new Case(pair, writtenCategory(pair, seedFile)));
        }
        List<Case> fresh = LabelledPairs.fresh().pairs().stream()
                .map(pair -> new Case(pair, writtenCategory(pair, seedFile)))
                .toList();
        Map<Category, List<Case>> byCategory = new LinkedHashMap<>();
        cases.forEach(c ->
                byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        List<Case> tuning = new ArrayList<>();
        List<Case> test = new ArrayList<>();
        byCategory.values().forEach(group -> {
            group.sort(Comparator.comparingInt(EvaluationSet::hash));
            for (int i = 0; i < group.size(); i++) {
                (i % 2 == 0 ? tuning : test).add(group.get(i));
            }
        });
        Set<String> texts = new LinkedHashSet<>(SeedQuestions.all());
        for (List<Case> part : List.of(cases, fresh)) {
            part.forEach(c -> {
                texts.add(c.pair().textA());
                texts.add(c.pair().textB());
            });
        }
        return new EvaluationSet(List.copyOf(tuning), List.copyOf(test), fresh, texts);
    }

    private static Category writtenCategory(Pair pair, Map<String, String> seedFile) {
        return switch (pair.label()) {
            case DUPLICATE ->
                seedFile.containsKey(pair.textA()) && seedFile.containsKey(pair.textB())
                        ? seedCategory(pair, seedFile)
                        : Category.PARAPHRASE;
            case RELATED -> Category.RELATED_DISTINCT;
            case LOOKALIKE -> Category.HARD_NEGATIVE_WRITTEN;
        };
    }

    private static Category seedCategory(Pair pair, Map<String, String> seedFile) {
        String fileA = seedFile.get(pair.textA());
        String fileB = seedFile.get(pair.textB());
        if (fileA == null || fileB == null) {
            throw new IllegalStateException("A seed pair names a text that is not a seed question: " + pair);
        }
        return switch (pair.label()) {
            case DUPLICATE -> fileA.equals(fileB) ? Category.SAME_DOCUMENT : Category.CROSS_DOCUMENT;
            case RELATED -> Category.RELATED_SEED;
            case LOOKALIKE -> Category.HARD_NEGATIVE_SEED;
        };
    }

    /** Stable across runs and JVMs (String.hashCode is specified), independent of the order of the two texts. */
    private static int hash(Case c) {
        String a = c.pair().textA();
        String b = c.pair().textB();
        String key = a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
        int h = 0;
        for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + x;
        }
        return h * 0x9E3779B9;
    }
}
