package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.ScoreFit.Features;
import dev.qcurate.query.duplicates.ScoreFit.Fit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreFitTest {

    @Test
    void findsASettingThatSeparatesSeparableDataWithoutFlaggingTheHardNegative() {
        List<Features> pairs = List.of(
                new Features(0.1, 0.95, false, true, false), // paraphrase: only the cosine knows
                new Features(0.9, 0.90, false, true, false),
                new Features(0.8, 0.60, false, true, false), // rewording the model misses
                new Features(0.5, 0.80, false, false, true), // look-alike
                new Features(0.3, 0.50, false, false, false));

        Fit fit = ScoreFit.hybrid(pairs);

        assertThat(fit.quality().f1()).isEqualTo(1.0);
        assertThat(ScoreFit.flagsHardNegative(pairs, fit.score())).isFalse();
    }

    @Test
    void lexicalOnlyCannotFindWhatHasNoSharedTerm() {
        List<Features> pairs = List.of(
                new Features(0.0, 0.95, false, true, false),
                new Features(0.9, 0.90, false, true, false),
                new Features(0.3, 0.80, false, false, true));

        Fit fit = ScoreFit.lexicalOnly(pairs);

        assertThat(fit.score().usesVectors()).isFalse();
        assertThat(fit.quality().recall()).isEqualTo(0.5);
        assertThat(fit.quality().precision()).isEqualTo(1.0);
    }
}
