package dev.qcurate.query.compression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content-coding negotiation and the gzip representation's entity tag. The gzip body is another representation, so
 * its strong ETag differs from the identity one: the identity tag with {@code -gzip} before the closing quote.
 */
final class Negotiation {

    static final String SUFFIX = "-gzip";

    private Negotiation() {}

    /** Whether {@code Accept-Encoding} names gzip (or *) with a non-zero quality. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                return quality(pieces) > 0;
            }
        }
        return false;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The gzip representation's tag of a strong identity tag; weak tags and odd values get none. */
    static String gzipTag(String identityTag) {
        if (identityTag == null || !identityTag.startsWith("\"") || !identityTag.endsWith("\"")) {
            return null;
        }
        return identityTag.substring(0, identityTag.length() - 1) + SUFFIX + "\"";
    }

    /**
     * {@code If-None-Match} as the controller must see it: the tags of the representation this request selects,
     * written as identity tags (the controller knows only those); tags of the other representation are dropped, so a
     * cached identity body never revalidates a gzip answer and the other way round.
     */
    static String ifNoneMatchFor(String ifNoneMatch, boolean gzip) {
        if (ifNoneMatch == null || ifNoneMatch.strip().equals("*")) {
            return ifNoneMatch;
        }
        List<String> kept = new ArrayList<>();
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            boolean gzipTag = t.endsWith(SUFFIX + "\"");
            if (gzip && gzipTag) {
                kept.add(t.substring(0, t.length() - SUFFIX.length() - 1) + "\"");
            } else if (!gzip && !gzipTag && !t.isEmpty()) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }
}
