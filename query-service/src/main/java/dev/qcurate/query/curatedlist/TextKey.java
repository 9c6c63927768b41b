package dev.qcurate.query.curatedlist;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The normalised text two questions must share to count as the same question in a list even before anyone merges
 * them: Unicode-compatibility folded, case-insensitive, whitespace collapsed, trailing punctuation ignored.
 */
final class TextKey {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s?.!\u3002\uff1f\uff01]+$");

    /*
     * Every refresh of a list recomputes the keys of all its entries, mostly of the same texts: remembered, as the
     * key depends on the text alone. Bounded by forgetting everything now and then.
     */
    private static final int REMEMBERED = 50_000;
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private TextKey() {}

    static String of(String text) {
        String key = KEYS.get(text);
        if (key == null) {
            if (KEYS.size() >= REMEMBERED) {
                KEYS.clear();
            }
            key = compute(text);
            KEYS.put(text, key);
        }
        return key;
    }

    private static String compute(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return TRAILING.matcher(SPACES.matcher(folded).replaceAll(" ").strip()).replaceAll("");
    }
}
