package dev.qcurate.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The relay's stored token, read without claiming it (whichever instance owns it): positions up to its index have
 * been acknowledged by Kafka, except the gaps it still waits for. Tokens are stored as JSON (Jackson serializer).
 */
@Component
@RequiredArgsConstructor
class RelayToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    OptionalLong index() {
        List<byte[]> tokens = jdbc.query(
                "SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                (rs, n) -> rs.getBytes(1),
                KafkaEventRelay.GROUP);
        if (tokens.isEmpty() || tokens.get(0) == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode index = JSON.readTree(tokens.get(0)).path("index");
            return index.isNumber() ? OptionalLong.of(index.asLong()) : OptionalLong.empty();
        } catch (IOException unreadable) {
            return OptionalLong.empty();
        }
    }
}
