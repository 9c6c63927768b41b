package dev.qcurate.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/imports} against the real event store. The query service is not part of this module's tests, so
 * its one endpoint the import calls ({@code POST /api/duplicates/batch}) is played by a small HTTP stub that flags an
 * item repeating an earlier item's text; the real endpoint is covered by the query service's DuplicatesIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportIT {

    private static final DuplicateBatchStub QUERY_SERVICE = new DuplicateBatchStub();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        CommandServiceStack.register(registry, "import_it");
        registry.add("qcurate.query-service-url", QUERY_SERVICE::url);
    }

    @AfterAll
    static void stopStub() {
        QUERY_SERVICE.stop();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void queryServiceUp() {
        QUERY_SERVICE.start();
    }

    @Test
    void importsTheSeedListProposingEveryQuestionWithProvenanceAndRejectingThePlaceholders() throws Exception {
        byte[] seed = seed("000_0f91697fe15f572d.txt");
        long headBefore =
                jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);

        ResponseEntity<JsonNode> answer = post("000_0f91697fe15f572d.txt", null, seed, "text/markdown", "editor");
        assertThat(QUERY_SERVICE.queries)
                .as("the check waits for what was committed before the import")
                .last()
                .isEqualTo("minPosition=" + headBefore);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode body = answer.getBody();
        assertThat(body.get("proposed").asInt()).isEqualTo(98);
        assertThat(body.get("proposalIds")).hasSize(98);
        assertThat(body.get("rejected")).hasSize(2);
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(101);
        assertThat(body.get("rejected").get(0).get("text").asText()).isEqualTo("99. x");
        assertThat(body.get("rejected").get(0).get("reason").asText()).isEqualTo("placeholder text");
        assertThat(body.get("alreadyImported").asBoolean()).isFalse();
        long position = body.get("position").asLong();
        assertThat(answer.getHeaders().getFirst("X-Qcurate-Position")).isEqualTo(Long.toString(position));
        assertThat(position)
                .isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class));

        String listId = jdbc.queryForObject(
                "SELECT list_id::text FROM curated_list_name WHERE name = ?", String.class, "000_0f91697fe15f572d");
        assertThat(body.get("listId").asText()).isEqualTo(listId);
        assertThat(QUERY_SERVICE.authorizations)
                .allSatisfy(header -> assertThat(header).startsWith("Bearer "));

        assertThat(body.get("list").asText()).isEqualTo("000_0f91697fe15f572d");
        ResponseEntity<JsonNode> again =
                get("/api/imports/" + body.get("importId").asText(), "editor2");
        assertThat(again.getStatusCode()).as("an outcome page can be shared").isEqualTo(HttpStatus.OK);
        ObjectNode shared = again.getBody().deepCopy();
        assertThat(Instant.parse(shared.remove("importedAt").asText()))
                .as("when the import ran")
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(shared).as("the answer as it was first given").isEqualTo(body);
        assertThat(get("/api/imports/" + UUID.randomUUID(), "editor").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/imports/" + body.get("importId").asText(), "reader")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        List<JsonNode> proposed =
                payloads("QuestionProposedEvent", body.get("importId").asText());
        assertThat(proposed).hasSize(98);
        assertThat(proposed.get(0).get("text").asText()).isEqualTo("What is Python ?");
        assertThat(proposed.get(0).get("tags").get(0).asText()).isEqualTo("python-django");
        assertThat(proposed.get(0).get("source").get("document").asText()).isEqualTo("000_0f91697fe15f572d.txt");
        assertThat(proposed.get(0).get("source").get("line").asInt()).isEqualTo(3);
        List<JsonNode> submitted =
                payloads("ProposalSubmittedEvent", body.get("importId").asText());
        assertThat(submitted)
                .allSatisfy(
                        p -> assertThat(p.get("change").get("listId").asText()).isEqualTo(listId));
    }

    @Test
    void flagsARepeatWithinTheDocumentWithItsCandidate() {
        String document = """
                # Python
                1. Iterators vs generators ?
                2. What is a closure in Python?
                3. Iterators vs generators ?
                """;

        JsonNode body = post("repeats.md", "Repeats", bytes(document), "text/plain", "reviewer")
                .getBody();

        assertThat(body.get("proposed").asInt()).isEqualTo(3);
        assertThat(body.get("duplicatesFlagged").asInt()).isEqualTo(1);
        List<JsonNode> submitted =
                payloads("ProposalSubmittedEvent", body.get("importId").asText());
        JsonNode repeat = submitted.get(2);
        assertThat(repeat.get("duplicateCandidates")).hasSize(1);
        assertThat(repeat.get("duplicateCandidates").get(0).get("questionId").asText())
                .isEqualTo(submitted.get(0).get("change").get("questionId").asText());
        // the answer names the flagged item and what it resembles, so a person can judge it without the queue
        assertThat(body.get("flagged")).hasSize(1);
        JsonNode flag = body.get("flagged").get(0);
        assertThat(flag.get("line").asInt()).isEqualTo(4);
        assertThat(flag.get("text").asText()).isEqualTo("Iterators vs generators ?");
        assertThat(flag.get("proposalId").asText())
                .isEqualTo(body.get("proposalIds").get(2).asText());
        assertThat(flag.get("closest").get("questionId").asText())
                .isEqualTo(submitted.get(0).get("change").get("questionId").asText());
        assertThat(flag.get("closest").get("text").asText()).isEqualTo("Iterators vs generators ?");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM curated_list_name WHERE name = 'Repeats'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void importingTheSameContentAgainProposesNothingNew() {
        byte[] document = bytes("1. What is a context manager in Python?\n2. What is a metaclass?\n");
        JsonNode first =
                post("again.md", null, document, "text/markdown", "editor").getBody();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        ResponseEntity<JsonNode> second = post("again-renamed.md", null, document, "text/markdown", "editor2");

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("alreadyImported").asBoolean()).isTrue();
        assertThat(second.getBody().get("importId")).isEqualTo(first.get("importId"));
        assertThat(second.getBody().get("listId")).isEqualTo(first.get("listId"));
        assertThat(second.getBody().get("proposed").asInt())
                .as("nothing new was proposed")
                .isZero();
        assertThat(second.getBody().get("proposalIds")).isEmpty();
        assertThat(second.getBody().get("earlier").get("proposed")).isEqualTo(first.get("proposed"));
        assertThat(second.getBody().get("earlier").get("proposalIds")).isEqualTo(first.get("proposalIds"));
        JsonNode earlierImport = second.getBody().get("earlierImport");
        assertThat(earlierImport.get("importId")).isEqualTo(first.get("importId"));
        assertThat(earlierImport.get("listId")).isEqualTo(first.get("listId"));
        assertThat(java.time.Instant.parse(earlierImport.get("at").asText()))
                .isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now());
        assertThat(second.getBody().get("flagged")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(events);

        ResponseEntity<JsonNode> elsewhere =
                post("again.md", "Another list entirely", document, "text/markdown", "editor");
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(elsewhere.getBody().get("detail").asText())
                .contains("imported before")
                .contains("another list");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(events);
    }

    @Test
    void anUnfinishedImportKeepsItsClaimForTenMinutesThenAnotherUploadTakesItOver() throws Exception {
        byte[] document = bytes("1. What is a context manager?\n");
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(document));
        // an import that died midway: claimed, never answered
        jdbc.update(
                "INSERT INTO import_record (content_sha256, import_id, source, imported_by, created_at)"
                        + " VALUES (?, ?, 'crashed.md', 'editor', now() - interval '1 minute')",
                sha,
                UUID.randomUUID());

        ResponseEntity<JsonNode> whileRunning = post("crashed.md", null, document, "text/markdown", "editor");
        jdbc.update(
                "UPDATE import_record SET created_at = now() - interval '11 minutes' WHERE content_sha256 = ?", sha);
        ResponseEntity<JsonNode> afterTheTimeout = post("crashed.md", null, document, "text/markdown", "editor");

        assertThat(whileRunning.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(whileRunning.getBody().get("detail").asText()).contains("being imported right now");
        assertThat(afterTheTimeout.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(afterTheTimeout.getBody().get("proposed").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT answer IS NOT NULL FROM import_record WHERE content_sha256 = ?", Boolean.class, sha))
                .isTrue();
    }

    @Test
    void addsToAnExistingListNamedByTheCaller() {
        JsonNode first = post("a.md", "Shared list", bytes("1. What is a Python wheel?\n"), "text/markdown", "editor")
                .getBody();
        JsonNode second = post("b.md", "Shared list", bytes("1. What is a Python egg?\n"), "text/markdown", "editor")
                .getBody();

        assertThat(second.get("listId")).isEqualTo(first.get("listId"));
    }

    @Test
    void refusesOversizedDocumentsAndTooManyItemsWith413() {
        byte[] oversized = new byte[1024 * 1024 + 1];
        Arrays.fill(oversized, (byte) 'a');
        String tooMany = IntStream.rangeClosed(1, 10_001)
                .mapToObj(n -> n + ". Question " + n + "?")
                .collect(Collectors.joining("\n"));

        ResponseEntity<JsonNode> big = post("big.md", null, oversized, "text/markdown", "editor");
        ResponseEntity<JsonNode> many = post("many.md", null, bytes(tooMany), "text/markdown", "editor");

        assertThat(big.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(big.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(big.getBody().get("detail").asText()).contains("1 MiB");
        assertThat(many.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(many.getBody().get("detail").asText()).contains("10000");
    }

    @Test
    void answers503AndProposesNothingWhenTheQueryServiceIsDown() {
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        QUERY_SERVICE.stop();

        ResponseEntity<JsonNode> answer =
                post("down.md", null, bytes("1. What is asyncio?\n"), "text/markdown", "editor");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().get("detail").asText()).contains("nothing was imported");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(events);
        QUERY_SERVICE.start();
        assertThat(post("down.md", null, bytes("1. What is asyncio?\n"), "text/markdown", "editor")
                        .getStatusCode())
                .as("the failed import did not claim the document")
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesBadInput() {
        byte[] notUtf8 = {'1', '.', ' ', 'W', 'h', 'a', 't', (byte) 0x92, 's', ' ', 'G', 'I', 'L', '?'};

        assertThat(post("x.md", null, notUtf8, "text/markdown", "editor").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("x.md", null, notUtf8, "text/plain; charset=windows-1252", "editor")
                        .getBody()
                        .get("proposed")
                        .asInt())
                .isEqualTo(1);
        assertThat(post("y.md", null, bytes("just prose\n"), "text/markdown", "editor")
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("z.md", null, bytes("1. What is Flask?\n"), "application/json", "editor")
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(post("z.md", null, bytes("1. What is Flask?\n"), "text/markdown", "reader")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void importsAThousandItemsInSeconds() {
        String document = IntStream.rangeClosed(1, 1_000)
                .mapToObj(n -> n + ". What is generated topic number " + n + " about?")
                .collect(Collectors.joining("\n"));

        long start = System.nanoTime();
        ResponseEntity<JsonNode> answer = post("thousand.md", null, bytes(document), "text/markdown", "editor");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody().get("proposed").asInt()).isEqualTo(1_000);
        System.out.printf(Locale.ROOT, "Imported 1,000 items in %.1f s (%.0f items/s)%n", seconds, 1_000 / seconds);
        assertThat(seconds).isLessThan(60);
    }

    private ResponseEntity<JsonNode> post(String source, String list, byte[] content, String contentType, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(user));
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        String query = "?source={source}" + (list == null ? "" : "&list={list}");
        return http.exchange(
                "/api/imports" + query,
                HttpMethod.POST,
                new HttpEntity<>(content, headers),
                JsonNode.class,
                list == null ? Map.of("source", source) : Map.of("source", source, "list", list));
    }

    private ResponseEntity<JsonNode> get(String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(user));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private String token(String user) {
        return CommandServiceStack.token(http, user);
    }

    /** Payloads of one event type caused by the given import, in event order. */
    private List<JsonNode> payloads(String type, String importId) {
        List<JsonNode> all = jdbc.query("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE payload_type LIKE ? ORDER BY global_index""", (rs, row) -> read(rs.getString(1)), "%." + type);
        if (type.equals("QuestionProposedEvent")) {
            return all.stream()
                    .filter(p ->
                            importId.equals(p.path("source").path("importId").asText()))
                    .toList();
        }
        return all.stream()
                .filter(p -> importId.equals(
                        p.path("change").path("source").path("importId").asText()))
                .toList();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = ImportIT.class.getResourceAsStream("/seeds/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Plays the query service's duplicate batch check: an item whose text repeats an earlier one is flagged. */
    static final class DuplicateBatchStub {

        private final ObjectMapper json = new ObjectMapper();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final List<String> queries = new CopyOnWriteArrayList<>();
        private HttpServer server;
        private int port;

        synchronized void start() {
            if (server != null) {
                return;
            }
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            port = server.getAddress().getPort();
            server.createContext("/api/duplicates/batch", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                queries.add(String.valueOf(exchange.getRequestURI().getQuery()));
                JsonNode request = json.readTree(exchange.getRequestBody());
                Map<String, String> earlier = new HashMap<>();
                List<Map<String, Object>> items = new ArrayList<>();
                for (JsonNode item : request.get("items")) {
                    String text = item.get("text").asText().toLowerCase(Locale.ROOT);
                    String first = earlier.putIfAbsent(text, item.get("id").asText());
                    List<Map<String, Object>> candidates = first == null
                            ? List.of()
                            : List.of(Map.of(
                                    "questionId",
                                    first,
                                    "text",
                                    item.get("text").asText(),
                                    "score",
                                    1.0,
                                    "likelyDuplicate",
                                    true));
                    items.add(Map.of("id", item.get("id").asText(), "candidates", candidates));
                }
                byte[] answer = json.writeValueAsBytes(Map.of("items", items));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        synchronized String url() {
            start();
            return "http://127.0.0.1:" + port;
        }
    }
}
