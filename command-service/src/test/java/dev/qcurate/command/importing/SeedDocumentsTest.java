package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The two real documents the importer was written against; counts verified by reading them line by line. */
class SeedDocumentsTest {

    private final MarkdownQuestionParser parser = new MarkdownQuestionParser();

    @Test
    void plainListYields98QuestionsAndRejectsTheTwoPlaceholders() throws IOException {
        ParsedDocument document = parser.parse(seed("000_0f91697fe15f572d.txt"));

        assertThat(document.items()).hasSize(98);
        assertThat(document.items())
                .extracting("number")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 98).boxed().toList());
        assertThat(document.items())
                .extracting("line")
                .containsExactlyElementsOf(IntStream.rangeClosed(3, 100).boxed().toList());
        assertThat(document.rejected())
                .containsExactly(
                        new ParsedDocument.Rejection(101, "99. x", "placeholder text"),
                        new ParsedDocument.Rejection(102, "100. x", "placeholder text"));
    }

    @Test
    void plainListTagsEveryQuestionFromItsTitle() throws IOException {
        ParsedDocument document = parser.parse(seed("000_0f91697fe15f572d.txt"));

        assertThat(document.items()).allSatisfy(item -> assertThat(item.tags()).containsExactly("python-django"));
    }

    @Test
    void plainListKeepsTextVerbatim() throws IOException {
        ParsedDocument document = parser.parse(seed("000_0f91697fe15f572d.txt"));

        assertThat(document.items())
                .extracting("line", "text")
                .contains(
                        tuple(3, "What is Python ?"),
                        tuple(37, "What is context processor in python ?"),
                        tuple(38, "What is select_related vs prefetch_related in django ?"),
                        tuple(
                                45,
                                "How do you write a scipt and call a function from that script _ _ name _ _ == '_ _ main_ _'?"),
                        tuple(54, "What are the *.pyc files ?"),
                        tuple(60, "Wha is differnce between == and is ?"),
                        tuple(100, "How memory is managed in python ?"));
    }

    @Test
    void chatAnswerYields74QuestionsAndNoRejections() throws IOException {
        ParsedDocument document = parser.parse(seed("004_111ccd207ca0913c.txt"));

        assertThat(document.items()).hasSize(74);
        assertThat(document.rejected()).isEmpty();
        List<Integer> python =
                IntStream.rangeClosed(1, 30).filter(n -> n != 5).boxed().toList();
        List<Integer> django = IntStream.rangeClosed(1, 45).boxed().toList();
        assertThat(document.items().subList(0, 29)).extracting("number").containsExactlyElementsOf(python);
        assertThat(document.items().subList(29, 74)).extracting("number").containsExactlyElementsOf(django);
        assertThat(document.items().get(0).line()).isEqualTo(9);
        assertThat(document.items().get(29).line()).isEqualTo(68);
        assertThat(document.items().get(73).line()).isEqualTo(137);
    }

    @Test
    void chatAnswerRepairsApostrophesAndDropsMarkup() throws IOException {
        ParsedDocument document = parser.parse(seed("004_111ccd207ca0913c.txt"));

        assertThat(document.items())
                .extracting("text")
                .allSatisfy(text -> assertThat((String) text)
                        .doesNotContain("‚Äô", "Ä", "\uF8FF", "`")
                        .doesNotStartWith("**")
                        .doesNotEndWith("**"));
        assertThat(document.items())
                .filteredOn(item -> item.text().contains("’"))
                .extracting("line")
                .containsExactly(11, 12, 18, 55, 69, 83, 99, 137);
        assertThat(document.items())
                .extracting("line", "text")
                .contains(
                        tuple(9, "What are Python's key features?"),
                        tuple(11, "Explain Python’s memory management."),
                        tuple(14, "What is the difference between is and ==?"),
                        tuple(15, "How does Python handle variable scope? (LEGB Rule)"),
                        tuple(17, "What are *args and **kwargs in Python?"),
                        tuple(29, "What are @staticmethod, @classmethod, and @property?"),
                        tuple(55, "What’s the difference between threading and multiprocessing in Python?"),
                        tuple(87, "What is the difference between null=True and blank=True in Django models?"),
                        tuple(121, "What are select_related and prefetch_related?"),
                        tuple(123, "What is the use of __str__() in Django models?"),
                        tuple(137, "Send a password reset email using Django’s built-in tools."));
    }

    @Test
    void chatAnswerIgnoresPreamblesAndClosingOffer() throws IOException {
        ParsedDocument document = parser.parse(seed("004_111ccd207ca0913c.txt"));

        assertThat(document.items())
                .extracting("text")
                .noneSatisfy(text -> assertThat((String) text)
                        .containsAnyOf(
                                "Here",
                                "These",
                                "Often tested",
                                "PDF",
                                "cheat sheet",
                                "Let me know",
                                "Would you like"));
    }

    @Test
    void chatAnswerTagsQuestionsFromEmojiHeadings() throws IOException {
        ParsedDocument document = parser.parse(seed("004_111ccd207ca0913c.txt"));

        assertThat(document.items())
                .extracting("line", "tags")
                .contains(
                        tuple(9, List.of("basic", "python")),
                        tuple(26, List.of("oop", "python")),
                        tuple(36, List.of("intermediate", "advanced", "python")),
                        tuple(51, List.of("libraries", "tools")),
                        tuple(68, List.of("basic", "django")),
                        tuple(83, List.of("intermediate", "django")),
                        tuple(98, List.of("django-security", "auth")),
                        tuple(108, List.of("django-admin", "rest-framework")),
                        tuple(118, List.of("advanced", "django")),
                        tuple(133, List.of("coding-tasks", "django")));
        assertThat(document.items())
                .flatExtracting("tags")
                .allSatisfy(tag -> assertThat((String) tag).matches("[a-z-]+"));
    }

    private String seed(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/seeds/" + name)) {
            assertThat(in).as("test resource /seeds/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
