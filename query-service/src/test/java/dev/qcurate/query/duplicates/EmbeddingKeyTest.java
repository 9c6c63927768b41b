package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EmbeddingKeyTest {

    @Test
    void textsThatDifferOnlyInCaseSpacingAndQuotesShareOneKey() {
        assertThat(EmbeddingKey.normalise("  What are Django’s   advantages?\n"))
                .isEqualTo("what are django's advantages?");
        assertThat(EmbeddingKey.hash("What is the “GIL”?")).isEqualTo(EmbeddingKey.hash("what is the \"GIL\"? "));
    }

    @Test
    void differentTextsHaveDifferentKeys() {
        assertThat(EmbeddingKey.hash("list vs tuple")).isNotEqualTo(EmbeddingKey.hash("list vs set"));
        assertThat(EmbeddingKey.hash("list vs tuple")).hasSize(32);
    }

    @Test
    void vectorsSurviveTheirStoredForm() {
        float[] vector = Vectors.unit(new float[] {3, 4, 0});
        byte[] stored = Vectors.toBytes(vector);
        assertThat(Vectors.fromBytes(stored, 0, stored.length)).containsExactly(0.6f, 0.8f, 0f);
        assertThat(Vectors.cosine(vector, vector)).isCloseTo(1, within(1e-6));
        assertThat(CandidateSearch.bestCosine(List.of(vector), List.of(new float[] {0, 0, 1}, vector)))
                .isCloseTo(1, within(1e-6));
    }
}
