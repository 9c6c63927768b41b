package dev.qcurate.command.dispatch;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/** Answers an accepted command with its position, in the body and in the {@code X-Qcurate-Position} header. */
public final class PositionHeader {

    public static final String NAME = "X-Qcurate-Position";

    private PositionHeader() {}

    public static ResponseEntity<Map<String, Object>> answer(
            HttpStatus status, CommandDispatcher.Dispatched<?> sent, Map<String, Object> fields) {
        return ResponseEntity.status(status)
                .header(NAME, Long.toString(sent.position()))
                .body(sent.body(fields));
    }
}
