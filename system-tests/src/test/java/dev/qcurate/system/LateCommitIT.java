package dev.qcurate.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event whose transaction commits after the relay gave up its position (a transaction held open for twice the
 * gap timeout, while a later one that took longer than the gap timeout committed first) is found missing on the
 * topic by the reconciliation, republished with its own position and projected exactly once.
 */
class LateCommitIT {

    private static final String GAP_TIMEOUT = "PT2S";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static ScaledSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = ScaledSystem.start(
                "late_commit",
                1,
                Map.of(
                        "QCURATE_RELAY_GAP_TIMEOUT", GAP_TIMEOUT,
                        "QCURATE_RELAY_RECONCILE_SETTLE", "PT1S",
                        // on demand only, so the test sees what the relay alone did
                        "QCURATE_RELAY_RECONCILE_INTERVAL", "PT1H"),
                1);
    }

    @AfterAll
    static void stop() throws Exception {
        system.close();
    }

    @Test
    void anEventCommittedAfterTheRelayGaveUpItsPositionIsRepublishedAndProjectedOnce() throws Exception {
        Client editor = system.as("editor");
        Client admin = system.as("admin");
        Client.Answer template =
                editor.post("/api/questions", Map.of("text", "Which event commits late?", "tags", List.of("gaps")));
        assertThat(template.status()).isEqualTo(202);
        assertThat(editor.read("/api/questions/" + template.text("questionId"), template.position())
                        .status())
                .isEqualTo(200);

        UUID late = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        long latePosition;
        long slowPosition;
        try (Connection lateTx = connection();
                Connection slowTx = connection()) {
            latePosition = insertCopy(lateTx, template.text("questionId"), late, "Committed late?");
            slowPosition = insertCopy(slowTx, template.text("questionId"), slow, "Committed slowly?");
            assertThat(slowPosition).isGreaterThan(latePosition);
            Thread.sleep(3_000); // 1.5 × the gap timeout: the relay reads this event as too old to wait for gaps
            slowTx.commit();
            Thread.sleep(1_000); // the late transaction has now been open for twice the gap timeout
            lateTx.commit();
        }
        assertThat(editor.read("/api/questions/" + slow, slowPosition).status()).isEqualTo(200);
        Thread.sleep(3_000);
        assertThat(TopicRecords.positions(system.topic))
                .as("the relay gave up the late position")
                .contains(slowPosition)
                .doesNotContain(latePosition);

        assertThat(editor.post("/api/admin/relay/reconciliation", Map.of()).status())
                .isEqualTo(403);
        Client.Answer report = admin.post("/api/admin/relay/reconciliation", Map.of());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().path("missing").asInt()).isEqualTo(1);
        assertThat(report.body().path("republished").asInt()).isEqualTo(1);
        assertThat(TopicRecords.positions(system.topic)).contains(latePosition);

        Client.Answer projected = editor.read("/api/questions/" + late, latePosition);
        assertThat(projected.status()).isEqualTo(200);
        assertThat(projected.text("text")).isEqualTo("Committed late?");

        // the same record once more (as a relay retry would send it): still applied once
        republishAgain(latePosition);
        Client.Answer after = editor.post("/api/questions", Map.of("text", "After the repeat?", "tags", List.of()));
        assertThat(editor.read("/api/questions/" + after.text("questionId"), after.position())
                        .status())
                .isEqualTo(200);
        assertThat(editor.query("/api/questions/" + late).body().path("history").size())
                .isEqualTo(1);

        Thread.sleep(1_500); // everything now settled
        Client.Answer again = admin.post("/api/admin/relay/reconciliation", Map.of());
        assertThat(again.body().path("missing").asInt()).isZero();
        assertThat(again.body().path("reconciledTo").asLong()).isGreaterThanOrEqualTo(slowPosition);
        assertThat(admin.get("/api/admin/relay/reconciliation")
                        .body()
                        .path("republishedTotal")
                        .asLong())
                .isEqualTo(1);
    }

    /** A copy of the template question's stored event under new ids and text, inserted in an open transaction. */
    private static long insertCopy(Connection tx, String templateId, UUID newId, String text) throws Exception {
        try (PreparedStatement read = tx.prepareStatement("""
                SELECT type, meta_data, payload, payload_revision, payload_type FROM qcurate_command.domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
            read.setString(1, templateId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                String payload = renumbered(new String(row.getBytes(3), StandardCharsets.UTF_8), templateId, newId)
                        .replace("Which event commits late?", text);
                try (PreparedStatement insert = tx.prepareStatement("""
                        INSERT INTO qcurate_command.domain_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""")) {
                    insert.setString(1, newId.toString());
                    insert.setString(2, row.getString(1));
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, row.getBytes(2));
                    insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                    insert.setString(6, row.getString(4));
                    insert.setString(7, row.getString(5));
                    insert.setString(8, Instant.now().toString());
                    try (ResultSet index = insert.executeQuery()) {
                        index.next();
                        return index.getLong(1);
                    }
                }
            }
        }
    }

    /** The template's question id becomes {@code newId}; every other id in the payload a fresh one. */
    private static String renumbered(String payload, String templateId, UUID newId) {
        Matcher ids = UUID_TEXT.matcher(payload);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            String replacement = ids.group().equals(templateId)
                    ? newId.toString()
                    : UUID.randomUUID().toString();
            ids.appendReplacement(out, replacement);
        }
        return ids.appendTail(out).toString();
    }

    private static void republishAgain(long position) throws Exception {
        ConsumerRecord<byte[], byte[]> original = TopicRecords.all(system.topic).stream()
                .filter(r -> TopicRecords.position(r) == position)
                .findFirst()
                .orElseThrow();
        TopicRecords.republish(system.topic, List.of(original), new ByteArraySerializer());
    }

    private static Connection connection() throws Exception {
        Connection connection = DriverManager.getConnection(system.jdbcUrl, "postgres", "");
        connection.setAutoCommit(false);
        return connection;
    }
}
