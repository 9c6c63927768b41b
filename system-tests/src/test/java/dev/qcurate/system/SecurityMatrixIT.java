package dev.qcurate.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every endpoint of both services × no token and each role, checked against the running
 * services. "401"/"403" must be exactly that; "ok" means anything but 401 and 403 (the request got past
 * authorization; 2xx, 404 for a made-up id, 409 and so on are all fine). docs/security.md holds this table (DocumentedTablesTest).
 */
class SecurityMatrixIT extends AgainstOneSystem {

    enum Service {
        COMMAND,
        QUERY
    }

    static final List<String> CALLERS = List.of("none", "READER", "EDITOR", "REVIEWER", "ADMIN");

    record Row(Service service, String method, String path, String contentType, String body, String expected) {

        String cell(int caller) {
            return expected.trim().split("\\s+")[caller];
        }
    }

    private static final String JSON = "application/json";
    private static final String Q = UUID.randomUUID().toString();
    private static final String P = UUID.randomUUID().toString();
    private static final String L = UUID.randomUUID().toString();
    private static final String W = UUID.randomUUID().toString();
    private static final String TARGET = "matrix-target";
    private static final AtomicInteger NEW_USERS = new AtomicInteger();

    // spotless:off (one row per line reads as the table it is)
    static final List<Row> MATRIX = List.of(
        row(Service.COMMAND, "POST",   "/api/auth/token",                   JSON, "{\"username\":\"reader\",\"password\":\"" + Qcurate.PASSWORD + "\"}", "ok  ok  ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/api/auth/session",                 null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/.well-known/jwks.json",            null, null,                                              "ok  ok  ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/actuator/health",                  null, null,                                              "ok  ok  ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/actuator/prometheus",              null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/actuator/metrics",                 null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/actuator/info",                    null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/questions",                    JSON, "{\"text\":\"What does the matrix check here?\"}",  "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/questions/{q}/rewordings",     JSON, "{\"text\":\"What does the matrix reword?\"}",      "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/questions/{q}/tags",           JSON, "{\"add\":[\"matrix\"]}",                          "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/questions/{q}/retirement",     JSON, "{\"reason\":\"matrix\"}",                         "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/questions/{q}/unmerge",        JSON, "{}",                                              "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/merges",                       JSON, "{\"sourceId\":\"{q}\",\"targetId\":\"{p}\"}",      "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/questions/{q}/reverts",        JSON, "{\"toRevision\":1}",                            "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/tag-renames",                  JSON, "{\"from\":[\"matrix\"],\"to\":\"matrix-{n}\"}",     "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/approval",       JSON, "{}",                                              "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/rejection",      JSON, "{\"reason\":\"matrix\"}",                         "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/approval",           JSON, "{\"proposalIds\":[\"{p}\"]}",                     "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/claim",          JSON, "{}",                                              "401 403 403 ok  ok"),
        row(Service.COMMAND, "DELETE", "/api/proposals/{p}/claim",          null, null,                                              "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/comments",       JSON, "{\"text\":\"matrix\"}",                           "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/change-request", JSON, "{\"comment\":\"matrix\"}",                        "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/proposals/{p}/amendments",     JSON, "{\"text\":\"What does the matrix amend?\"}",      "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/lists",                        JSON, "{\"name\":\"matrix-{n}\",\"title\":\"Matrix\"}",   "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/lists/{l}/entries",            JSON, "{\"questionId\":\"{q}\"}",                         "401 403 ok  ok  ok"),
        row(Service.COMMAND, "DELETE", "/api/lists/{l}/entries/{q}",        null, null,                                              "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/lists/{l}/entries/{q}/position", JSON, "{\"index\":0}",                                 "401 403 ok  ok  ok"),
        row(Service.COMMAND, "POST",   "/api/lists/{l}/releases",           JSON, "{\"label\":\"v{n}\"}",                            "401 403 403 ok  ok"),
        row(Service.COMMAND, "POST",   "/api/imports?source=matrix.md&list=matrix-import-{n}", "text/markdown", "1. What does the matrix import?\n", "401 403 ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/api/imports/{p}",                  null, null,                                              "401 403 ok  ok  ok"),
        row(Service.COMMAND, "GET",    "/api/admin/relay/reconciliation",   null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/relay/reconciliation",   JSON, "{}",                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/api/admin/users",                  null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/users",                  JSON, "{\"username\":\"matrix-user-{n}\",\"password\":\"a long enough password\",\"roles\":[\"READER\"]}", "401 403 403 403 ok"),
        row(Service.COMMAND, "PUT",    "/api/admin/users/{u}/roles",        JSON, "{\"roles\":[\"READER\",\"EDITOR\"]}",             "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/users/{u}/password",     JSON, "{\"password\":\"another long password\"}",        "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/users/{u}/disable",      null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/users/{u}/enable",       null, null,                                              "401 403 403 403 ok"),
        // webhooks: 192.0.2.1 is TEST-NET-1 (RFC 5737), a public address that nothing answers on
        row(Service.COMMAND, "GET",    "/api/admin/webhooks",               null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/api/admin/webhooks/events",        null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/webhooks",               JSON, "{\"url\":\"https://192.0.2.1/matrix-{n}\",\"events\":[\"proposal.decided\"]}", "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/api/admin/webhooks/{w}",           null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "DELETE", "/api/admin/webhooks/{w}",           null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/webhooks/{w}/secret",    null, null,                                              "401 403 403 403 ok"),
        row(Service.COMMAND, "GET",    "/api/admin/webhooks/{w}/deliveries", null, null,                                             "401 403 403 403 ok"),
        row(Service.COMMAND, "POST",   "/api/admin/webhooks/{w}/deliveries/{w}/resend", null, null,                                  "401 403 403 403 ok"),
        row(Service.QUERY,   "GET",    "/actuator/health",                  null, null,                                              "ok  ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/actuator/prometheus",              null, null,                                              "401 403 403 403 ok"),
        row(Service.QUERY,   "GET",    "/actuator/metrics",                 null, null,                                              "401 403 403 403 ok"),
        row(Service.QUERY,   "GET",    "/api/lists",                        null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/lists/{l}",                    null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/lists/{l}/versions",           null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/lists/{l}/diff?from=1&to=2",   null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/lists/{l}/export?format=csv",  null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/questions?q=matrix",           null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/questions/{q}",                null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/questions/{q}/duplicates",     null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/duplicates?text=matrix",       null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/tags",                         null, null,                                              "401 ok  ok  ok  ok"),
        row(Service.QUERY,   "POST",   "/api/duplicates/batch",             JSON, "{\"items\":[{\"text\":\"What does the matrix check?\"}]}", "401 403 ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/proposals?status=PENDING",     null, null,                                              "401 403 ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/proposals/{p}",                null, null,                                              "401 403 ok  ok  ok"),
        row(Service.QUERY,   "GET",    "/api/admin/rebuild",                null, null,                                              "401 403 403 403 ok"),
        row(Service.QUERY,   "POST",   "/api/admin/rebuild",                JSON, "{}",                                              "401 403 403 403 ok"));
    // spotless:on

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    private static Row row(
            Service service, String method, String path, String contentType, String body, String expected) {
        return new Row(service, method, path, contentType, body, expected);
    }

    SecurityMatrixIT() {
        super("matrix");
    }

    @BeforeAll
    void signInEachRoleAndMakeTheTargetUser() {
        Map<String, String> users =
                Map.of("READER", "reader", "EDITOR", "editor", "REVIEWER", "reviewer", "ADMIN", "admin");
        for (String caller : CALLERS.subList(1, CALLERS.size())) {
            TOKENS.put(caller, RawHttp.signIn(qcurate.commands.url(), users.get(caller), Qcurate.PASSWORD));
        }
        Client.Answer created = admin.post(
                "/api/admin/users",
                Map.of("username", TARGET, "password", "matrix target password", "roles", List.of("READER")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                String token = caller == 0 ? null : TOKENS.get(CALLERS.get(caller));
                String base = row.service() == Service.COMMAND ? qcurate.commands.url() : qcurate.queries.url();
                RawHttp.Answer answer = RawHttp.send(
                        row.method(),
                        base + fill(row.path()),
                        token,
                        row.contentType(),
                        row.body() == null ? null : fill(row.body()));
                String expected = row.cell(caller);
                boolean matches = switch (expected) {
                    case "ok" -> answer.status() != 401 && answer.status() != 403;
                    default -> answer.status() == Integer.parseInt(expected);
                };
                if (!matches) {
                    wrong.add(row.service() + " " + row.method() + " " + row.path() + " as " + CALLERS.get(caller)
                            + ": expected " + expected + ", got " + answer.status() + " " + abbreviate(answer.body()));
                }
            }
        }
        writeMarkdown();
        assertThat(wrong).as("cells that differ from the matrix").isEmpty();
    }

    @Test
    void securityHeadersAreSetAndCorsIsClosed() {
        for (String base : List.of(qcurate.commands.url(), qcurate.queries.url())) {
            RawHttp.Answer answer =
                    RawHttp.send("GET", base + "/api/questions/" + Q, TOKENS.get("READER"), null, (String) null);
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).contains("no-store");

            RawHttp.Answer preflight = RawHttp.preflight(base + "/api/questions", "https://evil.example");
            assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    private static String fill(String template) {
        return template.replace("{q}", Q)
                .replace("{p}", P)
                .replace("{l}", L)
                .replace("{u}", TARGET)
                .replace("{w}", W)
                .replace("{n}", Integer.toString(NEW_USERS.incrementAndGet()));
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** The table in docs/security.md, rendered from {@link #MATRIX}. */
    static String markdown() {
        StringBuilder table = new StringBuilder(
                        "| service | method & path | none | READER | EDITOR | REVIEWER | ADMIN |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row row : MATRIX) {
            table.append("| ")
                    .append(row.service() == Service.COMMAND ? "command" : "query")
                    .append(" | `")
                    .append(row.method())
                    .append(' ')
                    .append(row.path().replace("{n}", "…"))
                    .append("` |");
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                String cell = row.cell(caller);
                table.append(' ').append(cell.equals("ok") ? "✓" : cell).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static void writeMarkdown() throws IOException {
        Path out = Path.of(System.getProperty("qcurate.logs", "target/service-logs"))
                .getParent()
                .resolve("authorization-matrix.md");
        Files.writeString(out, markdown());
    }
}
