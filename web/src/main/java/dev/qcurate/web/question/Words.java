package dev.qcurate.web.question;

import dev.qcurate.web.services.Times;

import java.time.Instant;
import java.util.Locale;

/** The service's constants and times as people read them. */
final class Words {

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
        return Times.when(at);
    }
}
