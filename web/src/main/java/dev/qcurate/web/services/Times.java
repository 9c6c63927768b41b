package dev.qcurate.web.services;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as every page shows them: to the minute, in UTC, saying so. */
public final class Times {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Times() {}

    /** {@code 2026-12-04 03:30 UTC}; empty for no time. */
    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }
}
