package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InlineMarkdownTest {

    @Test
    void stripsEmphasisMarkers() {
        assertThat(InlineMarkdown.toPlainText("**bold** and *italic* and __strong words__ and _em words_"))
                .isEqualTo("bold and italic and strong words and em words");
        assertThat(InlineMarkdown.toPlainText("***both*** at once")).isEqualTo("both at once");
    }

    @Test
    void keepsInlineCodeTextWithoutBackticks() {
        assertThat(InlineMarkdown.toPlainText("What is the use of `manage.py`?"))
                .isEqualTo("What is the use of manage.py?");
        assertThat(InlineMarkdown.toPlainText("**Difference between `is` and `==`?**"))
                .isEqualTo("Difference between is and ==?");
        assertThat(InlineMarkdown.toPlainText("Explain `**kwargs` and `_private`"))
                .isEqualTo("Explain **kwargs and _private");
        assertThat(InlineMarkdown.toPlainText("A span with ``a ` tick``")).isEqualTo("A span with a ` tick");
    }

    @Test
    void keepsDunderNames() {
        assertThat(InlineMarkdown.toPlainText("What is __init__ used for?")).isEqualTo("What is __init__ used for?");
        assertThat(InlineMarkdown.toPlainText("**What is the use of `__str__()` and __repr__()?**"))
                .isEqualTo("What is the use of __str__() and __repr__()?");
        assertThat(InlineMarkdown.toPlainText("if __name__ == '__main__':")).isEqualTo("if __name__ == '__main__':");
    }

    @Test
    void keepsSpacedOutUnderscoresAsWritten() {
        String text = "call it from _ _ name _ _ == '_ _ main_ _'?";
        assertThat(InlineMarkdown.toPlainText(text)).isEqualTo(text);
    }

    @Test
    void keepsStarsThatAreNotEmphasis() {
        assertThat(InlineMarkdown.toPlainText("**What are *args and **kwargs in Python?**"))
                .isEqualTo("What are *args and **kwargs in Python?");
        assertThat(InlineMarkdown.toPlainText("What are the *.pyc files ?")).isEqualTo("What are the *.pyc files ?");
        assertThat(InlineMarkdown.toPlainText("Is 2 * 3 * 4 evaluated left to right?"))
                .isEqualTo("Is 2 * 3 * 4 evaluated left to right?");
    }

    @Test
    void keepsIntrawordUnderscoresAndBlanks() {
        assertThat(InlineMarkdown.toPlainText("select_related vs prefetch_related"))
                .isEqualTo("select_related vs prefetch_related");
        assertThat(InlineMarkdown.toPlainText("Python is ____ typed")).isEqualTo("Python is ____ typed");
    }

    @Test
    void doesNotTakeSeparateBoldWordsForAWrapper() {
        assertThat(InlineMarkdown.toPlainText("**What** is the **GIL**")).isEqualTo("What is the GIL");
    }

    @Test
    void honoursBackslashEscapes() {
        assertThat(InlineMarkdown.toPlainText("\\*not italic\\* and 5 \\_ 3")).isEqualTo("*not italic* and 5 _ 3");
    }

    @Test
    void collapsesWhitespace() {
        assertThat(InlineMarkdown.toPlainText("  What\tis \u00A0 Python ?  ")).isEqualTo("What is Python ?");
    }
}
