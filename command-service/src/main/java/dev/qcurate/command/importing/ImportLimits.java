package dev.qcurate.command.importing;

/** Bounds on an imported document, shared by the parser and the import controller. */
final class ImportLimits {

    /** Largest upload accepted; a UTF-8 document of N bytes never decodes to more than N chars. */
    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** Numbered entries (accepted plus rejected) per document; beyond this the whole upload is refused (413). */
    static final int MAX_ITEMS_PER_DOCUMENT = 10_000;

    /** Cleaned question text longer than this is rejected. */
    static final int MAX_QUESTION_LENGTH = 1_000;

    /**
     * Longest line parsed; a longer one is rejected unread (questions are at most 1,000 characters, Markdown around
     * them adds little). Keeps every line's parsing cost small whatever the document holds.
     */
    static final int MAX_LINE_LENGTH = 4_000;

    /** How much of a rejected long line the answer repeats. */
    static final int SHOWN_PREFIX_OF_LONG_LINE = 120;

    /** Cleaned question text shorter than this is rejected ("GIL?" is, "Decorators" is not). */
    static final int MIN_QUESTION_LENGTH = 5;

    private ImportLimits() {}
}
