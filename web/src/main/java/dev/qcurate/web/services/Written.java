package dev.qcurate.web.services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command's answer: its body and the position of its last event, which the next reads wait for.
 *
 * @param position {@code X-Qcurate-Position}, or 0 when the answer carried none
 */
public record Written(int status, JsonNode body, long position) {

    public String text(String field) {
        return body.path(field).asText();
    }
}
