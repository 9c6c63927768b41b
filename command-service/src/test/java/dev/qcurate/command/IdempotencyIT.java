package dev.qcurate.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key after an unknown outcome, against the real event store: the key is marked stored in the command's
 * own transaction, so a retry finding a claim its instance left behind (killed between the commit and keeping the
 * answer, or while the database was away) runs the command only if it was not stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyIT {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        CommandServiceStack.register(registry, "idempotency_it");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandMarksItsKeyStoredInItsOwnTransactionAndAFailedOneFreesIt() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"Which transaction marks an idempotency key as stored?\"}";
        assertThat(propose(body, key).getStatusCode().value()).isEqualTo(202);
        assertThat(jdbc.queryForObject(
                        "SELECT stored FROM idempotent_request WHERE username = 'editor' AND key = ?",
                        Boolean.class,
                        key))
                .isTrue();

        String refusedKey = UUID.randomUUID().toString();
        assertThat(propose("{\"text\":\"\"}", refusedKey).getStatusCode().value())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM idempotent_request WHERE key = ?", Integer.class, refusedKey))
                .as("nothing stored: the key is free again")
                .isZero();
    }

    @Test
    void aLapsedClaimWhoseCommandWasStoredIsNeverRunAgain() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"What happens to a proposal whose answer was lost?\"}";
        leftBehind(key, body, true);

        ResponseEntity<JsonNode> retry = propose(body, key);

        assertThat(retry.getStatusCode().value()).isEqualTo(409);
        assertThat(retry.getBody().path("title").asText()).isEqualTo("Already stored");
        assertThat(proposalsWithText("What happens to a proposal whose answer was lost?"))
                .as("not proposed again")
                .isZero();
    }

    @Test
    void aLapsedClaimWhoseCommandWasNotStoredRunsOnRetry() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"What happens to a proposal whose instance died before its commit?\"}";
        leftBehind(key, body, false);

        ResponseEntity<JsonNode> retry = propose(body, key);

        assertThat(retry.getStatusCode().value()).isEqualTo(202);
        assertThat(proposalsWithText("What happens to a proposal whose instance died before its commit?"))
                .isEqualTo(1);
        assertThat(propose(body, key).getHeaders().getFirst("Idempotent-Replayed"))
                .as("and its answer is kept")
                .isEqualTo("true");
    }

    /** The claim a killed instance leaves: unanswered, older than the lapse time, stored or not. */
    private void leftBehind(String key, String body, boolean stored) {
        jdbc.update(
                "INSERT INTO idempotent_request (username, key, fingerprint, attempt, stored, created_at)"
                        + " VALUES ('editor', ?, ?, ?, ?, now() - interval '1 hour')",
                key,
                fingerprint("POST /api/questions\n", body),
                UUID.randomUUID(),
                stored);
    }

    private long proposalsWithText(String text) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type = ?"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'text' = ?",
                Long.class,
                "dev.qcurate.shared.question.QuestionProposedEvent",
                text);
    }

    private ResponseEntity<JsonNode> propose(String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.exchange(
                "/api/questions",
                HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }

    private String token() {
        return CommandServiceStack.token(http, "editor");
    }

    /** As the filter computes it: method, path and query, a newline, the body bytes. */
    private static String fingerprint(String requestLine, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(requestLine.getBytes(StandardCharsets.UTF_8));
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
