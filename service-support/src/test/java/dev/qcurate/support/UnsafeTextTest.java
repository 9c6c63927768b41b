package dev.qcurate.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnsafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"What is a list?", "tab\tline\nreturn\r", "naïve café — ok", "emoji 🐍 pair", ""})
    void ordinaryTextIsFine(String text) {
        assertThat(UnsafeText.problem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "escape\u001b[31m", "delete\u007f", "c1\u0085", "c1\u009f"})
    void controlCharactersAreNamed(String text) {
        assertThat(UnsafeText.problem(text)).startsWith("contains a control character (U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Aembed", "over\u202Eride", "iso\u2066late", "pop\u2069"})
    void bidirectionalOverridesAreRefused(String text) {
        assertThat(UnsafeText.problem(text)).startsWith("contains a bidirectional override character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "end \uD83D", "\uDC0D start", "\uDC0D\uD83D"})
    void unpairedSurrogatesAreRefused(String text) {
        assertThat(UnsafeText.problem(text)).isEqualTo("contains an unpaired surrogate");
    }

    @Test
    void theCodePointIsNamedInHex() {
        assertThat(UnsafeText.problem("a\u0001b")).isEqualTo("contains a control character (U+0001)");
        assertThat(UnsafeText.problem("\u202E")).isEqualTo("contains a bidirectional override character (U+202E)");
    }
}
