package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeRepairTest {

    @Test
    void repairsUtf8ReadAsMacRoman() {
        assertThat(MojibakeRepair.repair("Here‚Äôs Python‚Äôs GIL")).isEqualTo("Here’s Python’s GIL");
    }

    @Test
    void repairsUtf8ReadAsWindows1252() {
        assertThat(MojibakeRepair.repair("Hereâ€™s a cafÃ© â€œquoteâ€\u009D")).isEqualTo("Here’s a café “quote”");
    }

    @Test
    void repairsEmojiReadAsMacRoman() {
        assertThat(MojibakeRepair.repair("### \uF8FFüîπ **Basics**")).isEqualTo("### 🔹 **Basics**");
        assertThat(MojibakeRepair.repair("‚öôÔ∏è Intermediate")).isEqualTo("⚙️ Intermediate");
        assertThat(MojibakeRepair.repair("‚úÖ Basic")).isEqualTo("✅ Basic");
    }

    @Test
    void repairsSequencesWithBytesWindows1252LeavesUndefined() {
        // 👍 is F0 9F 91 8D; 0x8D has no windows-1252 character and survives lenient decoding as U+008D
        assertThat(MojibakeRepair.repair("Good ðŸ‘\u008D")).isEqualTo("Good 👍");
    }

    @Test
    void repairsTextMisdecodedTwice() {
        assertThat(MojibakeRepair.repair("Itâ€™s / ItÃ¢â‚¬â„¢s")).isEqualTo("It’s / It’s");
    }

    @Test
    void repairsBrokenPartsOfALineAndKeepsTheCleanOnes() {
        assertThat(MojibakeRepair.repair("Django’s ORM vs Django‚Äôs admin — “naïve” 🔹"))
                .isEqualTo("Django’s ORM vs Django’s admin — “naïve” 🔹");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain ASCII, nothing to do",
                "café, naïve, façade, Ærø, Straße, 1 € or 2 £, 20 °C, ± ≤ ≥",
                "“smart quotes”, ‘single’, it’s, — and – dashes, … ellipsis",
                "emoji 🔹 ✅ ⚙️ 🚀 👍🏽 👨‍👩‍👧",
                "“élan”, «Émile», ’é: accents right after punctuation",
                "Ωmega, π, ∑, √2, ƒ(x)",
                "你好, Привет, Ελληνικά, עברית"
            })
    void leavesCorrectTextUntouched(String text) {
        assertThat(MojibakeRepair.repair(text)).isEqualTo(text);
    }
}
