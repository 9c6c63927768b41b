package dev.qcurate.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users managed by admins as events: a disabled user's tokens stop working on both services at once, role changes
 * and password resets void older tokens, the audit trail names the admin and holds no password, and repeated
 * failed sign-ins are locked out.
 */
class UserAdministrationIT extends AgainstOneSystem {

    private static final String JSON = "application/json";
    private String adminToken;

    UserAdministrationIT() {
        super("users");
    }

    @BeforeAll
    void signInTheAdmin() {
        adminToken = RawHttp.signIn(qcurate.commands.url(), "admin", Qcurate.PASSWORD);
    }

    @Test
    void disabledUsersTokenIsRefusedByBothServicesOnceTheDisablingIsProjected() throws Exception {
        register("carol", "blue harbour lantern", "EDITOR");
        String carol = RawHttp.signIn(qcurate.commands.url(), "carol", "blue harbour lantern");
        assertThat(propose(carol).status()).isEqualTo(202);
        assertThat(query(carol, "/api/questions", 0).status()).isEqualTo(200);

        long started = System.nanoTime();
        RawHttp.Answer disabled = command("POST", "/api/admin/users/carol/disable", adminToken, null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        long position = Long.parseLong(disabled.header("X-Qcurate-Position"));

        RawHttp.Answer refusedByCommands = propose(carol);
        assertThat(refusedByCommands.status()).isEqualTo(401);
        assertThat(refusedByCommands.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(query(adminToken, "/api/questions", position).status()).isEqualTo(200);
        assertThat(query(carol, "/api/questions", 0).status()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        assertThat(signIn("carol", "blue harbour lantern").status()).isEqualTo(401);

        awaitNextSecond();
        RawHttp.Answer enabled = command("POST", "/api/admin/users/carol/enable", adminToken, null);
        assertThat(enabled.status()).isEqualTo(200);
        query(adminToken, "/api/questions", Long.parseLong(enabled.header("X-Qcurate-Position")));
        assertThat(propose(carol).status())
                .as("a token from before the disabling stays void")
                .isEqualTo(401);
        assertThat(query(carol, "/api/questions", 0).status()).isEqualTo(401);
        awaitNextSecond();
        String fresh = RawHttp.signIn(qcurate.commands.url(), "carol", "blue harbour lantern");
        assertThat(propose(fresh).status()).isEqualTo(202);
        assertThat(query(fresh, "/api/questions", 0).status()).isEqualTo(200);
    }

    @Test
    void roleChangeAndPasswordResetVoidOlderTokensOnBothServices() throws Exception {
        register("dave", "quiet meadow compass", "READER");
        String before = RawHttp.signIn(qcurate.commands.url(), "dave", "quiet meadow compass");
        assertThat(propose(before).status()).isEqualTo(403);
        awaitNextSecond();

        RawHttp.Answer changed = command("PUT", "/api/admin/users/dave/roles", adminToken, "{\"roles\":[\"EDITOR\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        query(adminToken, "/api/questions", Long.parseLong(changed.header("X-Qcurate-Position")));
        assertThat(propose(before).status()).isEqualTo(401);
        assertThat(query(before, "/api/questions", 0).status()).isEqualTo(401);
        String editor = RawHttp.signIn(qcurate.commands.url(), "dave", "quiet meadow compass");
        assertThat(propose(editor).status()).isEqualTo(202);
        awaitNextSecond();

        RawHttp.Answer reset = command(
                "POST", "/api/admin/users/dave/password", adminToken, "{\"password\":\"lucky orbit teapot 7\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        query(adminToken, "/api/questions", Long.parseLong(reset.header("X-Qcurate-Position")));
        assertThat(propose(editor).status()).isEqualTo(401);
        assertThat(query(editor, "/api/questions", 0).status()).isEqualTo(401);
        assertThat(signIn("dave", "quiet meadow compass").status()).isEqualTo(401);
        assertThat(signIn("dave", "lucky orbit teapot 7").status()).isEqualTo(200);
    }

    @Test
    void adminActionsAreEventsWithTheAdminAsActorAndNoPassword() throws Exception {
        register("frank", "amber window falcon", "READER");
        command("POST", "/api/admin/users/frank/disable", adminToken, null);
        List<String[]> events = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(qcurate.jdbcUrl, "postgres", "");
                ResultSet rows = db.createStatement().executeQuery("""
                     SELECT payload_type, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8')
                     FROM qcurate_command.domain_event_entry WHERE aggregate_identifier = 'user:frank'
                     ORDER BY sequence_number""")) {
            while (rows.next()) {
                events.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        assertThat(events)
                .extracting(e -> e[0])
                .containsExactly(
                        "dev.qcurate.shared.user.UserRegisteredEvent", "dev.qcurate.shared.user.UserDisabledEvent");
        assertThat(events).allSatisfy(e -> {
            assertThat(e[2]).contains("\"actor\":\"admin\"");
            assertThat(e[1]).doesNotContain("password").doesNotContain("$2a$").doesNotContain("window");
        });
    }

    @Test
    void adminInputIsCheckedAndOnlyAdminsMayManageUsers() {
        assertThat(command("POST", "/api/admin/users", adminToken, user("gina", "short", "READER"))
                        .status())
                .isEqualTo(400);
        RawHttp.Answer sameAsName =
                command("POST", "/api/admin/users", adminToken, user("gina-the-user", "gina-the-user", "READER"));
        assertThat(sameAsName.status()).isEqualTo(400);
        assertThat(sameAsName.json().path("detail").asText()).contains("username");
        RawHttp.Answer unknownRole =
                command("POST", "/api/admin/users", adminToken, user("gina", "olive thunder parcel", "SUPERUSER"));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().path("detail").asText()).contains("SUPERUSER");
        assertThat(command("POST", "/api/admin/users", adminToken, user("gi\u202Ena", "olive thunder parcel", "READER"))
                        .status())
                .isEqualTo(400);
        assertThat(command("POST", "/api/admin/users", adminToken, user("admin", "copper garden violin", "READER"))
                        .status())
                .isEqualTo(409);
        assertThat(command("POST", "/api/admin/users/editor/disable", adminToken, null)
                        .status())
                .as("dev users are not managed by events")
                .isEqualTo(409);
        assertThat(command("POST", "/api/admin/users/nobody-here/disable", adminToken, null)
                        .status())
                .isEqualTo(404);
        String reader = RawHttp.signIn(qcurate.commands.url(), "reader", Qcurate.PASSWORD);
        assertThat(command("POST", "/api/admin/users", reader, user("gina", "olive thunder parcel", "READER"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void repeatedFailedSignInsAreLockedOutWith429() {
        register("erin", "silver canyon ribbon", "READER");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("erin", "wrong password " + i).status()).isEqualTo(401);
        }
        RawHttp.Answer locked = signIn("erin", "silver canyon ribbon");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(locked.json().path("detail").asText()).contains("too many failed sign-ins");
        // other users are not affected by erin's lock
        assertThat(signIn("reader", Qcurate.PASSWORD).status()).isEqualTo(200);
    }

    private void register(String username, String password, String role) {
        RawHttp.Answer created = command("POST", "/api/admin/users", adminToken, user(username, password, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String user(String username, String password, String role) {
        return RawHttp.json(Map.of("username", username, "password", password, "roles", List.of(role)));
    }

    private RawHttp.Answer propose(String token) {
        return command("POST", "/api/questions", token, "{\"text\":\"Which token is still valid here?\"}");
    }

    private RawHttp.Answer signIn(String username, String password) {
        return RawHttp.send(
                "POST",
                qcurate.commands.url() + "/api/auth/token",
                null,
                JSON,
                RawHttp.json(Map.of("username", username, "password", password)));
    }

    private RawHttp.Answer command(String method, String path, String token, String body) {
        return RawHttp.send(method, qcurate.commands.url() + path, token, body == null ? null : JSON, body);
    }

    private RawHttp.Answer query(String token, String path, long minPosition) {
        return RawHttp.send(
                "GET", qcurate.queries.url() + path + "?minPosition=" + minPosition, token, null, (String) null);
    }

    /** Token times are whole seconds; a change in a later second than the token is what voids it. */
    private static void awaitNextSecond() throws InterruptedException {
        Thread.sleep(1_100 - System.currentTimeMillis() % 1_000);
    }
}
