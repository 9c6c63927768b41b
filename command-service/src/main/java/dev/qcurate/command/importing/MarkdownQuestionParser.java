package dev.qcurate.command.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a numbered list of questions written in Markdown or plain text, as people paste them from notes and chat
 * assistants: headings become tags, prose around the list is ignored, and every numbered entry ends up either as an
 * {@link ParsedDocument.Item} or as a {@link ParsedDocument.Rejection} with a reason.
 *
 * <p>An entry runs from its numbered line over the lines that continue it: lines directly below it, or indented
 * lines after a blank line (Markdown's list continuation). A heading, another numbered line, a thematic break, a
 * bullet at the left margin or unindented text after a blank line ends it. Fenced code inside an entry stays part of
 * it; fenced code elsewhere is skipped, so a {@code # comment} in it is not taken for a heading.
 *
 * <p>This class decides where entries and sections begin and end; {@link MarkdownLines} recognises what one line is,
 * and {@link ListEntry} turns an entry's lines into an item or a rejection.
 */
final class MarkdownQuestionParser {

    /** Headings without {@code #} (bold lines, emoji lines) rank below every Markdown heading level. */
    private static final int LOOSE_HEADING_LEVEL = 7;
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
        private ListEntry open;
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
            int indent = MarkdownLines.indentation(line);
            boolean continues = open != null && (!blankSinceOpen || indent >= CONTINUATION_INDENT);
            Optional<String> fenceStart = MarkdownLines.fenceOpening(line);
            if (fenceStart.isPresent()) {
                fence = fenceStart.get();
                fenceInEntry = continues;
                if (continues) {
                    open.addUnread(raw);
                } else {
                    close();
                }
                return;
            }
            if (MarkdownLines.isThematicBreak(line)) {
                close();
                return;
            }
            Optional<MarkdownLines.AtxHeading> heading = MarkdownLines.atxHeading(line);
            if (heading.isPresent()) {
                String content = heading.get().content();
                Optional<MarkdownLines.Numbered> numbered = MarkdownLines.numbered(content);
                if (numbered.isPresent() && InlineMarkdown.toPlainText(content).endsWith("?")) {
                    open(lineNumber, raw, numbered.get()); // "### 12. What is a closure?" is a question, not a section
                } else {
                    close();
                    enterSection(heading.get().level(), content);
                }
                return;
            }
            Optional<MarkdownLines.Numbered> numbered = MarkdownLines.numbered(line);
            if (numbered.isPresent()) {
                open(lineNumber, raw, numbered.get());
                return;
            }
            Optional<String> bullet = MarkdownLines.bullet(line);
            if (bullet.isPresent() && indent < CONTINUATION_INDENT) {
                close();
                return;
            }
            Optional<String> looseHeading = MarkdownLines.looseHeading(line);
            if (looseHeading.isPresent()) {
                close();
                enterSection(LOOSE_HEADING_LEVEL, looseHeading.get());
                return;
            }
            if (continues) {
                open.add(raw, bullet.orElse(line.strip()));
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
            boolean closing = MarkdownLines.closesFence(line, fence);
            if (fenceInEntry) {
                if (closing) {
                    open.addUnread(raw);
                } else {
                    open.addCode(raw, line.strip());
                }
            }
            if (closing) {
                fence = null;
                blankSinceOpen = false;
            }
        }

        private void open(int lineNumber, String raw, MarkdownLines.Numbered numbered) {
            close();
            if (++entries > ImportLimits.MAX_ITEMS_PER_DOCUMENT) {
                throw new DocumentTooLargeException(
                        "document has more than " + ImportLimits.MAX_ITEMS_PER_DOCUMENT + " numbered entries");
            }
            open = new ListEntry(lineNumber, numbered.number(), currentTags(), raw, numbered.markdown());
            blankSinceOpen = false;
        }

        private void close() {
            if (open != null) {
                ListEntry entry = open;
                open = null;
                entry.collectInto(items, rejected);
            }
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
}
