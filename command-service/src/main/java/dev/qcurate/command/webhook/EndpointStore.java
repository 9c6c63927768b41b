package dev.qcurate.command.webhook;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every SQL statement about webhook endpoints. */
@Component
@RequiredArgsConstructor
class EndpointStore {

    private static final String COLUMNS =
            "id, url, event_kinds, description, created_by, created_at, secret_rotated_at";
    private static final RowMapper<WebhookEndpoint> ENDPOINT = (rs, n) -> new WebhookEndpoint(
            rs.getObject("id", UUID.class),
            rs.getString("url"),
            Arrays.asList(rs.getString("event_kinds").split(",")),
            rs.getString("description"),
            rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("secret_rotated_at"))
                    .map(Timestamp::toInstant)
                    .orElse(null));

    private final JdbcTemplate jdbc;

    /** Registers an endpoint that hears of events stored after this moment (the event store's head now). */
    void create(UUID id, String url, List<EventKind> kinds, String secret, String description, String createdBy) {
        jdbc.update(
                "INSERT INTO webhook_endpoint (id, url, event_kinds, secret, description, after_position, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(global_index), 0) FROM domain_event_entry), ?)",
                id,
                url,
                String.join(",", kinds.stream().map(EventKind::wireName).toList()),
                secret,
                description,
                createdBy);
    }

    int count() {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint", Integer.class);
    }

    List<WebhookEndpoint> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY created_at, id", ENDPOINT);
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?", ENDPOINT, id).stream()
                .findFirst();
    }

    boolean rotateSecret(UUID id, String secret) {
        return jdbc.update("UPDATE webhook_endpoint SET secret = ?, secret_rotated_at = now() WHERE id = ?", secret, id)
                == 1;
    }

    /** Deletes the endpoint with its deliveries and their attempts. */
    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM webhook_endpoint WHERE id = ?", id) == 1;
    }
}
