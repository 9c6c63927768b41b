package dev.qcurate.web.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the web checks before it calls a service, with the limits the services enforce: a refusal here names the
 * problem in the user's terms, and nothing oversized is sent.
 */
final class QuestionInput {

    static final int MIN_TEXT = 3;
    static final int MAX_TEXT = 1_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;
    static final int MAX_REASON = 1_000;
    static final int MAX_SEARCH = 200;
    static final int MIN_SUGGESTION_LETTERS = 3;

    private QuestionInput() {}

    /** Why the question text cannot be sent, or null when it can. */
    static String textProblem(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            return "The question is empty. Please type the question.";
        }
        if (stripped.length() < MIN_TEXT) {
            return "A question needs at least " + MIN_TEXT + " characters.";
        }
        if (stripped.length() > MAX_TEXT) {
            return String.format(
                    Locale.ROOT,
                    "The question has %,d characters; at most %,d are allowed." + " Please shorten it.",
                    stripped.length(),
                    MAX_TEXT);
        }
        return null;
    }

    /** The tags of a comma-separated textbox: trimmed, empty ones dropped, each once. */
    static List<String> tags(String typed) {
        if (typed == null) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : typed.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return List.copyOf(tags);
    }

    /** Why these tags cannot be sent, or null; the services check the characters themselves. */
    static String tagsProblem(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            return "There are " + tags.size() + " tags; at most " + MAX_TAGS + " are allowed.";
        }
        for (String tag : tags) {
            if (tag.length() > MAX_TAG_LENGTH) {
                return "The tag “" + tag.substring(0, MAX_TAG_LENGTH) + "…” is longer than " + MAX_TAG_LENGTH
                        + " characters.";
            }
        }
        return null;
    }

    /** A tag as the command service stores it, so that "Python" and "python" count as the same tag. */
    static String normalisedTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    static List<String> normalisedTags(List<String> tags) {
        List<String> normalised = new ArrayList<>();
        for (String tag : tags) {
            String n = normalisedTag(tag);
            if (!normalised.contains(n)) {
                normalised.add(n);
            }
        }
        return normalised;
    }

    /** Why the reason cannot be sent, or null. */
    static String reasonProblem(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            return "Please give a reason.";
        }
        if (stripped.length() > MAX_REASON) {
            return String.format(
                    Locale.ROOT,
                    "The reason has %,d characters; at most %,d are allowed.",
                    stripped.length(),
                    MAX_REASON);
        }
        return null;
    }

    /**
     * The text to look duplicates up by: nothing below {@value #MIN_SUGGESTION_LETTERS} letters (no call), and
     * only the first {@value #MAX_SEARCH} characters (the query service's limit for a search).
     */
    static Optional<String> suggestionText(String typed) {
        String stripped = typed == null ? "" : typed.strip();
        if (stripped.codePoints().filter(Character::isLetter).count() < MIN_SUGGESTION_LETTERS) {
            return Optional.empty();
        }
        return Optional.of(firstChars(stripped, MAX_SEARCH).strip());
    }

    /** At most {@code max} characters, never cutting a surrogate pair in half. */
    static String firstChars(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
