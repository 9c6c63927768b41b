package dev.qcurate.web.question;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The service's constants and times as people read them. */
final class Words {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Words() {}

    /** {@code TAGS_CHANGED} → "Tags changed". */
    static String ofConstant(String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
