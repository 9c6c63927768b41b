package dev.qcurate.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.*;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws well over a thousand generated malformed and hostile requests at both running services — broken and
 * mutated JSON, wrong types, unknown fields and enum values, huge strings and bodies, control/NUL/bidi/surrogate
 * characters, invalid UUIDs, bad methods and content types, path traversal, SQL-ish text, forged tokens. Every one
 * of them is built so that it must be refused; the test asserts each got a 4xx (never a 5xx, never a stack trace)
 * and that the event store and the read model are exactly as they were before.
 */
class FuzzIT extends AgainstOneSystem {

    private static final int REQUESTS = 1_500;
    private static final long TIME_LIMIT_NANOS = 240_000_000_000L;
    private static final String JSON = "application/json";
    private static final String LONE_SURROGATE = "@@LONE@@";

    private static final Map<String, String> TOKENS = new HashMap<>();
    private String questionId;
    private String proposalId;
    private String listId;

    FuzzIT() {
        super("fuzz");
    }

    /** One endpoint that takes a JSON body, with a valid body as the base for mutations. */
    record Endpoint(
            boolean command,
            String method,
            String path,
            String role,
            Map<String, Object> valid,
            Map<String, Kind> fields) {}

    enum Kind {
        TEXT,
        UUID,
        INT,
        LIST,
        OBJECT
    }

    /** A request that must be refused, and why (for the failure message). */
    record Attempt(
            String category,
            String method,
            String url,
            String token,
            String contentType,
            byte[] body,
            boolean chunked) {}

    /** The tokens the requests carry, and a question, a proposal, a list and a user for them to aim at. */
    @BeforeAll
    void makeWhatTheRequestsAimAt() {
        for (String user : List.of("reader", "editor", "reviewer", "admin")) {
            TOKENS.put(user, RawHttp.signIn(qcurate.commands.url(), user, Qcurate.PASSWORD));
        }
        Client.Answer proposed =
                editor.post("/api/questions", Map.of("text", "What is a fuzz test for?", "tags", List.of("testing")));
        assertThat(proposed.status()).isEqualTo(202);
        questionId = proposed.text("questionId");
        proposalId = proposed.text("proposalId");
        Client.Answer list = editor.post("/api/lists", Map.of("name", "fuzz", "title", "Fuzz"));
        assertThat(list.status()).isEqualTo(201);
        listId = list.text("listId");
        Client.Answer user = admin.post(
                "/api/admin/users",
                Map.of("username", "fuzz-target", "password", "fuzz target password", "roles", List.of("READER")));
        assertThat(user.status()).isEqualTo(201);
        assertThat(reader.read("/api/questions/" + questionId, user.position()).status())
                .isEqualTo(200);
    }

    @Test
    void hostileRequestsAreAllRefusedWithoutChangingAnything() throws Exception {
        long seed = Long.getLong("qcurate.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        long events = eventCount();
        Map<String, String> readModel = readModelChecksum();

        List<Supplier<Attempt>> generators = generators(random);
        Map<String, Integer> perCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        int sent = 0;
        for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
            // every generator at least once, then at random
            Attempt attempt = generators
                    .get(sent < generators.size() ? sent : random.nextInt(generators.size()))
                    .get();
            perCategory.merge(attempt.category(), 1, Integer::sum);
            RawHttp.Answer answer = RawHttp.send(
                    attempt.method(),
                    attempt.url(),
                    attempt.token(),
                    attempt.contentType(),
                    attempt.body(),
                    attempt.chunked());
            String problem = check(answer);
            if (problem != null && failures.size() < 50) {
                failures.add(problem + " ← " + attempt.category() + ": " + attempt.method() + " " + attempt.url() + " ["
                        + attempt.contentType() + "] " + preview(attempt.body()) + " → " + preview(answer.body()));
            }
        }
        System.out.println("FuzzIT seed " + seed + ": " + sent + " requests " + perCategory);

        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(failures)
                .as("requests not refused properly (seed " + seed + ")")
                .isEmpty();
        assertThat(eventCount()).as("events in the event store").isEqualTo(events);
        assertThat(readModelChecksum()).as("read model").isEqualTo(readModel);
        assertThat(RawHttp.send(
                                "GET",
                                qcurate.queries.url() + "/api/questions/" + questionId,
                                TOKENS.get("reader"),
                                null,
                                (String) null)
                        .status())
                .as("still serving")
                .isEqualTo(200);
    }

