package dev.qcurate.command.question;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tag normalisation and validation: lower case, inner whitespace and underscores become one hyphen, at most
 * {@value #MAX_TAG_LENGTH} characters of letters, digits and {@code + # . -}; at most {@value #MAX_TAGS} per question.
 */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 40;

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#.\\-]*");

    private Tags() {}

    public static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("tags must not be blank");
        }
        String normalised = tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        if (normalised.length() > MAX_TAG_LENGTH || !VALID.matcher(normalised).matches()) {
            throw new IllegalArgumentException("invalid tag '" + tag + "': use up to " + MAX_TAG_LENGTH
                    + " letters, digits and + # . - (starting with a letter or digit)");
        }
        return normalised;
    }

    /** The normalised, de-duplicated and sorted form of the given tags. */
    public static List<String> normaliseAll(Collection<String> tags) {
        if (tags == null) {
            return List.of();
        }
        TreeSet<String> result = new TreeSet<>();
        for (String tag : tags) {
            result.add(normalise(tag));
        }
        if (result.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags per question");
        }
        return List.copyOf(result);
    }
}
