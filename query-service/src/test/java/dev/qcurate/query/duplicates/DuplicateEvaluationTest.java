package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.DuplicateEvaluation.Result;
import dev.qcurate.query.duplicates.EvaluationSet.Category;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the duplicate evaluation (see {@link DuplicateEvaluation}); with {@code -Dqcurate.eval.report=FILE} it writes
 * the report into that file, which is how {@code ./qcurate eval-duplicates} updates docs/duplicates.md. Asserts only
 * what must hold whatever the figures: both halves hold every category, the thresholds come from the tuning half
 * alone (the fresh pairs are only measured) and are the ones shipped, so the shipped scoring flags no hard negative of the tuning half.
 */
class DuplicateEvaluationTest {

    @Test
    void evaluatesOnTheTestHalfWithScoresFittedOnTheTuningHalf() throws IOException {
        Result result = new DuplicateEvaluation().run();
        String markdown = EvaluationReport.markdown(result);
        System.out.println(markdown);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("duplicates-evaluation.md"), markdown);
        }
        String report = System.getProperty("qcurate.eval.report");
        if (report != null && !report.isBlank()) {
            EvaluationReport.writeInto(Path.of(report), markdown);
        }

        for (Category category : Category.values()) {
            assertThat(EvaluationReport.count(result.set().tuning(), category))
                    .as("tuning " + category)
                    .isPositive();
            assertThat(EvaluationReport.count(result.set().test(), category))
                    .as("test " + category)
                    .isPositive();
        }
        assertThat(result.set().tuning())
                .doesNotContainAnyElementsOf(result.set().test());
        assertThat(result.set().fresh())
                .as("the fresh pairs are a third part, never fitted on")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(result.set().tuning())
                .doesNotContainAnyElementsOf(result.set().test());
        assertThat(result.fresh()).hasSameSizeAs(result.measured());
        assertThat(result.hybridFit().score())
                .as("HybridScore.SHIPPED is what the tuning half gives")
                .isEqualTo(HybridScore.SHIPPED);
        assertThat(result.measured()).extracting(m -> m.setting().score()).contains(HybridScore.SHIPPED);
    }
}
