package dev.qcurate.command.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One numbered entry while the parser collects its lines, and what it becomes when it ends: an item with its plain
 * question text, or a rejection that shows the entry as written and says why it is not a question.
 */
final class ListEntry {

    private static final Pattern SAME_LETTER_REPEATED = Pattern.compile("(\\p{L})\\1*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Set<String> PLACEHOLDERS = Set.of(
            "tbd",
            "tba",
            "todo",
            "to do",
            "n/a",
            "na",
            "none",
            "null",
            "placeholder",
            "question",
            "test",
            "asdf",
            "foo",
            "bar",
            "lorem ipsum");

    private final int line;
    private final int number;
    private final List<String> tags;
    private final List<String> raw = new ArrayList<>();
    private final List<String> markdown = new ArrayList<>();

    /** Starts at its numbered line: {@code raw} as written, {@code text} the Markdown after the number. */
    ListEntry(int line, int number, List<String> tags, String raw, String text) {
        this.line = line;
        this.number = number;
        this.tags = tags;
        add(raw, text);
    }

    /** A line that continues the entry, and the Markdown it adds to the question text. */
    void add(String rawLine, String text) {
        raw.add(rawLine);
        markdown.add(text);
    }

    /** A line shown in a rejection but adding nothing to the text: a code fence's opening or closing line. */
    void addUnread(String rawLine) {
        raw.add(rawLine);
    }

    /** A line inside a fenced code block, which joins the text as a code span. */
    void addCode(String rawLine, String code) {
        add(rawLine, asCodeSpan(code));
    }

    void collectInto(List<ParsedDocument.Item> items, List<ParsedDocument.Rejection> rejected) {
        String text = InlineMarkdown.toPlainText(String.join(" ", markdown));
        String asWritten =
                String.join("\n", raw.stream().map(String::stripTrailing).toList());
        // Repeats within the document are kept: the import flags them with scored candidates instead, so a
        // reviewer can approve them as a merge.
        String reason = rejectionReason(text);
        if (reason == null) {
            items.add(new ParsedDocument.Item(line, number, text, tags));
        } else {
            rejected.add(new ParsedDocument.Rejection(line, asWritten, reason));
        }
    }

    private static String rejectionReason(String text) {
        String bare = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\s]+$", "");
        int length = text.codePointCount(0, text.length());
        if (text.isEmpty()) {
            return "empty item";
        }
        if (!LETTER_OR_DIGIT.matcher(text).find()
                || SAME_LETTER_REPEATED.matcher(bare).matches()
                || PLACEHOLDERS.contains(bare)
                || bare.startsWith("lorem ipsum")) {
            return "placeholder text";
        }
        if (length < ImportLimits.MIN_QUESTION_LENGTH) {
            return "too short to be a question";
        }
        if (length > ImportLimits.MAX_QUESTION_LENGTH) {
            return "too long: " + length + " characters, at most " + ImportLimits.MAX_QUESTION_LENGTH;
        }
        return null;
    }

    private static String asCodeSpan(String code) {
        String ticks = "`";
        while (code.contains(ticks)) {
            ticks += "`";
        }
        return ticks + " " + code + " " + ticks;
    }
}
