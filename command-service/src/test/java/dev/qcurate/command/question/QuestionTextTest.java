package dev.qcurate.command.question;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuestionTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "What\u0000 is it?",
                "What\u0007 is it?",
                "What is\r it?",
                "What\u009B is it?",
                "What is \u202Eti?",
                "What is \u2067it\u2069?"
            })
    void rejectsControlCharactersInText(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuestionText(text))
                .withMessageContaining("control or bidirectional-override characters");
    }

    @Test
    void keepsTabsAndNewlinesInsideAndStripsTheEnds() {
        assertThat(new QuestionText("  What is\n\ta monad?\n").value()).isEqualTo("What is\n\ta monad?");
    }

    @Test
    void rejectsBlankShortAndOverlongText() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuestionText(" \n "))
                .withMessage("question text must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuestionText(" ab "))
                .withMessageContaining("at least 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QuestionText("a".repeat(1_001)))
                .withMessageContaining("at most 1000");
        assertThat(new QuestionText("a".repeat(1_000)).value()).hasSize(1_000);
    }
}
