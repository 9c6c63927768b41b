package dev.qcurate.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault tests check, read straight from PostgreSQL: the event store, the read model's position, and an md5
 * per read-model table computed exactly like the query service's {@code ReadModelChecksum}.
 */
final class Stores {

    private final String jdbcUrl;

    Stores(Qcurate qcurate) {
        this(qcurate.jdbcUrl);
    }

    Stores(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    long eventStoreHead() {
        return number("SELECT coalesce(max(global_index), 0) FROM qcurate_command.domain_event_entry");
    }

    long projected() {
        return number("SELECT position FROM qcurate_query.projection_state WHERE name = 'read-model'");
    }

    /**
     * Waits until every event in the store has been relayed and projected: none above the read model's position, and
     * none at a position it still has as a gap (a concurrent command that committed after later ones).
     */
    void awaitProjected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = eventStoreHead();
        while (notProjected(head) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(notProjected(head) + " events up to " + head + " not projected after "
                        + timeout + "; read model at " + projected());
            }
            Thread.sleep(200);
        }
    }

    private long notProjected(long head) {
        return number("""
                SELECT count(*) FROM qcurate_command.domain_event_entry e, qcurate_query.projection_state s
                WHERE s.name = 'read-model' AND e.global_index <= ?
                  AND (e.global_index > s.position OR e.global_index = ANY (s.gaps))""", head);
    }

    Map<String, String> checksum() {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : strings("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'qcurate_query' AND table_type = 'BASE TABLE'
                  -- not derived from events: bookkeeping, the published feed, and the model's vectors kept per text
                  AND table_name NOT IN ('flyway_schema_history', 'projection_state', 'list_feed_outbox', 'rebuild_run',
                                         'text_embedding')
                ORDER BY table_name""")) {
            checksums.put(
                    table,
                    strings("SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')"
                                    + " FROM qcurate_query.\"" + table + "\" t")
                            .get(0));
        }
        return checksums;
    }

    /** Rebuilds the read model from the topic (admin endpoint) and answers its checksum once it is complete. */
    Map<String, String> rebuildAndChecksum(Client admin, Duration timeout) throws InterruptedException {
        Client.Answer started = admin.postToQueryService("/api/admin/rebuild", Map.of());
        assertThat(started.status()).as("rebuild: %s", started.body()).isEqualTo(202);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"DONE".equals(admin.query("/api/admin/rebuild").text("state"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rebuild not done after " + timeout);
            }
            Thread.sleep(200);
        }
        awaitProjected(timeout);
        return checksum();
    }

    /** The read model equals one rebuilt from scratch from the topic. */
    void assertEqualsCleanRebuild(Client admin) throws InterruptedException {
        assertEqualsCleanRebuild(admin, Duration.ofSeconds(60));
    }

    /** As {@link #assertEqualsCleanRebuild(Client)}, for a long history or small rebuild batches. */
    void assertEqualsCleanRebuild(Client admin, Duration timeout) throws InterruptedException {
        awaitProjected(timeout);
        Map<String, String> before = checksum();
        assertThat(rebuildAndChecksum(admin, timeout))
                .as("read model after a clean rebuild")
                .isEqualTo(before);
    }

    /**
     * For a failure message: the question's stored events (position, type, time), its history rows in the read model,
     * and at which topic offsets each of its positions is (a position published twice shows twice).
     */
    String traceOf(String questionId, String topic) {
        List<String> stored = strings(
                "SELECT global_index || ' ' || payload_type || ' ' || time_stamp FROM qcurate_command.domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY global_index",
                questionId);
        List<String> history = strings(
                "SELECT position || ' ' || event || ' ' || status FROM qcurate_query.question_history"
                        + " WHERE question_id = ?::uuid ORDER BY position",
                questionId);
        java.util.Set<Long> positions = new java.util.HashSet<>();
        stored.forEach(row -> positions.add(Long.parseLong(row.substring(0, row.indexOf(' ')))));
        List<String> offsets = TopicRecords.all(topic).stream()
                .filter(record -> positions.contains(TopicRecords.position(record)))
                .map(record -> "position " + TopicRecords.position(record) + " at offset " + record.offset())
                .toList();
        return "stored " + stored + "; history " + history + "; on the topic " + offsets;
    }

    long number(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    List<String> strings(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Tagged questions in the read model, with how many history rows each has. */
    Map<String, Long> questionsTagged(String tag) {
        Map<String, Long> questions = new LinkedHashMap<>();
        for (String row : strings(
                "SELECT q.id || ' ' || (SELECT count(*) FROM qcurate_query.question_history h"
                        + " WHERE h.question_id = q.id) FROM qcurate_query.question q WHERE ? = ANY (q.tags)",
                tag)) {
            String[] parts = row.split(" ");
            questions.put(parts[0], Long.parseLong(parts[1]));
        }
        return questions;
    }

    /** Integrity of what commands left behind: nothing half-applied, in the event store or the read model. */
    void assertNoPartialTraces() {
        assertThat(strings("""
                SELECT q.aggregate_identifier FROM qcurate_command.domain_event_entry q
                WHERE q.payload_type = 'dev.qcurate.shared.question.QuestionProposedEvent'
                  AND NOT EXISTS (SELECT 1 FROM qcurate_command.domain_event_entry p
                      WHERE p.aggregate_identifier = convert_from(q.payload, 'UTF8')::jsonb ->> 'proposalId'
                        AND p.payload_type = 'dev.qcurate.shared.proposal.ProposalSubmittedEvent')"""))
                .as("questions in the event store without their proposal")
                .isEmpty();
        assertThat(strings("""
                SELECT p.aggregate_identifier FROM qcurate_command.domain_event_entry p
                WHERE p.payload_type = 'dev.qcurate.shared.proposal.ProposalAppliedEvent'
                  AND convert_from((SELECT s.payload FROM qcurate_command.domain_event_entry s
                       WHERE s.aggregate_identifier = p.aggregate_identifier AND s.sequence_number = 0), 'UTF8')::jsonb
                       -> 'change' ->> 'kind' = 'NEW_QUESTION'
                  AND NOT EXISTS (SELECT 1 FROM qcurate_command.domain_event_entry a
                      WHERE a.payload_type = 'dev.qcurate.shared.question.QuestionAcceptedEvent'
                        AND convert_from(a.payload, 'UTF8')::jsonb ->> 'proposalId' = p.aggregate_identifier)"""))
                .as("applied new-question proposals whose question was not accepted")
                .isEmpty();
        assertThat(strings("""
                SELECT q.id FROM qcurate_query.question q
                WHERE NOT EXISTS (SELECT 1 FROM qcurate_query.proposal p WHERE p.id = q.proposal_id)
                   OR (q.status = 'ACTIVE' AND q.merged_into IS NOT NULL)
                   OR (q.status = 'MERGED' AND NOT EXISTS (SELECT 1 FROM qcurate_query.question t
                       WHERE t.id = q.merged_into AND t.status = 'ACTIVE'))"""))
                .as("read-model questions without proposal, or in an impossible state")
                .isEmpty();
    }
}