    private static String check(RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (answer.body().contains("\tat ")
                || answer.body().contains("java.lang.")
                || answer.body().contains("Exception")) {
            return "internals in the answer";
        }
        String type = answer.header("Content-Type");
        if (type != null
                && type.startsWith("application/problem+json")
                && answer.json().path("detail").asText().isBlank()) {
            return "problem without detail";
        }
        return null;
    }

    private List<Supplier<Attempt>> generators(Random random) {
        List<Endpoint> endpoints = endpoints();
        List<Supplier<Attempt>> generators = new ArrayList<>();
        generators.add(() -> truncatedJson(random, pick(random, endpoints)));
        generators.add(() -> garbage(random, pick(random, endpoints)));
        generators.add(() -> unknownField(random, pick(random, endpoints)));
        generators.add(() -> wrongType(random, pick(random, endpoints)));
        generators.add(() -> hostileText(random, pick(random, endpoints)));
        generators.add(() -> hugeText(random, pick(random, endpoints)));
        generators.add(() -> oversizedBody(random, pick(random, endpoints)));
        generators.add(() -> invalidUuidInPath(random));
        generators.add(() -> badMethod(random, pick(random, endpoints)));
        generators.add(() -> badContentType(random, pick(random, endpoints)));
        generators.add(() -> pathTraversal(random));
        generators.add(() -> badQueryParameter(random));
        generators.add(() -> forgedToken(random, pick(random, endpoints)));
        generators.add(() -> invalidUtf8(random, pick(random, endpoints)));
        generators.add(() -> jsonShape(random, pick(random, endpoints)));
        return generators;
    }

