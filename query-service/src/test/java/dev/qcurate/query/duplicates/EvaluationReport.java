package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.DuplicateEvaluation.Measured;
import dev.qcurate.query.duplicates.DuplicateEvaluation.Result;
import dev.qcurate.query.duplicates.EvaluationSet.Case;
import dev.qcurate.query.duplicates.EvaluationSet.Category;
import dev.qcurate.query.duplicates.ScoreFit.Fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation as Markdown, and its place in docs/duplicates.md (between two markers, the rest left alone). */
final class EvaluationReport {

    static final String START = "<!-- evaluation:start (written by ./qcurate eval-duplicates) -->";
    static final String END = "<!-- evaluation:end -->";

    private EvaluationReport() {}

    static String markdown(Result result) {
        StringBuilder md = new StringBuilder();
        md.append("Produced by `./qcurate eval-duplicates`. Labelled pairs, by category (tuning / test / fresh):\n\n");
        md.append("| category | tuning | test | fresh |\n|---|---:|---:|---:|\n");
        Map<Category, int[]> counts = new EnumMap<>(Category.class);
        List<List<Case>> parts =
                List.of(result.set().tuning(), result.set().test(), result.set().fresh());
        for (int part = 0; part < parts.size(); part++) {
            int column = part;
            parts.get(part).forEach(c -> counts.computeIfAbsent(c.category(), k -> new int[3])[column]++);
        }
        counts.forEach((category, n) -> md.append(
                String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", category.description, n[0], n[1], n[2])));
        md.append(String.format(
                Locale.ROOT,
                "%nQuestions indexed: %d (both seed lists and every labelled text).%n%n",
                result.set().texts().size()));
        Fit hybrid = result.hybridFit();
        Fit lexical = result.lexicalFit();
        md.append(String.format(
                Locale.ROOT,
                "Fitted on the tuning half (best F1 with no hard negative flagged and precision ≥ 0.90): "
                        + "hybrid lexicalWeight %.2f, cosineFloor %.2f, threshold %.2f (tuning F1 %.3f, threshold "
                        + "margin %.2f); lexical only: threshold %.2f (tuning F1 %.3f). Shipped "
                        + "(`HybridScore.SHIPPED`): %.2f / %.2f / %.2f%s.%n%n",
                hybrid.score().lexicalWeight(),
                hybrid.score().cosineFloor(),
                hybrid.score().threshold(),
                hybrid.quality().f1(),
                hybrid.margin(),
                lexical.score().threshold(),
                lexical.quality().f1(),
                HybridScore.SHIPPED.lexicalWeight(),
                HybridScore.SHIPPED.cosineFloor(),
                HybridScore.SHIPPED.threshold(),
                hybrid.score().equals(HybridScore.SHIPPED) ? " — the fitted values" : " — NOT the fitted values"));
        md.append("On the test half (a pair is flagged when either question's candidate list, as the API answers "
                + "it, flags the other; recall@k over both directions of each test duplicate pair):\n\n");
        qualityTable(md, result.measured());
        md.append("\nFlag errors on the test half by category:\n\n| category |");
        result.measured().forEach(m -> md.append(' ').append(m.setting().name()).append(" |"));
        md.append("\n|---|");
        result.measured().forEach(m -> md.append("---:|"));
        md.append('\n');
        for (Category category : Category.values()) {
            md.append("| ").append(category.description).append(" |");
            result.measured()
                    .forEach(m -> md.append(' ')
                            .append(m.missesByCategory().getOrDefault(category, 0))
                            .append(" |"));
            md.append('\n');
        }
        md.append("\nEvery error of the shipped hybrid on the test half:\n\n");
        errors(md, shipped(result.measured()));
        md.append("\nOn the fresh pairs (`fresh-pairs.csv`, written 2026-12-04 after the scorer's last change and "
                + "first measured then; nothing is ever chosen on them), the same settings:\n\n");
        qualityTable(md, result.fresh());
        md.append("\nEvery error of the shipped hybrid on the fresh pairs:\n\n");
        errors(md, shipped(result.fresh()));
        return md.toString();
    }

    private static void qualityTable(StringBuilder md, List<Measured> measured) {
        md.append("| setting | precision | recall | F1 | TP | FP | FN | hard negatives flagged | recall@1 | recall@3 "
                + "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measured m : measured) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %d | %d | %d | %d | %.3f | %.3f |%n",
                    m.setting().name(),
                    m.flags().precision(),
                    m.flags().recall(),
                    m.flags().f1(),
                    m.flags().truePositives(),
                    m.flags().falsePositives(),
                    m.flags().falseNegatives(),
                    m.hardNegativesFlagged(),
                    m.recallAt1(),
                    m.recallAt3()));
        }
    }

    private static Measured shipped(List<Measured> measured) {
        return measured.stream()
                .filter(m -> m.setting().score().equals(HybridScore.SHIPPED))
                .findFirst()
                .orElse(measured.get(measured.size() - 1));
    }

    private static void errors(StringBuilder md, Measured measured) {
        if (measured.errors().isEmpty()) {
            md.append("- none\n");
        }
        measured.errors().forEach(error -> md.append("- ").append(error).append('\n'));
    }

    /** Replaces the part between the markers (or appends it with them). */
    static void writeInto(Path file, String markdown) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "";
        String section = START + "\n" + markdown + END;
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        String updated = start >= 0 && end > start
                ? existing.substring(0, start) + section + existing.substring(end + END.length())
                : existing + (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + section + "\n";
        Files.writeString(file, updated);
    }

    static long count(List<Case> cases, Category category) {
        return cases.stream().filter(c -> c.category() == category).count();
    }
}
