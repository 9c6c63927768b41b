package dev.qcurate.command.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a numbered list of questions written in Markdown or plain text, as people paste them from notes and chat
 * assistants: headings become tags, prose around the list is ignored, and every numbered entry ends up either as an
 * {@link ParsedDocument.Item} or as a {@link ParsedDocument.Rejection} with a reason.
 *
 * <p>An entry runs from its numbered line over the lines that continue it: lines directly below it, or indented
 * lines after a blank line (Markdown's list continuation). A heading, another numbered line, a thematic break, a
 * bullet at the left margin or unindented text after a blank line ends it. Fenced code inside an entry stays part of
 * it; fenced code elsewhere is skipped, so a {@code # comment} in it is not taken for a heading.
 */
final class MarkdownQuestionParser {

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

    /** Headings without {@code #} (bold lines, emoji lines) rank below every Markdown heading level. */
    private static final int LOOSE_HEADING_LEVEL = 7;
    /** Bold or emoji lines longer than this are prose, not headings. */
    private static final int MAX_LOOSE_HEADING_LENGTH = 80;
    /** Indentation that keeps a line in the entry above it even after a blank line. */
    private static final int CONTINUATION_INDENT = 2;

    ParsedDocument parse(String document) {
        if (document.length() > ImportLimits.MAX_DOCUMENT_BYTES) {
            throw new DocumentTooLargeException(
                    "the document is larger than 1 MiB (" + ImportLimits.MAX_DOCUMENT_BYTES + " characters)");
        }
        return new Run().parse(document.lines().toList());
    }

    /** State of one parse: the open entry, the section headings above it, what has been collected. */
    private static final class Run {

        private final List<ParsedDocument.Item> items = new ArrayList<>();
        private final List<ParsedDocument.Rejection> rejected = new ArrayList<>();
        private final List<List<String>> headingTags =
                new ArrayList<>(Collections.nCopies(LOOSE_HEADING_LEVEL + 1, null));
        private Entry open;
        private boolean blankSinceOpen;
        private String fence;
        private boolean fenceInEntry;
        private int entries;

        ParsedDocument parse(List<String> lines) {
            for (int index = 0; index < lines.size(); index++) {
                String raw = index == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(index);
                if (raw.length() > ImportLimits.MAX_LINE_LENGTH) {
                    rejectLongLine(index + 1, raw);
                } else {
                    read(index + 1, raw, MojibakeRepair.repair(raw));
                }
            }
            close();
            return new ParsedDocument(items, rejected);
        }

        private void read(int lineNumber, String raw, String line) {
            if (fence != null) {
                readFenced(raw, line);
                return;
            }
            if (line.isBlank()) {
                blankSinceOpen = true;
                return;
            }
            int indent = indentation(line);
            boolean continues = open != null && (!blankSinceOpen || indent >= CONTINUATION_INDENT);
            Matcher fenceStart = FENCE.matcher(line);
            if (fenceStart.find()) {
                fence = fenceStart.group(1);
                fenceInEntry = continues;
                if (continues) {
                    open.raw.add(raw);
                } else {
                    close();
                }
                return;
            }
            if (isThematicBreak(line)) {
                close();
                return;
            }
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                String content = heading.group(2) == null ? "" : withoutClosingHashes(heading.group(2));
                Matcher numbered = NUMBERED.matcher(content);
                if (numbered.matches() && InlineMarkdown.toPlainText(content).endsWith("?")) {
                    open(lineNumber, raw, numbered); // "### 12. What is a closure?" is a question, not a section
                } else {
                    close();
                    enterSection(heading.group(1).length(), content);
                }
                return;
            }
            Matcher numbered = NUMBERED.matcher(line);
            if (numbered.matches()) {
                open(lineNumber, raw, numbered);
                return;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches() && indent < CONTINUATION_INDENT) {
                close();
                return;
            }
            Optional<String> looseHeading = looseHeading(line);
            if (looseHeading.isPresent()) {
                close();
                enterSection(LOOSE_HEADING_LEVEL, looseHeading.get());
                return;
            }
            if (continues) {
                open.raw.add(raw);
                open.markdown.add(bullet.matches() ? bullet.group(1) : line.strip());
                blankSinceOpen = false;
                return;
            }
            close(); // prose between or around the list
        }

        /** No question needs a line this long: it is reported, not parsed, so no line costs more than a moment. */
        private void rejectLongLine(int lineNumber, String raw) {
            close();
            String shown =
                    raw.substring(0, ImportLimits.SHOWN_PREFIX_OF_LONG_LINE).stripTrailing() + "…";
            rejected.add(new ParsedDocument.Rejection(
                    lineNumber,
                    shown,
                    "line too long: " + raw.length() + " characters, at most " + ImportLimits.MAX_LINE_LENGTH));
            blankSinceOpen = true;
        }

        private void readFenced(String raw, String line) {
            boolean closing =
                    line.strip().startsWith(fence) && line.strip().chars().allMatch(c -> c == fence.charAt(0));
            if (fenceInEntry) {
                open.raw.add(raw);
                if (!closing) {
                    open.markdown.add(asCodeSpan(line.strip()));
                }
            }
            if (closing) {
                fence = null;
                blankSinceOpen = false;
            }
        }

        private void open(int lineNumber, String raw, Matcher numbered) {
            close();
            if (++entries > ImportLimits.MAX_ITEMS_PER_DOCUMENT) {
                throw new DocumentTooLargeException(
                        "document has more than " + ImportLimits.MAX_ITEMS_PER_DOCUMENT + " numbered entries");
            }
            String openingMarker = numbered.group(2);
            String text = numbered.group(5) == null ? "" : numbered.group(5);
            // "**3. What is X?**": the bold wraps number and text, give the text back its opening marker.
            boolean wrapsText = openingMarker != null && numbered.group(4) == null;
            open = new Entry(lineNumber, Integer.parseInt(numbered.group(3)), currentTags());
            open.raw.add(raw);
            open.markdown.add(wrapsText ? openingMarker + text : text);
            blankSinceOpen = false;
        }

        private void close() {
            if (open == null) {
                return;
            }
            Entry entry = open;
            open = null;
            String text = InlineMarkdown.toPlainText(String.join(" ", entry.markdown));
            String asWritten = String.join(
                    "\n", entry.raw.stream().map(String::stripTrailing).toList());
            // Repeats within the document are kept: the import flags them with scored candidates instead, so a
            // reviewer can approve them as a merge.
            String reason = rejectionReason(text);
            if (reason == null) {
                items.add(new ParsedDocument.Item(entry.line, entry.number, text, entry.tags));
            } else {
                rejected.add(new ParsedDocument.Rejection(entry.line, asWritten, reason));
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

        private void enterSection(int level, String heading) {
            headingTags.set(level, HeadingTags.fromHeading(heading));
            for (int deeper = level + 1; deeper <= LOOSE_HEADING_LEVEL; deeper++) {
                headingTags.set(deeper, null);
            }
        }

        private List<String> currentTags() {
            Set<String> tags = new LinkedHashSet<>();
            headingTags.stream().filter(Objects::nonNull).forEach(tags::addAll);
            return List.copyOf(tags);
        }
    }

    /**
     * A bold-only line ("**Django ORM**") or a line led by an emoji ("🔹 Basics"), short and not a sentence or a
     * question; gives the heading text with the emoji removed.
     */
    private static Optional<String> looseHeading(String line) {
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
    private static boolean isThematicBreak(String line) {
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

    private static int indentation(String line) {
        int width = 0;
        for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
            width += line.charAt(i) == '\t' ? 4 : 1;
        }
        return width;
    }

    private static String asCodeSpan(String code) {
        String ticks = "`";
        while (code.contains(ticks)) {
            ticks += "`";
        }
        return ticks + " " + code + " " + ticks;
    }

    private static final class Entry {

        private final int line;
        private final int number;
        private final List<String> tags;
        private final List<String> raw = new ArrayList<>();
        private final List<String> markdown = new ArrayList<>();

        Entry(int line, int number, List<String> tags) {
            this.line = line;
            this.number = number;
            this.tags = tags;
        }
    }
}
