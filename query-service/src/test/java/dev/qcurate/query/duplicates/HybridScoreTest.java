package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HybridScoreTest {

    private final HybridScore score = new HybridScore(0.5, 0.8, 0.45);

    @Test
    void aCosineBelowTheFloorAddsNothing() {
        assertThat(score.combine(0.6, 0.79)).isCloseTo(0.3, within(1e-9));
        assertThat(score.combine(0.6, -0.2)).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void theCosineAboveTheFloorIsRescaledToZeroToOne() {
        assertThat(score.combine(0, 0.9)).isCloseTo(0.25, within(1e-9));
        assertThat(score.combine(1, 1)).isCloseTo(1, within(1e-9));
    }

    @Test
    void differentSubjectsHalveTheSemanticPart() {
        assertThat(score.combine(0.4, 1, true)).isCloseTo(0.2 + 0.25, within(1e-9));
        assertThat(score.combine(0.4, 1, false)).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void flagsFromTheThresholdOn() {
        assertThat(score.flags(0.45)).isTrue();
        assertThat(score.flags(0.4499)).isFalse();
    }

    @Test
    void lexicalOnlyIgnoresTheCosine() {
        HybridScore lexical = HybridScore.lexicalOnly(0.6);
        assertThat(lexical.combine(0.7, 1)).isCloseTo(0.7, within(1e-9));
        assertThat(lexical.usesVectors()).isFalse();
        assertThat(HybridScore.SHIPPED.usesVectors()).isTrue();
    }

    @Test
    void rejectsWeightsOutsideTheirRange() {
        assertThatThrownBy(() -> new HybridScore(1.5, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridScore(0.5, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
