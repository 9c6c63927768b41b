package dev.qcurate.web.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word diff of two texts (java-diff-utils' Myers diff over word, space and punctuation tokens), as HTML: every
 * token is escaped on its own ({@code & < > " '}), then changed runs are wrapped in {@code <del>}/{@code <ins>} that
 * start with visually hidden "removed:"/"added:" words, so the change is not told by colour alone.
 *
 * @param inline     one text with deletions and insertions in place
 * @param before     the old text with its deletions marked
 * @param after      the new text with its insertions marked
 * @param unchanged  true when both texts are equal
 */
public record WordDiff(String inline, String before, String after, boolean unchanged) {

    /** Words (letters, digits, apostrophes inside words), runs of spaces, or any other single character. */
    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{N}_]+(?:['’][\\p{L}\\p{N}_]+)*|\\s+|.", Pattern.DOTALL);
    /** Texts are at most a few thousand characters (questions ≤ 1,000); beyond this the diff is of whole texts. */
    private static final int MAX_TOKENS = 5_000;

    private static final String DEL_OPEN = "<del><span class=\"visually-hidden\">removed: </span>";
    private static final String INS_OPEN = "<ins><span class=\"visually-hidden\">added: </span>";

    public static WordDiff of(String before, String after) {
        String old = before == null ? "" : before;
        String now = after == null ? "" : after;
        if (old.equals(now)) {
            String same = HtmlUtils.htmlEscape(old);
            return new WordDiff(same, same, same, true);
        }
        List<String> oldTokens = tokens(old);
        List<String> newTokens = tokens(now);
        if (oldTokens.size() > MAX_TOKENS || newTokens.size() > MAX_TOKENS) {
            oldTokens = List.of(old);
            newTokens = List.of(now);
        }
        Patch<String> patch = DiffUtils.diff(oldTokens, newTokens);
        StringBuilder inline = new StringBuilder();
        StringBuilder beforeHtml = new StringBuilder();
        StringBuilder afterHtml = new StringBuilder();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            List<String> unchanged =
                    oldTokens.subList(position, delta.getSource().getPosition());
            append(unchanged, inline, beforeHtml, afterHtml);
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (!removed.isEmpty()) {
                String marked = DEL_OPEN + escape(removed) + "</del>";
                inline.append(marked);
                beforeHtml.append(marked);
            }
            if (!added.isEmpty()) {
                String marked = INS_OPEN + escape(added) + "</ins>";
                inline.append(marked);
                afterHtml.append(marked);
            }
            position = delta.getSource().getPosition() + removed.size();
        }
        append(oldTokens.subList(position, oldTokens.size()), inline, beforeHtml, afterHtml);
        return new WordDiff(inline.toString(), beforeHtml.toString(), afterHtml.toString(), false);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void append(List<String> same, StringBuilder... targets) {
        String escaped = escape(same);
        for (StringBuilder target : targets) {
            target.append(escaped);
        }
    }

    private static String escape(List<String> tokens) {
        StringBuilder html = new StringBuilder();
        for (String token : tokens) {
            html.append(HtmlUtils.htmlEscape(token));
        }
        return html.toString();
    }
}
