package dev.qcurate.command.importing;

import java.util.List;

/**
 * What the parser made of one document: every numbered entry is in exactly one of the two lists, in document order.
 *
 * @param items    entries accepted as questions
 * @param rejected entries that are not questions, with the reason, so that nothing disappears silently
 */
record ParsedDocument(List<Item> items, List<Rejection> rejected) {

    ParsedDocument {
        items = List.copyOf(items);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param line   1-based line of the entry's number in the original document
     * @param number the number as the author wrote it (gaps and restarts kept)
     * @param text   plain question text: mojibake repaired, Markdown markers removed, whitespace collapsed
     * @param tags   from the enclosing section headings, outermost first
     */
    record Item(int line, int number, String text, List<String> tags) {

        Item {
            tags = List.copyOf(tags);
        }
    }

    /**
     * @param line   1-based line of the entry's number in the original document
     * @param text   the entry as written, number and continuation lines included
     * @param reason why it is not a question, for the person who uploaded it
     */
    record Rejection(int line, String text, String reason) {}
}
