package dev.qcurate.web.lists;

import dev.qcurate.web.services.ServiceProblem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which version of a list the page shows: the latest, a version number, a release label or the version as of a time.
 * Parsed at the web edge so that a typo in the address gets a sentence (400), not the service's parameter error.
 *
 * @param asOf an ISO-8601 instant (a {@code datetime-local} value without a zone is taken as UTC)
 */
record ListSelector(Integer version, String release, Instant asOf) {

    static final int MAX_RELEASE_LENGTH = 64;

    static ListSelector latest() {
        return new ListSelector(null, null, null);
    }

    static ListSelector ofVersion(int version) {
        return new ListSelector(version, null, null);
    }

    static ListSelector parse(String version, String release, String asOf) {
        Integer number = blank(version) ? null : versionNumber(version, "version");
        String label = blank(release) ? null : release.strip();
        Instant time = blank(asOf) ? null : time(asOf);
        int given = (number == null ? 0 : 1) + (label == null ? 0 : 1) + (time == null ? 0 : 1);
        if (given > 1) {
            throw new ServiceProblem(400, "Choose one of a version, a release or a time, not several at once.", null);
        }
        if (label != null && label.length() > MAX_RELEASE_LENGTH) {
            throw new ServiceProblem(400, "A release label has at most " + MAX_RELEASE_LENGTH + " characters.", null);
        }
        return new ListSelector(number, label, time);
    }

    /** A version number from the address: whole and not negative, else a 400 that says so. */
    static int versionNumber(String value, String what) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // the sentence below
        }
        throw new ServiceProblem(
                400,
                "“" + shorten(value) + "” is not a " + what + " number: versions are numbered" + " 0, 1, 2 and so on.",
                null);
    }

    boolean isLatest() {
        return version == null && release == null && asOf == null;
    }

    /** The query parameters of {@code GET /api/lists/{id}} (null values are left out). */
    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("version", version);
        query.put("release", release);
        query.put("asOf", asOf == null ? null : asOf.toString());
        return query;
    }

    /** The value of the page's {@code datetime-local} input (UTC, to the minute), or empty. */
    String asOfInput() {
        return asOf == null
                ? ""
                : LocalDateTime.ofInstant(asOf.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .toString();
    }

    private static Instant time(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                throw new ServiceProblem(
                        400,
                        "“" + shorten(value) + "” is not a time: use a date and time such as"
                                + " 2024-05-01T12:00 (UTC).",
                        null);
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