    private List<Endpoint> endpoints() {
        String q = questionId;
        return List.of(
                new Endpoint(
                        true,
                        "POST",
                        "/api/questions",
                        "editor",
                        map(
                                "text",
                                "What is a fuzzed question?",
                                "tags",
                                List.of("fuzz"),
                                "source",
                                map("document", "fuzz.md", "line", 1)),
                        Map.of("text", Kind.TEXT, "tags", Kind.LIST, "source", Kind.OBJECT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/questions/" + q + "/rewordings",
                        "editor",
                        map("text", "What is a fuzzed rewording?", "baseRevision", 1),
                        Map.of("text", Kind.TEXT, "baseRevision", Kind.INT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/questions/" + q + "/tags",
                        "editor",
                        map("add", List.of("fuzzing"), "remove", List.of("testing")),
                        Map.of("add", Kind.LIST, "remove", Kind.LIST)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/questions/" + q + "/retirement",
                        "editor",
                        map("reason", "fuzzed away"),
                        Map.of("reason", Kind.TEXT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/merges",
                        "editor",
                        map("sourceId", q, "targetId", UUID.randomUUID().toString()),
                        Map.of("sourceId", Kind.UUID, "targetId", Kind.UUID)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/proposals/" + proposalId + "/rejection",
                        "reviewer",
                        map("reason", "fuzzed rejection"),
                        Map.of("reason", Kind.TEXT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/proposals/approval",
                        "reviewer",
                        map("proposalIds", List.of(proposalId)),
                        Map.of("proposalIds", Kind.LIST)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/lists",
                        "editor",
                        map("name", "fuzz-list", "title", "Fuzz list", "description", "made by the fuzzer"),
                        Map.of("name", Kind.TEXT, "title", Kind.TEXT, "description", Kind.TEXT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/lists/" + listId + "/entries",
                        "editor",
                        map("questionId", q, "index", 0),
                        Map.of("questionId", Kind.UUID, "index", Kind.INT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/admin/users",
                        "admin",
                        map("username", "fuzz-user", "password", "a fuzzed long password", "roles", List.of("READER")),
                        Map.of("username", Kind.TEXT, "password", Kind.TEXT, "roles", Kind.LIST)),
                new Endpoint(
                        true,
                        "PUT",
                        "/api/admin/users/fuzz-target/roles",
                        "admin",
                        map("roles", List.of("EDITOR")),
                        Map.of("roles", Kind.LIST)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/admin/users/fuzz-target/password",
                        "admin",
                        map("password", "a new fuzzed password"),
                        Map.of("password", Kind.TEXT)),
                new Endpoint(
                        true,
                        "POST",
                        "/api/auth/token",
                        null,
                        map("username", "reader", "password", Qcurate.PASSWORD),
                        Map.of("username", Kind.TEXT, "password", Kind.TEXT)));
    }

    // ---- generators: each builds a request that must be refused ----

    private Attempt truncatedJson(Random random, Endpoint endpoint) {
        String body = json(endpoint.valid());
        return attempt(
                "truncated JSON", endpoint, JSON, bytes(body.substring(0, 1 + random.nextInt(body.length() - 1))));
    }

    private Attempt garbage(Random random, Endpoint endpoint) {
        String[] starts = {")", "]", "'", "<", "=", "\\", "#", "undefined", "NaN{", "{{", "{\"a\"::1}", "{,}"};
        return attempt(
                "garbage", endpoint, JSON, bytes(starts[random.nextInt(starts.length)] + randomText(random, 50)));
    }

    private Attempt unknownField(Random random, Endpoint endpoint) {
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        String[] names = {
            "admin", "roles_", "__proto__", "constructor", "id", "position", "actor", "x" + random.nextInt(999)
        };
        body.put(names[random.nextInt(names.length)], random.nextBoolean() ? "' OR 1=1 --" : Map.of("$gt", ""));
        return attempt("unknown field", endpoint, JSON, bytes(json(body)));
    }

    private Attempt wrongType(Random random, Endpoint endpoint) {
        List<String> fields = new ArrayList<>(endpoint.fields().keySet());
        Collections.sort(fields);
        String field = fields.get(random.nextInt(fields.size()));
        Object[] wrong = switch (endpoint.fields().get(field)) {
            case TEXT -> new Object[] {Map.of("a", 1), List.of(1, 2), List.of(), 123, 4.5, true};
            case UUID ->
                new Object[] {
                    "not-a-uuid",
                    "123",
                    "' OR '1'='1",
                    "../../etc/passwd",
                    "00000000-0000-0000-0000-00000000000g",
                    Map.of(),
                    List.of(),
                    42,
                    true
                };
            case INT ->
                new Object[] {
                    "abc",
                    Map.of(),
                    List.of(1),
                    new java.math.BigInteger("99999999999999999999"),
                    "1; DROP TABLE question"
                };
            case LIST ->
                new Object[] {"just a string", Map.of("a", "b"), 7, List.of(Map.of("a", 1)), List.of(List.of())};
            case OBJECT -> new Object[] {"a string", List.of(1), 5, Map.of("line", "x")};
        };
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        body.put(field, wrong[random.nextInt(wrong.length)]);
        return attempt("wrong type", endpoint, JSON, bytes(json(body)));
    }

    private Attempt hostileText(Random random, Endpoint endpoint) {
        String[] hostile = {
            "\u0000",
            "\u202E",
            "\u2066",
            "\u0007",
            "\u001B[31m",
            "\u0085",
            "\u007F",
            LONE_SURROGATE,
            "\u202Dabc\u202C",
            "\u0008"
        };
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        List<String> texts = new ArrayList<>();
        body.forEach((key, value) -> {
            if (value instanceof String) {
                texts.add(key);
            }
        });
        Collections.sort(texts);
        if (texts.isEmpty()) {
            String list = body.keySet().iterator().next();
            body.put(list, List.of("fine", "not" + hostile[random.nextInt(hostile.length)] + "fine"));
            return attempt("hostile characters", endpoint, JSON, bytes(json(body)));
        }
        String field = texts.get(random.nextInt(texts.size()));
        String value = (String) body.get(field);
        int at = random.nextInt(value.length() + 1);
        body.put(field, value.substring(0, at) + hostile[random.nextInt(hostile.length)] + value.substring(at));
        if (random.nextBoolean() && body.get("tags") instanceof List<?>) {
            body.put("tags", List.of("ok", "ta\u0000g"));
        }
        return attempt("hostile characters", endpoint, JSON, bytes(json(body)));
    }

    private Attempt hugeText(Random random, Endpoint endpoint) {
        Map<String, Integer> limits = Map.of(
                "text",
                1_000,
                "reason",
                1_000,
                "name",
                100,
                "title",
                200,
                "description",
                2_000,
                "username",
                64,
                "password",
                200);
        Map<String, Object> body = new LinkedHashMap<>(endpoint.valid());
        List<String> limited = endpoint.valid().keySet().stream()
                .filter(limits::containsKey)
                .sorted()
                .toList();
        if (limited.isEmpty() || endpoint.path().equals("/api/auth/token") && random.nextBoolean()) {
            if (body.containsKey("tags") || body.containsKey("add")) {
                String key = body.containsKey("tags") ? "tags" : "add";
                body.put(
                        key,
                        random.nextBoolean()
                                ? List.of("t".repeat(41 + random.nextInt(500)))
                                : java.util.stream.IntStream.range(0, 21 + random.nextInt(100))
                                        .mapToObj(i -> "tag" + i)
                                        .toList());
                return attempt("huge field", endpoint, JSON, bytes(json(body)));
            }
            if (body.containsKey("proposalIds") || body.containsKey("roles")) {
                String key = body.containsKey("proposalIds") ? "proposalIds" : "roles";
                body.put(
                        key,
                        java.util.stream.IntStream.range(0, 1_001 + random.nextInt(500))
                                .mapToObj(i -> UUID.randomUUID().toString())
                                .toList());
                return attempt("huge field", endpoint, JSON, bytes(json(body)));
            }
            return oversizedBody(random, endpoint);
        }
        String field = limited.get(random.nextInt(limited.size()));
        int length = limits.get(field) + 1 + random.nextInt(random.nextBoolean() ? 50 : 200_000);
        String[] units = {"a", "é", "😀", "字", "'", "%s", "a "};
        String unit = units[random.nextInt(units.length)];
        body.put(field, unit.repeat(length / unit.length() + 1));
        return attempt("huge field", endpoint, JSON, bytes(json(body)));
    }

    private Attempt oversizedBody(Random random, Endpoint endpoint) {
        int size = 1024 * 1024 + 1 + random.nextInt(512 * 1024);
        String text = "x".repeat(size);
        boolean chunked = random.nextBoolean();
        String body = "{\"text\":\"" + text + "\"}";
        String url = (random.nextBoolean() || !endpoint.command() ? qcurate.commands.url() : qcurate.queries.url());
        String path = random.nextInt(4) == 0 ? "/api/duplicates/batch" : endpoint.path();
        if (path.startsWith("/api/duplicates")) {
            url = qcurate.queries.url();
        } else {
            url = qcurate.commands.url();
        }
        return new Attempt(
                "oversized body" + (chunked ? " (chunked)" : ""),
                endpoint.method(),
                url + path,
                token(endpoint),
                JSON,
                bytes(body),
                chunked);
    }

    private Attempt invalidUuidInPath(Random random) {
        String[] bad = {
            "not-a-uuid",
            "1",
            "' OR '1'='1",
            "%00",
            "%E2%80%AE",
            "<script>alert(1)</script>",
            "00000000-0000-0000-0000-00000000000g",
            "DROP TABLE question",
            "%F0%9F%98%80",
            "null",
            "-1",
            "{{7*7}}",
            "${jndi:ldap://x/a}"
        };
        String id = bad[random.nextInt(bad.length)];
        String encoded = id.startsWith("%")
                ? id
                : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        String[][] targets = {
            {"C", "POST", "/api/questions/{}/rewordings", "editor", "{\"text\":\"What is a rewording?\"}"},
            {"C", "POST", "/api/questions/{}/tags", "editor", "{\"add\":[\"x\"]}"},
            {"C", "POST", "/api/proposals/{}/approval", "reviewer", "{}"},
            {"C", "POST", "/api/proposals/{}/rejection", "reviewer", "{\"reason\":\"no\"}"},
            {"C", "POST", "/api/lists/{}/entries", "editor", "{\"questionId\":\"" + questionId + "\"}"},
            {"C", "DELETE", "/api/lists/" + listId + "/entries/{}", "editor", null},
            {"Q", "GET", "/api/questions/{}", "reader", null},
            {"Q", "GET", "/api/questions/{}/duplicates", "reader", null},
            {"Q", "GET", "/api/lists/{}", "reader", null}
        };
        String[] target = targets[random.nextInt(targets.length)];
        String base = target[0].equals("C") ? qcurate.commands.url() : qcurate.queries.url();
        return new Attempt(
                "invalid UUID in path",
                target[1],
                base + target[2].replace("{}", encoded),
                TOKENS.get(target[3]),
                target[4] == null ? null : JSON,
                target[4] == null ? null : bytes(target[4]),
                false);
    }

    private Attempt badMethod(Random random, Endpoint endpoint) {
        String[] methods = {"PUT", "PATCH", "DELETE", "GET", "TRACE", "FOO"};
        String method = methods[random.nextInt(methods.length)];
        if (method.equals(endpoint.method())
                || method.equals("GET") && endpoint.path().contains("/admin/users")) {
            method = "PATCH";
        }
        return new Attempt(
                "bad method",
                method,
                qcurate.commands.url() + endpoint.path(),
                token(endpoint),
                JSON,
                bytes(json(endpoint.valid())),
                false);
    }

    private Attempt badContentType(Random random, Endpoint endpoint) {
        String[] types = {
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/octet-stream",
            "text/html",
            "image/png",
            "application/javascript"
        };
        return attempt(
                "bad content type", endpoint, types[random.nextInt(types.length)], bytes(json(endpoint.valid())));
    }

    private Attempt pathTraversal(Random random) {
        String[] paths = {
            "/api/../actuator/env",
            "/api/questions/..%2f..%2factuator%2fenv",
            "/api/%2e%2e/%2e%2e/etc/passwd",
            "/api/questions/..;/..;/actuator/heapdump",
            "/api//questions",
            "/api/questions/%2e%2e/",
            "/api/questions/%252e%252e%252fetc",
            "/actuator/env",
            "/actuator/heapdump",
            "/actuator/loggers",
            "/actuator/shutdown",
            "/api/questions;jsessionid=1",
            "/api/questions/%00",
            "/api/lists/%5C..%5C..%5Cwindows",
            "/WEB-INF/web.xml",
            "/.env",
            "/api/admin/../admin/users",
            "/api/questions/\u202E".replace("\u202E", "%E2%80%AE")
        };
        String path = paths[random.nextInt(paths.length)];
        boolean query = random.nextBoolean();
        String base = query ? qcurate.queries.url() : qcurate.commands.url();
        String method = random.nextBoolean() ? "GET" : "POST";
        if (!query && path.equals("/api/admin/../admin/users")) {
            method = "POST";
        }
        String token = TOKENS.get(random.nextBoolean() ? "admin" : "editor");
        return new Attempt(
                "path traversal",
                method,
                base + path,
                token,
                JSON,
                method.equals("POST") ? bytes("{\"text\":") : null,
                false);
    }

    private Attempt badQueryParameter(Random random) {
        String longText = "x".repeat(201 + random.nextInt(5_000));
        String[] queries = {
            "/api/questions?status=BOGUS",
            "/api/questions?status=ACTIVE%27%3B--",
            "/api/questions?page=-1",
            "/api/questions?size=0",
            "/api/questions?size=abc",
            "/api/questions?size=999999999999",
            "/api/questions?q=" + longText,
            "/api/questions?q=a%00b",
            "/api/questions?tag=%E2%80%AEgat",
            "/api/questions?minPosition=abc",
            "/api/questions?minPosition=-5",
            "/api/questions?minPosition=99999999999999999999999",
            "/api/proposals?status=NOPE",
            "/api/proposals?questionId=' OR 1=1".replace(" ", "%20").replace("'", "%27"),
            "/api/proposals?type=EVERYTHING",
            "/api/proposals?size=100000",
            "/api/questions?q=%1B%5B2J"
        };
        String path = queries[random.nextInt(queries.length)];
        return new Attempt(
                "bad query parameter",
                "GET",
                qcurate.queries.url() + path,
                TOKENS.get(path.startsWith("/api/proposals") ? "editor" : "reader"),
                null,
                null,
                false);
    }

    private Attempt forgedToken(Random random, Endpoint endpoint) {
        String real = TOKENS.get("editor");
        String[] parts = real.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String adminClaims = url.encodeToString(("{\"iss\":\"qcurate\",\"sub\":\"admin\",\"roles\":[\"ADMIN\"],"
                        + "\"iat\":" + (System.currentTimeMillis() / 1000) + ",\"exp\":9999999999}")
                .getBytes(StandardCharsets.UTF_8));
        String[] tokens = {
            null,
            "",
            "garbage",
            parts[0] + "." + adminClaims + "." + parts[2],
            url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + adminClaims + ".",
            url.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "." + adminClaims + "."
                    + parts[2],
            parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA",
            real + "x",
            "Bearer " + real,
            "' OR 1=1 --"
        };
        String token = tokens[random.nextInt(tokens.length)];
        if (endpoint.path().equals("/api/auth/token")) {
            endpoint = endpoints().get(0);
        }
        return new Attempt(
                "forged or missing token",
                endpoint.method(),
                qcurate.commands.url() + endpoint.path(),
                token,
                JSON,
                bytes(json(endpoint.valid())),
                false);
    }

    private Attempt invalidUtf8(Random random, Endpoint endpoint) {
        byte[][] sequences = {
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}
        };
        String body = json(endpoint.valid());
        int quote = body.indexOf("\":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] raw = bytes(body);
        int at = quote < 0 ? 1 : quote + 3;
        out.write(raw, 0, at);
        out.writeBytes(sequences[random.nextInt(sequences.length)]);
        out.write(raw, at, raw.length - at);
        return attempt("invalid UTF-8", endpoint, JSON, out.toByteArray());
    }

    private Attempt jsonShape(Random random, Endpoint endpoint) {
        String valid = json(endpoint.valid());
        String[] shapes = {
            "",
            "null",
            "[]",
            "\"a string\"",
            "42",
            "true",
            "[" + valid + "]",
            valid + " trailing",
            valid + valid,
            "[".repeat(2_000) + "]".repeat(2_000),
            "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500),
            "{\"text\":\"What is this?\",\"text\":{}}"
        };
        return attempt("wrong JSON shape", endpoint, JSON, bytes(shapes[random.nextInt(shapes.length)]));
    }

    // ---- helpers ----

    private Attempt attempt(String category, Endpoint endpoint, String contentType, byte[] body) {
        String base = endpoint.command() ? qcurate.commands.url() : qcurate.queries.url();
        return new Attempt(
                category, endpoint.method(), base + endpoint.path(), token(endpoint), contentType, body, false);
    }

    private static String token(Endpoint endpoint) {
        return endpoint.role() == null ? null : TOKENS.get(endpoint.role());
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String randomText(Random random, int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(max);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String json(Object value) {
        return RawHttp.json(value).replace(LONE_SURROGATE, "\\ud800");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        return body == null ? "" : preview(new String(body, StandardCharsets.UTF_8));
    }

    private static String preview(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
    }

    private long eventCount() throws Exception {
        try (Connection db = DriverManager.getConnection(qcurate.jdbcUrl, "postgres", "");
                ResultSet rows =
                        db.createStatement().executeQuery("SELECT count(*) FROM qcurate_command.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * md5 per read-model table (Stores.checksum, which leaves out the change-feed outbox whose rows a background
     * relay marks as published) and the projected position.
     */
    private Map<String, String> readModelChecksum() {
        Stores stores = new Stores(qcurate);
        Map<String, String> checksums = new TreeMap<>(stores.checksum());
        checksums.put("projection_state", Long.toString(stores.projected()));
        return checksums;
    }
}
