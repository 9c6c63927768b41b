package dev.qcurate.command.importing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown block syntax {@link MarkdownQuestionParser} recognises on one line, each look at a line on its own:
 * numbered entries, ATX headings, bullets, code fences, thematic breaks and headings written without {@code #}.
 */
final class MarkdownLines {

    // Written so that no two repeats can share a character: every pattern here runs in time linear in the line
    // (a line of 20,000 spaces once cost seconds through "(\\s*)…\\s*"), and none loops over a group per character
    // (which recurses and overflowed the stack on long lines).
    private static final Pattern NUMBERED =
            Pattern.compile("^(\\s*)(?:(\\*\\*|__)\\s*)?(\\d{1,9})[.)](\\*\\*|__)?(?:[ \\t]+(.*))?$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*))?$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+][ \\t]+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    /** Group 2 must not hold the marker itself: checked in code, a per-character lookahead loop would recurse. */
    private static final Pattern BOLD_LINE = Pattern.compile("^(\\*\\*|__)(.+?)\\1:?$");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");

    /** Bold or emoji lines longer than this are prose, not headings. */
    private static final int MAX_LOOSE_HEADING_LENGTH = 80;

    private MarkdownLines() {}

    /** A numbered line: the number as written, and the Markdown text after it. */
    record Numbered(int number, String markdown) {}

    /** An ATX heading: its level (1 to 6) and its text without the closing sequence. */
    record AtxHeading(int level, String content) {}

    static Optional<Numbered> numbered(String line) {
        Matcher numbered = NUMBERED.matcher(line);
        if (!numbered.matches()) {
            return Optional.empty();
        }
        String openingMarker = numbered.group(2);
        String text = numbered.group(5) == null ? "" : numbered.group(5);
        // "**3. What is X?**": the bold wraps number and text, give the text back its opening marker.
        boolean wrapsText = openingMarker != null && numbered.group(4) == null;
        return Optional.of(new Numbered(Integer.parseInt(numbered.group(3)), wrapsText ? openingMarker + text : text));
    }

    static Optional<AtxHeading> atxHeading(String line) {
        Matcher heading = ATX_HEADING.matcher(line);
        if (!heading.matches()) {
            return Optional.empty();
        }
        String content = heading.group(2) == null ? "" : withoutClosingHashes(heading.group(2));
        return Optional.of(new AtxHeading(heading.group(1).length(), content));
    }

    /** A bullet's text after its marker. */
    static Optional<String> bullet(String line) {
        Matcher bullet = BULLET.matcher(line);
        return bullet.matches() ? Optional.of(bullet.group(1)) : Optional.empty();
    }

    /** The backticks or tildes that open a fenced code block on this line. */
    static Optional<String> fenceOpening(String line) {
        Matcher fence = FENCE.matcher(line);
        return fence.find() ? Optional.of(fence.group(1)) : Optional.empty();
    }

    /** Whether the line closes the code block that {@code fence} opened. */
    static boolean closesFence(String line, String fence) {
        return line.strip().startsWith(fence) && line.strip().chars().allMatch(c -> c == fence.charAt(0));
    }

    /**
     * A bold-only line ("**Django ORM**") or a line led by an emoji ("🔹 Basics"), short and not a sentence or a
     * question; gives the heading text with the emoji removed.
     */
    static Optional<String> looseHeading(String line) {
        String trimmed = line.strip();
        int start = 0;
        boolean decorated = false;
        while (start < trimmed.length()) {
            int cp = trimmed.codePointAt(start);
            if (HeadingTags.isDecoration(cp)) {
                decorated = true;
            } else if (!Character.isWhitespace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        String rest = trimmed.substring(start);
        String plain = InlineMarkdown.toPlainText(rest);
        if (plain.isEmpty() || plain.endsWith("?") || plain.length() > MAX_LOOSE_HEADING_LENGTH) {
            return Optional.empty();
        }
        Matcher bold = BOLD_LINE.matcher(rest);
        boolean boldOnly = bold.matches() && !bold.group(2).contains(bold.group(1));
        boolean heading = boldOnly || decorated && !SENTENCE_END.matcher(plain).find();
        return heading ? Optional.of(rest) : Optional.empty();
    }

    /** "---", "* * *", "___" (three or more of one of them, spaces between), indented at most three spaces. */
    static boolean isThematicBreak(String line) {
        int start = 0;
        while (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        if (start > 3 || start == line.length()) {
            return false;
        }
        char marker = line.charAt(start);
        if (marker != '-' && marker != '*' && marker != '_') {
            return false;
        }
        int count = 0;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /** Leading whitespace width, a tab counting as four spaces. */
    static int indentation(String line) {
        int width = 0;
        for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
            width += line.charAt(i) == '\t' ? 4 : 1;
        }
        return width;
    }

    /** An ATX heading's optional closing sequence: "## Title ##" → "Title"; "## C#" keeps its "#". */
    private static String withoutClosingHashes(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
            end--;
        }
        int hashes = end;
        while (hashes > 0 && content.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes == end || hashes > 0 && content.charAt(hashes - 1) != ' ' && content.charAt(hashes - 1) != '\t') {
            return content;
        }
        int text = hashes;
        while (text > 0 && (content.charAt(text - 1) == ' ' || content.charAt(text - 1) == '\t')) {
            text--;
        }
        return content.substring(0, text);
    }
}
