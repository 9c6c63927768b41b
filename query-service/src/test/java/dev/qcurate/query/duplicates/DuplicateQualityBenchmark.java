package dev.qcurate.query.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.qcurate.query.duplicates.LabelledPairs.Label;
import dev.qcurate.query.duplicates.LabelledPairs.Pair;

/**
 * Indexes every seed question and measures the flagging against the labelled pairs: precision, recall and F1 at
 * {@link DuplicateIndex#LIKELY_DUPLICATE_THRESHOLD} (a pair is flagged when either question's candidate list flags
 * the other), recall@3 per direction, and a threshold sweep. Prints the report and writes it to
 * target/duplicates-quality-report.txt; fails only if quality drops below the floor it reached when written.
 */
class DuplicateQualityBenchmark {

    private static final int DEEP = 50;

    private static DuplicateIndex index;
    private static Map<String, UUID> ids;
    private static LabelledPairs labelled;

    @BeforeAll
    static void indexSeeds() {
        index = new DuplicateIndex();
        ids = new HashMap<>();
        for (String question : SeedQuestions.all()) {
            UUID id = UUID.nameUUIDFromBytes(question.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ids.put(question, id);
            index.upsert(id, question, List.of(), true);
        }
        labelled = LabelledPairs.load();
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    @Test
    void reportsPrecisionRecallAndRecallAt3() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Seed questions indexed: %d; labelled pairs: %d duplicate, %d related,"
                        + " %d lookalike%n", index.size(), labelled.withLabel(Label.DUPLICATE).size(),
                labelled.withLabel(Label.RELATED).size(), labelled.withLabel(Label.LOOKALIKE).size()));

        Map<Pair, Double> scores = new HashMap<>();
        for (Pair pair : labelled.pairs()) {
            scores.put(pair, Math.max(score(pair.textA(), pair.textB()), score(pair.textB(), pair.textA())));
        }

        report.append(String.format(Locale.ROOT, "%nthreshold  precision  recall  F1%n"));
        for (int step = 30; step <= 80; step += 5) {
            Quality q = quality(scores, step / 100.0);
            report.append(String.format(Locale.ROOT, "  %.2f      %.3f     %.3f   %.3f%n", step / 100.0,
                    q.precision(), q.recall(), q.f1()));
        }
        Quality atThreshold = quality(scores, DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD);

        int directions = 0;
        int foundInTop3 = 0;
        StringBuilder misses = new StringBuilder();
        for (Pair pair : labelled.withLabel(Label.DUPLICATE)) {
            for (String[] direction : new String[][] {{pair.textA(), pair.textB()}, {pair.textB(), pair.textA()}}) {
                directions++;
                List<DuplicateCandidate> top3 = index.candidatesOf(ids.get(direction[0]), 3);
                if (top3.stream().anyMatch(c -> c.questionId().equals(ids.get(direction[1])))) {
                    foundInTop3++;
                } else {
                    misses.append(String.format(Locale.ROOT, "  %s  ->  %s   (top 3: %s)%n", direction[0],
                            direction[1], top3.stream().map(DuplicateCandidate::text).toList()));
                }
            }
        }
        double recallAt3 = (double) foundInTop3 / directions;

        report.append(String.format(Locale.ROOT, "%nAt the flagging threshold %.2f: precision %.3f, recall %.3f, F1 %.3f"
                        + " (TP %d, FP %d, FN %d)%n", DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD, atThreshold.precision(),
                atThreshold.recall(), atThreshold.f1(), atThreshold.truePositives(), atThreshold.falsePositives(),
                atThreshold.falseNegatives()));
        report.append(String.format(Locale.ROOT, "recall@3: %.3f (%d of %d directed duplicate lookups)%n", recallAt3,
                foundInTop3, directions));
        report.append(String.format(Locale.ROOT, "%nErrors at the threshold:%n"));
        scores.entrySet().stream()
                .filter(e -> (e.getKey().label() == Label.DUPLICATE)
                        != (e.getValue() >= DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD))
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> report.append(String.format(Locale.ROOT, "  %-9s %.3f  %s  |  %s%n",
                        e.getKey().label().name().toLowerCase(Locale.ROOT), e.getValue(), e.getKey().textA(),
                        e.getKey().textB())));
        report.append(String.format(Locale.ROOT, "%nDuplicates not in the top 3:%n")).append(misses);
        report.append(String.format(Locale.ROOT, "%nAll scores:%n"));
        scores.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> report.append(String.format(Locale.ROOT, "  %-9s %.3f  %s  |  %s%n",
                        e.getKey().label().name().toLowerCase(Locale.ROOT), e.getValue(), e.getKey().textA(),
                        e.getKey().textB())));

        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("duplicates-quality-report.txt"), report);
        }

        // Regression floors at what the engine reached when this was written (target was F1 0.85: not met yet).
        assertThat(atThreshold.f1()).as("F1 at the flagging threshold").isGreaterThanOrEqualTo(0.80);
        assertThat(recallAt3).as("recall@3").isGreaterThanOrEqualTo(0.95);
    }

    private static double score(String query, String candidate) {
        UUID queryId = requireSeed(query);
        UUID candidateId = requireSeed(candidate);
        return index.candidatesOf(queryId, DEEP).stream()
                .filter(c -> c.questionId().equals(candidateId))
                .mapToDouble(DuplicateCandidate::score)
                .findFirst()
                .orElse(0);
    }

    private static UUID requireSeed(String text) {
        UUID id = ids.get(text);
        if (id == null) {
            throw new IllegalStateException("Labelled text is not a seed question: " + text);
        }
        return id;
    }

    private static Quality quality(Map<Pair, Double> scores, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<Pair, Double> e : scores.entrySet()) {
            boolean flagged = e.getValue() >= threshold;
            boolean duplicate = e.getKey().label() == Label.DUPLICATE;
            if (flagged && duplicate) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (duplicate) {
                fn++;
            }
        }
        return new Quality(tp, fp, fn);
    }

    private record Quality(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
