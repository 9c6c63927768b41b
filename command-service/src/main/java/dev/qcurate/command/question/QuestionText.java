package dev.qcurate.command.question;

import java.util.regex.Pattern;

/**
 * The wording of a question, validated at the edge of the domain: 3 to 1,000 characters after trimming, and no
 * characters that hide or reorder text (control characters, NUL, bidirectional overrides). Stored exactly as given
 * otherwise.
 */
public record QuestionText(String value) {

    public static final int MAX_LENGTH = 1_000;
    public static final int MIN_LENGTH = 3;

    // C0/C1 controls except tab and newline, plus the bidi embeddings/overrides/isolates used in "Trojan source"
    // tricks.
    private static final Pattern FORBIDDEN =
            Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    public QuestionText {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("question text must not be blank");
        }
        value = value.strip();
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("question text must have at least " + MIN_LENGTH + " characters");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("question text must have at most " + MAX_LENGTH + " characters");
        }
        if (FORBIDDEN.matcher(value).find()) {
            throw new IllegalArgumentException("question text contains control or bidirectional-override characters");
        }
    }
}
