package dev.qcurate.command.proposal;

/** A comment in a proposal's conversation: Markdown source, not blank, at most {@value #MAX_LENGTH} characters. */
record CommentText(String value) {

    static final int MAX_LENGTH = 10_000;

    CommentText {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a comment needs some text");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a comment must have at most " + MAX_LENGTH + " characters, this one has " + value.length());
        }
        value = value.strip();
    }
}
