package dev.qcurate.command.importing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MarkdownQuestionParserTest {

    private final MarkdownQuestionParser parser = new MarkdownQuestionParser();

    @Test
    void readsDotAndParenthesisNumberingWithOneBasedLines() {
        ParsedDocument document = parser.parse("Intro line\n\n1. What is Python?\r\n2) What is PEP 8?\n");

        assertThat(document.items())
                .extracting("line", "number", "text")
                .containsExactly(tuple(3, 1, "What is Python?"), tuple(4, 2, "What is PEP 8?"));
        assertThat(document.rejected()).isEmpty();
    }

    @Test
    void keepsNumbersAsWrittenAcrossGapsAndRestarts() {
        ParsedDocument document = parser.parse("""
                1. What is a list?
                2. What is a tuple?
                5. What is a set?
                1. What is Django?
                """);

        assertThat(document.items()).extracting("number").containsExactly(1, 2, 5, 1);
    }

    @Test
    void unwrapsBoldAroundNumberOrText() {
        ParsedDocument document = parser.parse("""
                **1. What are Python's key features?**
                **2.** What is a *generator*?
                3. **What are *args and **kwargs?**
                """);

        assertThat(document.items())
                .extracting("text")
                .containsExactly(
                        "What are Python's key features?", "What is a generator?", "What are *args and **kwargs?");
    }

    @Test
    void joinsContinuationLinesToTheirItem() {
        ParsedDocument document = parser.parse("""
                1. Explain decorators,
                with an example.

                   Also show one that takes arguments.
                2. Compare:
                   - lists
                   - tuples

                This paragraph is not part of item 2.
                """);

        assertThat(document.items())
                .extracting("line", "text")
                .containsExactly(
                        tuple(1, "Explain decorators, with an example. Also show one that takes arguments."),
                        tuple(5, "Compare: lists tuples"));
        assertThat(document.rejected()).isEmpty();
    }

    @Test
    void ignoresProseAndBulletsOutsideItems() {
        ParsedDocument document = parser.parse("""
                Here's a list of the most commonly asked questions.

                1. What is a closure?

                Would you like:

                * A **PDF version** of this list?
                - A cheat sheet?

                Let me know!
                """);

        assertThat(document.items()).extracting("text").containsExactly("What is a closure?");
        assertThat(document.rejected()).isEmpty();
    }

    @Test
    void takesTagsFromTheEnclosingHeadings() {
        ParsedDocument document = parser.parse("""
                # Python
                1. What is a module?
                ## 🔹 **OOP**
                2. What is a class?
                ### Inheritance ###
                3. What is the MRO?
                ## Data Structures
                4. What is a dict?
                **Django ORM**
                5. What is a queryset?
                ✅ Basic Django
                6. What is a view?
                # Interview Questions
                7. What is a lambda?
                """);

        assertThat(document.items())
                .extracting("number", "tags")
                .containsExactly(
                        tuple(1, List.of("python")),
                        tuple(2, List.of("python", "oop")),
                        tuple(3, List.of("python", "oop", "inheritance")),
                        tuple(4, List.of("python", "data-structures")),
                        tuple(5, List.of("python", "data-structures", "django-orm")),
                        tuple(6, List.of("python", "data-structures", "basic", "django")),
                        tuple(7, List.of()));
    }

    @Test
    void treatsANumberedQuestionWrittenAsHeadingAsAnItem() {
        ParsedDocument document = parser.parse("""
                ## 1. Basics
                ### 2. What is a closure?
                """);

        assertThat(document.items())
                .extracting("line", "number", "text", "tags")
                .containsExactly(tuple(2, 2, "What is a closure?", List.of("basic")));
    }

    @Test
    void skipsFencedCodeOutsideItemsAndKeepsItInsideThem() {
        ParsedDocument document = parser.parse("""
                ```python
                # not a heading
                1. not an item
                ```
                1. What does this print?
                   ```python
                   print(*[1, 2])  # **unpacked**
                   ```
                2. Next question here?
                """);

        assertThat(document.items())
                .extracting("text", "tags")
                .containsExactly(
                        tuple("What does this print? print(*[1, 2]) # **unpacked**", List.of()),
                        tuple("Next question here?", List.of()));
    }

    @Test
    void repairsMojibakeInItemsAndHeadings() {
        ParsedDocument document = parser.parse("""
                ## ‚öôÔ∏è **Django‚Äôs ORM**
                1. **How does Django‚Äôs ORM work?**
                2. Whatâ€™s a migration?
                """);

        assertThat(document.items())
                .extracting("text", "tags")
                .containsExactly(
                        tuple("How does Django’s ORM work?", List.of("django-orm")),
                        tuple("What’s a migration?", List.of("django-orm")));
    }

    @Test
    void rejectsJunkItemsWithLineAndReason() {
        String tooLong = "Why " + "very ".repeat(200) + "long?";
        ParsedDocument document = parser.parse("""
                1. What is Python?
                2.
                3. x
                4. TBD
                5. ...
                6. GIL?
                7. %s
                8. what is  **Python** ?
                9. Decorators
                """.formatted(tooLong));

        assertThat(document.items())
                .extracting("line", "text")
                .containsExactly(tuple(1, "What is Python?"), tuple(8, "what is Python ?"), tuple(9, "Decorators"));
        assertThat(document.rejected())
                .extracting("line", "reason")
                .containsExactly(
                        tuple(2, "empty item"),
                        tuple(3, "placeholder text"),
                        tuple(4, "placeholder text"),
                        tuple(5, "placeholder text"),
                        tuple(6, "too short to be a question"),
                        tuple(7, "too long: 1009 characters, at most 1000"));
        assertThat(document.rejected()).extracting("text").startsWith("2.", "3. x", "4. TBD", "5. ...", "6. GIL?");
    }

    @Test
    void keepsRepeatedQuestionsForTheDuplicateCheckToFlag() {
        ParsedDocument document = parser.parse("""
                1. Iterators vs generators ?
                2. What is a list?
                3. Iterators vs generators ?
                """);

        assertThat(document.items())
                .extracting("line", "text")
                .containsExactly(
                        tuple(1, "Iterators vs generators ?"),
                        tuple(2, "What is a list?"),
                        tuple(3, "Iterators vs generators ?"));
        assertThat(document.rejected()).isEmpty();
    }

    @Test
    void accountsForEveryNumberedLine() {
        String document = """
                # Topic
                1. What is a list?
                2. x

                Some prose.
                3.
                **4. What is a tuple?**
                - bullet
                5) 99
                6. What is a list?
                   1. Nested: what is a slice?
                """;

        ParsedDocument parsed = parser.parse(document);

        long numberedLines = document.lines()
                .filter(line -> line.matches("\\s*(\\*\\*)?\\d+[.)].*"))
                .count();
        assertThat(numberedLines).isEqualTo(7);
        assertThat(parsed.items()).extracting("line").containsExactly(2, 7, 10, 11);
        assertThat(parsed.rejected()).extracting("line").containsExactly(3, 6, 9);
    }

    @Test
    void refusesDocumentsWithTooManyEntries() {
        String document = IntStream.rangeClosed(1, ImportLimits.MAX_ITEMS_PER_DOCUMENT + 1)
                .mapToObj(n -> n + ". What is question " + n + "?")
                .collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> parser.parse(document))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void acceptsExactlyTheMaximumNumberOfEntries() {
        String document = IntStream.rangeClosed(1, ImportLimits.MAX_ITEMS_PER_DOCUMENT)
                .mapToObj(n -> n + ". What is question " + n + "?")
                .collect(Collectors.joining("\n"));

        assertThat(parser.parse(document).items()).hasSize(ImportLimits.MAX_ITEMS_PER_DOCUMENT);
    }

    @Test
    void refusesOversizedDocuments() {
        assertThat(ImportLimits.MAX_DOCUMENT_BYTES).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> parser.parse("a".repeat(ImportLimits.MAX_DOCUMENT_BYTES + 1)))
                .isInstanceOf(DocumentTooLargeException.class)
                .hasMessageContaining("1 MiB");
    }

    @Test
    void reportsLinesLongerThanAnyQuestionWithoutParsingThem() {
        String spaces = " ".repeat(20_000) + "x";
        String dots = "1. " + ".".repeat(500_000);
        ParsedDocument document =
                parser.parse("1. What is a closure?\n" + spaces + "\n" + dots + "\n2. What is a generator?");

        assertThat(document.items())
                .extracting(ParsedDocument.Item::text)
                .containsExactly("What is a closure?", "What is a generator?");
        assertThat(document.rejected())
                .extracting(ParsedDocument.Rejection::line, ParsedDocument.Rejection::reason)
                .containsExactly(
                        tuple(2, "line too long: 20001 characters, at most 4000"),
                        tuple(3, "line too long: 500003 characters, at most 4000"));
        assertThat(document.rejected().get(1).text())
                .startsWith("1. ...")
                .endsWith("…")
                .hasSizeLessThan(130);
    }

    @Test
    void longRunsOfMarkersAtTheLineLimitParseWithoutOverflowingTheStack() {
        String limit = "*".repeat(ImportLimits.MAX_LINE_LENGTH - 2);
        ParsedDocument document = parser.parse("**" + limit + "\n__" + "_".repeat(3_990) + "a__\n1. **"
                + "a".repeat(3_990) + "\n" + "- ".repeat(1_999) + "\n3. What is a set?");

        assertThat(document.items()).extracting(ParsedDocument.Item::text).containsExactly("What is a set?");
    }

    @Test
    void stripsAnAtxClosingSequenceButKeepsHashesThatArePartOfTheHeading() {
        ParsedDocument document = parser.parse("""
                ## Django ##
                1. What is a view?
                ## C#
                2. What is LINQ?
                """);

        assertThat(document.items())
                .extracting(ParsedDocument.Item::tags)
                .containsExactly(List.of("django"), List.of("c#"));
    }

    @Test
    void recognisesThematicBreaksOfEachKind() {
        ParsedDocument document = parser.parse("""
                1. What is a tuple?
                continued here
                * * *
                not part of the tuple question
                2. What is a dict?
                ___
                neither of the dict one
                """);

        assertThat(document.items())
                .extracting(ParsedDocument.Item::text)
                .containsExactly("What is a tuple? continued here", "What is a dict?");
    }
}
