package dev.qcurate.command.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MojibakeRepairTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("misdecoded")
    void repairs(String how, String broken, String repaired) {
        assertThat(MojibakeRepair.repair(broken)).isEqualTo(repaired);
    }

    static Stream<Arguments> misdecoded() {
        return Stream.of(
                arguments("UTF-8 read as MacRoman", "Here‚Äôs Python‚Äôs GIL", "Here’s Python’s GIL"),
                arguments("UTF-8 read as windows-1252", "Hereâ€™s a cafÃ© â€œquoteâ€\u009D", "Here’s a café “quote”"),
                arguments("emoji read as MacRoman", "### \uF8FFüîπ **Basics**", "### 🔹 **Basics**"),
                arguments("emoji read as MacRoman", "‚öôÔ∏è Intermediate", "⚙️ Intermediate"),
                arguments("emoji read as MacRoman", "‚úÖ Basic", "✅ Basic"),
                // 👍 is F0 9F 91 8D; 0x8D has no windows-1252 character and survives lenient decoding as U+008D
                arguments("a byte windows-1252 leaves undefined", "Good ðŸ‘\u008D", "Good 👍"),
                arguments("text misdecoded twice", "Itâ€™s / ItÃ¢â‚¬â„¢s", "It’s / It’s"),
                arguments(
                        "the broken parts of a line, keeping the clean ones",
                        "Django’s ORM vs Django‚Äôs admin — “naïve” 🔹",
                        "Django’s ORM vs Django’s admin — “naïve” 🔹"));
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
