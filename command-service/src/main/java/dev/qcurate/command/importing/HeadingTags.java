package dev.qcurate.command.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives topic tags from a section heading: "🔹 **Intermediate/Advanced Python Questions**" becomes
 * {@code [intermediate, advanced, python]}, "Django Admin & REST Framework" becomes
 * {@code [django-admin, rest-framework]}.
 *
 * <p>The heading is split into phrases at separators ({@code & / , :}, spaced dashes, "and", "vs", "in", "for"…);
 * each phrase loses the words that describe the document rather than a topic ("interview", "questions",
 * "common"…) and becomes one lower-case, hyphen-joined tag. Difficulty words become their own tag
 * ({@code basic}, {@code intermediate}, {@code advanced}) so that "Basic Django" and "Advanced Django" share
 * {@code django}. A heading with nothing left, such as "Interview Questions", gives no tags.
 */
final class HeadingTags {

    static final int MAX_TAG_LENGTH = 50;

    private static final Pattern LEADING_NUMBERING = Pattern.compile(
            "^(?:(?:part|section|chapter|round|step|level)\\s+)?\\d+(?:\\.\\d+)*[.):\\-–—]?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)|\\[[^]]*]");
    private static final Pattern SEPARATOR =
            Pattern.compile("[&/,:;|]|\\s[-–—]\\s|[–—]|\\b(?:and|or|vs|versus|in|for|with|of|on)\\b\\.?");
    private static final Pattern APOSTROPHE = Pattern.compile("['’](?:s\\b)?");
    private static final Pattern NOT_TAG_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}+#.]+");

    private static final Set<String> NOT_A_TOPIC = Set.of(
            "interview",
            "interviews",
            "question",
            "questions",
            "q&a",
            "faq",
            "faqs",
            "common",
            "commonly",
            "most",
            "frequently",
            "asked",
            "top",
            "popular",
            "important",
            "key",
            "experienced",
            "experience",
            "developer",
            "developers",
            "engineer",
            "engineers",
            "candidate",
            "candidates",
            "fresher",
            "freshers",
            "list",
            "the",
            "a",
            "an",
            "your",
            "you",
            "some",
            "other",
            "more",
            "misc",
            "miscellaneous",
            "general",
            "overview",
            "introduction",
            "intro",
            "section",
            "part",
            "bonus",
            "sample",
            "concepts",
            "topics",
            "level",
            "summary",
            "conclusion",
            "notes",
            "tips");

    private static final Map<String, String> DIFFICULTY = Map.of(
            "basic",
            "basic",
            "basics",
            "basic",
            "beginner",
            "basic",
            "beginners",
            "basic",
            "intermediate",
            "intermediate",
            "advanced",
            "advanced",
            "expert",
            "advanced");

    private HeadingTags() {}

    /** @param heading the heading's text without its {@code #} markers, still holding inline Markdown and emoji */
    static List<String> fromHeading(String heading) {
        String text = withoutDecoration(InlineMarkdown.toPlainText(heading)).strip();
        text = LEADING_NUMBERING.matcher(text).replaceFirst("");
        text = PARENTHETICAL.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        text = APOSTROPHE.matcher(text).replaceAll(""); // "Django’s ORM" is about django-orm
        Set<String> tags = new LinkedHashSet<>();
        for (String phrase : SEPARATOR.split(text)) {
            List<String> topicWords = new ArrayList<>();
            for (String word : phrase.strip().split("\\s+")) {
                if (DIFFICULTY.containsKey(word)) {
                    tags.add(DIFFICULTY.get(word));
                } else if (!word.isEmpty() && !NOT_A_TOPIC.contains(word)) {
                    topicWords.add(word);
                }
            }
            String tag = slug(String.join(" ", topicWords));
            if (!tag.isEmpty() && tag.length() <= MAX_TAG_LENGTH) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** Emoji, pictographs, private-use characters (a broken Apple logo) and the joiners that glue emoji. */
    static String withoutDecoration(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(isDecoration(cp) ? ' ' : cp));
        return out.toString();
    }

    static boolean isDecoration(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || codePoint == 0xFE0E
                || codePoint == 0xFE0F
                || codePoint == 0x200D
                || codePoint == 0x20E3
                || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
    }

    private static String slug(String phrase) {
        String slug = NOT_TAG_CHARACTER.matcher(phrase).replaceAll("-");
        return slug.replaceAll("^[-.]+|[-.]+$", "");
    }
}
