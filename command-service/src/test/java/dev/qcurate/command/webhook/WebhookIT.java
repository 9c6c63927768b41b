package dev.qcurate.command.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.command.CommandServiceStack;
import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against real PostgreSQL, Kafka and a real HTTP receiver: signed deliveries of decisions, retries with
 * back-off, resends with the same delivery id, a receiver that is down never slowing commands, and bad input refused
 * without a trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookIT {

    private static final String DB = "webhook_it";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Receiver RECEIVER = new Receiver();
    private static final String LIST_VERSIONS = DB + ".list-versions";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        CommandServiceStack.register(registry, DB);
        registry.add("qcurate.webhooks.allow-loopback", () -> "true");
        registry.add("qcurate.webhooks.retry-base", () -> "PT0.3S");
        registry.add("qcurate.webhooks.max-attempts", () -> "3");
        registry.add("qcurate.webhooks.poll-interval", () -> "PT0.1S");
        registry.add("qcurate.webhooks.connect-timeout", () -> "PT1S");
        registry.add("qcurate.webhooks.request-timeout", () -> "PT2S");
        registry.add("qcurate.webhooks.list-versions-topic", () -> LIST_VERSIONS);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(LIST_VERSIONS, 1, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDecisionIsDeliveredSignedWithTheEndpointSecret() throws Exception {
        JsonNode endpoint = register(RECEIVER.url("/signed", n -> 200), "proposal.decided");
        String secret = endpoint.path("secret").asText();

        String proposalId = proposeAndApprove("Which signature does a webhook carry?");

        List<Receiver.Received> got = RECEIVER.await("/signed", 1, WAIT);
        assertThat(got).hasSize(1);
        Receiver.Received request = got.get(0);
        String timestamp = request.header("X-Qcurate-Timestamp");
        assertThat(request.header("X-Qcurate-Signature"))
                .isEqualTo(
                        "sha256=" + hmac(secret, timestamp + "." + new String(request.body(), StandardCharsets.UTF_8)));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)))
                .isLessThan(60);
        assertThat(request.header("X-Qcurate-Event")).isEqualTo("proposal.decided");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("event").asText()).isEqualTo("proposal.decided");
        assertThat(body.path("data").path("proposalId").asText()).isEqualTo(proposalId);
        assertThat(body.path("data").path("outcome").asText()).isEqualTo("APPLIED");
        assertThat(body.path("data").path("reviewer").asText()).isEqualTo("reviewer");
        assertThat(body.path("position").asLong()).isPositive();

        JsonNode delivery = awaitState(endpoint, "DELIVERED").get(0);
        assertThat(delivery.path("id").asText()).isEqualTo(request.header("X-Qcurate-Delivery"));
        assertThat(delivery.path("history").get(0).path("status").asInt()).isEqualTo(200);
        assertThat(delivery.path("history").get(0).path("responseExcerpt").asText())
                .isEqualTo("answer 1 from /signed");
        assertThat(deliveries(endpoint))
                .as("the proposal's submission is not a decision")
                .hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffUntilItAnswers() throws Exception {
        JsonNode endpoint = register(RECEIVER.url("/flaky", n -> n < 3 ? 503 : 204), "proposal.decided");

        proposeAndReject("Which receiver fails twice before it answers?");

        List<Receiver.Received> got = RECEIVER.await("/flaky", 3, WAIT);
        assertThat(got).hasSize(3);
        assertThat(Receiver.deliveryIds(got).stream().distinct())
                .as("one delivery, one id")
                .hasSize(1);
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(280));
        assertThat(Duration.between(got.get(1).at(), got.get(2).at()))
                .as("doubled")
                .isGreaterThanOrEqualTo(Duration.ofMillis(580));
        assertThat(json.readTree(got.get(2).body()).path("data").path("outcome").asText())
                .isEqualTo("REJECTED");

        JsonNode delivery = awaitState(endpoint, "DELIVERED").get(0);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("history").findValuesAsText("status")).containsExactly("503", "503", "204");
        assertThat(delivery.path("history").get(0).path("error").asText()).isEqualTo("answered 503");
    }

    @Test
    void aResendGoesOutAgainWithTheSameDeliveryId() throws Exception {
        JsonNode endpoint = register(RECEIVER.url("/resend", n -> 200), "proposal.decided");
        proposeAndApprove("Which delivery is sent twice on request?");
        JsonNode delivery = awaitState(endpoint, "DELIVERED").get(0);

        ResponseEntity<String> resent = send(
                HttpMethod.POST,
                "/api/admin/webhooks/" + id(endpoint) + "/deliveries/"
                        + delivery.path("id").asText() + "/resend",
                "admin",
                null);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        List<Receiver.Received> got = RECEIVER.await("/resend", 2, WAIT);
        assertThat(Receiver.deliveryIds(got))
                .containsExactly(
                        delivery.path("id").asText(), delivery.path("id").asText());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        assertThat(awaitAttempts(endpoint, 2).path("history")).hasSize(2);

        ResponseEntity<String> unknown = send(
                HttpMethod.POST,
                "/api/admin/webhooks/" + id(endpoint) + "/deliveries/00000000-0000-0000-0000-000000000000/resend",
                "admin",
                null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void receiversThatAreDownOrSilentNeverSlowCommandsAndAreGivenUpAfterTheirAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // a socket that is listened on but never accepted: connections succeed, answers never come (2 s timeout)
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            proposeAndApprove("Which command warms the service up before anything is timed?");
            JsonNode down = register("http://127.0.0.1:" + closedPort + "/down", "proposal.decided");
            JsonNode mute = register("http://127.0.0.1:" + silent.getLocalPort() + "/silent", "proposal.decided");
            register(RECEIVER.url("/beside-down", n -> 200), "proposal.decided");

            List<Long> millis = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                proposeAndApprove("Which command waits for a receiver that is down, number " + i + "?");
                millis.add((System.nanoTime() - started) / 1_000_000);
            }

            System.out.println("webhooks: propose + approve with receivers down and silent, ms: " + millis);
            // were commands waiting for the silent receiver, each would take its 2 s timeout at least
            assertThat(millis.stream().sorted().toList().get(2))
                    .as("median ms of propose + approve")
                    .isLessThan(1_000);
            assertThat(RECEIVER.await("/beside-down", 5, WAIT))
                    .as("the other endpoint is served meanwhile")
                    .hasSize(5);
            assertThat(awaitState(down, "FAILED", 5)).allSatisfy(delivery -> {
                assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
                assertThat(delivery.path("history").get(0).has("status"))
                        .as("no answer, no status")
                        .isFalse();
                assertThat(delivery.path("history").get(0).path("error").asText())
                        .contains("Connect");
            });
            assertThat(awaitState(mute, "FAILED", 5))
                    .allSatisfy(delivery -> assertThat(delivery.path("history")
                                    .get(2)
                                    .path("error")
                                    .asText())
                            .startsWith("timed out"));
        }
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveries() throws Exception {
        JsonNode endpoint = register(RECEIVER.url("/rotated", n -> 200), "proposal.decided");
        ResponseEntity<String> rotated =
                send(HttpMethod.POST, "/api/admin/webhooks/" + id(endpoint) + "/secret", "admin", null);
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        String secret = json.readTree(rotated.getBody()).path("secret").asText();
        assertThat(secret)
                .startsWith("whsec_")
                .isNotEqualTo(endpoint.path("secret").asText());

        proposeAndApprove("Which secret signs after a rotation?");

        Receiver.Received request = RECEIVER.await("/rotated", 1, WAIT).get(0);
        assertThat(request.header("X-Qcurate-Signature"))
                .isEqualTo("sha256="
                        + hmac(
                                secret,
                                request.header("X-Qcurate-Timestamp") + "."
                                        + new String(request.body(), StandardCharsets.UTF_8)));
        String listed =
                send(HttpMethod.GET, "/api/admin/webhooks", "admin", null).getBody();
        assertThat(listed).contains(id(endpoint)).doesNotContain(secret).doesNotContain("whsec_");
    }

    @Test
    void badEndpointsAreRefusedWithAClearProblemAndNothingIsStored() throws Exception {
        int before = endpointCount();
        Map<String, String> refused = Map.of(
                "{\"url\":\"ftp://hooks.example.org/x\",\"events\":[\"proposal.decided\"]}", "http or https",
                "{\"url\":\"javascript:alert(1)\",\"events\":[\"proposal.decided\"]}", "http or https",
                "{\"url\":\"http://169.254.169.254/latest/meta-data\",\"events\":[\"proposal.decided\"]}", "link-local",
                "{\"url\":\"https://hooks.example.org/x\",\"events\":[\"question.eaten\"]}", "unknown event kind",
                "{\"url\":\"https://hooks.example.org/x\",\"events\":[]}", "at least one event kind",
                "{\"events\":[\"proposal.decided\"]}", "'url' is required",
                "{\"url\":\"https://hooks.example.org/x\",\"events\":[\"proposal.decided\"],\"secret\":\"mine\"}",
                        "secret");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            ResponseEntity<String> answer = send(HttpMethod.POST, "/api/admin/webhooks", "admin", bad.getKey());
            assertThat(answer.getStatusCode()).as(bad.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(answer.getBody()).path("detail").asText())
                    .as(bad.getKey())
                    .contains(bad.getValue());
        }
        ResponseEntity<String> asEditor = send(
                HttpMethod.POST,
                "/api/admin/webhooks",
                "editor",
                "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"proposal.decided\"]}");
        assertThat(asEditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(endpointCount()).isEqualTo(before);
        assertThat(send(HttpMethod.GET, "/api/admin/webhooks/00000000-0000-0000-0000-000000000000", "admin", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode endpoint = register(RECEIVER.url("/limits", n -> 200), "release.published");
        assertThat(send(HttpMethod.GET, "/api/admin/webhooks/" + id(endpoint) + "/deliveries?limit=0", "admin", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.GET, "/api/admin/webhooks/" + id(endpoint) + "/deliveries?limit=101", "admin", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aListVersionFromTheQuerySidesFeedIsDeliveredOnceEvenIfTheFeedRepeatsIt() throws Exception {
        JsonNode endpoint = register(RECEIVER.url("/versions", n -> 200), "list.version-published");
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        String listId = java.util.UUID.randomUUID().toString();
        String before = versionMessage(listId, 1, head);
        String after = versionMessage(listId, 2, head + 1);

        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(LIST_VERSIONS, listId, before)).get();
            producer.send(new ProducerRecord<>(LIST_VERSIONS, listId, after)).get();
            producer.send(new ProducerRecord<>(LIST_VERSIONS, listId, after)).get(); // the feed is at-least-once
        }

        Receiver.Received request = RECEIVER.await("/versions", 1, WAIT).get(0);
        JsonNode body = json.readTree(request.body());
        assertThat(request.header("X-Qcurate-Event")).isEqualTo("list.version-published");
        assertThat(body.path("eventId").asText()).isEqualTo("list-version:" + listId + ":2");
        assertThat(body.path("data").path("version").asInt()).isEqualTo(2);
        assertThat(body.path("data").path("summary").path("added").asInt()).isEqualTo(1);
        Thread.sleep(1_000);
        assertThat(RECEIVER.at("/versions"))
                .as("version 1 was caused before the endpoint existed; 2 came twice")
                .hasSize(1);
        assertThat(deliveries(endpoint)).hasSize(1);
    }

    private static String versionMessage(String listId, int version, long position) {
        return "{\"listId\":\"" + listId + "\",\"version\":" + version + ",\"cause\":{\"type\":\"ListEntryAddedEvent\","
                + "\"proposalId\":null,\"actor\":\"editor\",\"at\":\"2026-12-01T00:00:00Z\",\"position\":" + position
                + "},\"summary\":{\"added\":1,\"removed\":0,\"reworded\":0,\"merged\":0},\"size\":" + version + "}";
    }

    // --- helpers

    private JsonNode register(String url, String... events) throws Exception {
        ResponseEntity<String> answer = send(
                HttpMethod.POST,
                "/api/admin/webhooks",
                "admin",
                json.writeValueAsString(Map.of("url", url, "events", List.of(events), "description", "test")));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(answer.getBody());
    }

    private String proposeAndApprove(String text) throws Exception {
        String proposalId = propose(text);
        ResponseEntity<String> approved =
                send(HttpMethod.POST, "/api/proposals/" + proposalId + "/approval", "reviewer", "{}");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.OK);
        return proposalId;
    }

    private void proposeAndReject(String text) throws Exception {
        ResponseEntity<String> rejected = send(
                HttpMethod.POST,
                "/api/proposals/" + propose(text) + "/rejection",
                "reviewer",
                "{\"reason\":\"testing retries\"}");
        assertThat(rejected.getStatusCode()).as(rejected.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String propose(String text) throws Exception {
        ResponseEntity<String> proposed =
                send(HttpMethod.POST, "/api/questions", "editor", json.writeValueAsString(Map.of("text", text)));
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return json.readTree(proposed.getBody()).path("proposalId").asText();
    }

    private List<JsonNode> deliveries(JsonNode endpoint) throws Exception {
        ResponseEntity<String> answer =
                send(HttpMethod.GET, "/api/admin/webhooks/" + id(endpoint) + "/deliveries", "admin", null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> all = new java.util.ArrayList<>();
        json.readTree(answer.getBody()).forEach(all::add);
        return all;
    }

    private List<JsonNode> awaitState(JsonNode endpoint, String state) throws Exception {
        return awaitState(endpoint, state, 1);
    }

    private List<JsonNode> awaitState(JsonNode endpoint, String state, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> matching;
        do {
            matching = deliveries(endpoint).stream()
                    .filter(d -> d.path("state").asText().equals(state))
                    .toList();
            if (matching.size() >= count) {
                return matching;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(count + " deliveries " + state + " expected, got " + deliveries(endpoint));
    }

    private JsonNode awaitAttempts(JsonNode endpoint, int attempts) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            JsonNode delivery = deliveries(endpoint).get(0);
            if (delivery.path("attempts").asInt() >= attempts
                    && delivery.path("state").asText().equals("DELIVERED")) {
                return delivery;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(attempts + " attempts expected, got " + deliveries(endpoint));
    }

    private int endpointCount() {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint", Integer.class);
    }

    private static String id(JsonNode endpoint) {
        return endpoint.path("id").asText();
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String user, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(user));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> CommandServiceStack.token(http, u));
    }

    /** What a receiver computes, written without qcurate's code. */
    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
