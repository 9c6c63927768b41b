package dev.qcurate.web.lists;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them on these pages: UTC, to the minute (the services store UTC). */
final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String utc(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** {@code QuestionAcceptedEvent} → "question accepted". */
    static String event(String type) {
        if (type == null || type.isBlank()) {
            return "change";
        }
        String name = type.endsWith("Event") ? type.substring(0, type.length() - "Event".length()) : type;
        return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase();
    }
}
