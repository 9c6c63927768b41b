package dev.qcurate.query.curatedlist;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised text two questions must share to count as the same question in a list even before anyone merges
 * them: Unicode-compatibility folded, case-insensitive, whitespace collapsed, trailing punctuation ignored.
 */
final class TextKey {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s?.!\u3002\uff1f\uff01]+$");

    private TextKey() {
    }

    static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return TRAILING.matcher(SPACES.matcher(folded).replaceAll(" ").strip()).replaceAll("");
    }
}
