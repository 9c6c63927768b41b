package dev.qcurate.command.importing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reduces one block of inline Markdown to plain text: emphasis markers go, inline code keeps its text without the
 * backticks, whitespace collapses.
 *
 * <p>Emphasis follows CommonMark's flanking rules (so {@code *args}, {@code **kwargs}, {@code *.pyc},
 * {@code 2 * 3} and {@code select_related} stay literal) with two deliberate departures for question lists about
 * code: underscores around a single identifier ({@code __init__}, {@code _x_}) are never emphasis, and a line
 * wrapped in {@code **…**} is unwrapped first, so the author's {@code *args} inside it is not paired with the
 * wrapper as a renderer would.
 */
final class InlineMarkdown {

    /** Stands for one protected piece (code span content, escaped character) while emphasis is resolved. */
    private static final char PROTECTED = '\uFFFC';

    private static final Pattern INVISIBLE = Pattern.compile("[\\uFFFC\\u200B\\uFEFF]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\h\\v]+");
    private static final Pattern IDENTIFIER = Pattern.compile("\\w+");

    private InlineMarkdown() {}

    static String toPlainText(String markdown) {
        List<String> protectedPieces = new ArrayList<>();
        String text = protectCodeAndEscapes(INVISIBLE.matcher(markdown).replaceAll(""), protectedPieces);
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        text = stripEmphasis(unwrapWholeLine(text));
        return WHITESPACE
                .matcher(restore(text, protectedPieces))
                .replaceAll(" ")
                .strip();
    }

    private static String protectCodeAndEscapes(String text, List<String> pieces) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
                pieces.add(String.valueOf(text.charAt(i + 1)));
                out.append(PROTECTED);
                i += 2;
            } else if (c == '`') {
                int runEnd = runEnd(text, i);
                int close = closingBacktickRun(text, runEnd, runEnd - i);
                if (close < 0) {
                    pieces.add(text.substring(i, runEnd));
                    i = runEnd;
                } else {
                    pieces.add(text.substring(runEnd, close).strip());
                    i = close + (runEnd - i);
                }
                out.append(PROTECTED);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBacktickRun(String text, int from, int length) {
        int i = text.indexOf('`', from);
        while (i >= 0) {
            int end = runEnd(text, i);
            if (end - i == length) {
                return i;
            }
            i = text.indexOf('`', end);
        }
        return -1;
    }

    private static String unwrapWholeLine(String text) {
        for (String marker : List.of("**", "__")) {
            if (text.length() > 2 * marker.length()
                    && text.startsWith(marker)
                    && text.endsWith(marker)
                    && runEnd(text, 0) == marker.length()
                    && runStart(text, text.length() - 1) == text.length() - 2) {
                String inner = text.substring(marker.length(), text.length() - marker.length());
                int firstInner = inner.indexOf(marker);
                // "**a** and **b**" also starts and ends with markers; there the first inner marker closes.
                if (firstInner < 0 || delimiterAt(inner, firstInner).canOpen()) {
                    return inner.strip();
                }
            }
        }
        return text;
    }

    private static String stripEmphasis(String text) {
        List<Delimiter> delimiters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '*' || c == '_') {
                Delimiter delimiter = delimiterAt(text, i);
                delimiters.add(delimiter);
                i = delimiter.end();
            } else {
                i++;
            }
        }
        boolean[] remove = new boolean[text.length()];
        Deque<Delimiter> openers = new ArrayDeque<>();
        for (Delimiter delimiter : delimiters) {
            if (delimiter.length() > 3) {
                continue; // "____" is a fill-in blank, not emphasis
            }
            Delimiter opener = delimiter.canClose() ? matchingOpener(openers, delimiter, text) : null;
            if (opener != null) {
                while (openers.peek() != opener) {
                    openers.pop();
                }
                openers.pop();
                for (int k = opener.start(); k < opener.end(); k++) {
                    remove[k] = true;
                }
                for (int k = delimiter.start(); k < delimiter.end(); k++) {
                    remove[k] = true;
                }
            } else if (delimiter.canOpen()) {
                openers.push(delimiter);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            if (!remove[k]) {
                out.append(text.charAt(k));
            }
        }
        return out.toString();
    }

    private static Delimiter matchingOpener(Deque<Delimiter> openers, Delimiter closer, String text) {
        for (Delimiter opener : openers) {
            if (opener.marker() == closer.marker() && opener.length() == closer.length()) {
                String content = text.substring(opener.end(), closer.start());
                boolean identifierOnly = IDENTIFIER.matcher(content).matches();
                return closer.marker() == '_' && identifierOnly ? null : opener;
            }
        }
        return null;
    }

    private static Delimiter delimiterAt(String text, int start) {
        char marker = text.charAt(start);
        int end = runEnd(text, start);
        char before = start == 0 ? ' ' : text.charAt(start - 1);
        char after = end == text.length() ? ' ' : text.charAt(end);
        boolean leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        boolean rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        if (marker == '*') {
            return new Delimiter(marker, start, end, leftFlanking, rightFlanking);
        }
        return new Delimiter(
                marker,
                start,
                end,
                leftFlanking && (!rightFlanking || isPunctuation(before)),
                rightFlanking && (!leftFlanking || isPunctuation(after)));
    }

    private static String restore(String text, List<String> pieces) {
        StringBuilder out = new StringBuilder(text.length());
        int next = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            out.append(c == PROTECTED ? pieces.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }

    private static int runEnd(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) == text.charAt(start)) {
            end++;
        }
        return end;
    }

    private static int runStart(String text, int last) {
        int start = last;
        while (start > 0 && text.charAt(start - 1) == text.charAt(last)) {
            start--;
        }
        return start;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isPunctuation(char c) {
        if (c == PROTECTED) {
            return false;
        }
        if (isAsciiPunctuation(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    private record Delimiter(char marker, int start, int end, boolean canOpen, boolean canClose) {

        int length() {
            return end - start;
        }
    }
}
