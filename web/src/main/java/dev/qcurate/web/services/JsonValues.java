package dev.qcurate.web.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading the services' JSON leniently: a missing or malformed value is null (or empty), not an error page. */
public final class JsonValues {

    private JsonValues() {}

    /** The array's values as text; empty when {@code array} is missing. */
    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    public static UUID uuid(JsonNode value) {
        try {
            return value.isTextual() ? UUID.fromString(value.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
