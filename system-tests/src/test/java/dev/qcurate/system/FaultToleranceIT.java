package dev.qcurate.system;

import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the real parts while clients keep sending commands: the broker stopped, each service killed
 * with SIGKILL, the topic replayed and partly re-delivered out of order. After each, every acknowledged change must be
 * in the event store and in the read model exactly once, and the read model must equal a clean rebuild from the topic.
 */
@Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class FaultToleranceIT extends AgainstOneSystem {

    FaultToleranceIT() {
        super("faults");
    }

    @Override
    void stopTheSystem() throws Exception {
        TestInfrastructure.kafka().start(); // in case a test failed while it was down
        super.stopTheSystem();
    }

    @Test
    void brokerStoppedDuringAStreamOfCommandsLosesAndDoublesNothing() throws Exception {
        String tag = "kafka-outage";
        Load load = new Load(editor, reviewer, tag, 3);
        try (load) {
            Thread.sleep(1_500);
            TestInfrastructure.kafka().stop();
            int before = load.status(202);
            Thread.sleep(6_000);
            assertThat(load.status(202))
                    .as("proposals accepted while Kafka is down")
                    .isGreaterThan(before);
            TestInfrastructure.kafka().start();
            Thread.sleep(1_000);
        }
        assertEveryAcknowledgedChangeArrivedOnce(stores, load, tag, true);
        assertTopicHoldsEveryStoredEvent();
        stores.assertEqualsCleanRebuild(admin);
    }

    @Test
    void queryServiceKilledMidBatchResumesWhereItWas() throws Exception {
        String tag = "query-killed";
        Load load = new Load(editor, reviewer, tag, 3);
        try (load) {
            Thread.sleep(2_000);
            qcurate.queries.kill();
            Thread.sleep(1_500);
            qcurate.queries.start();
            Thread.sleep(1_000);
        }
        assertEveryAcknowledgedChangeArrivedOnce(stores, load, tag, true);
        stores.assertEqualsCleanRebuild(admin);
    }

    @Test
    void commandServiceKilledMidLoadKeepsEveryAcknowledgedCommandAndNoHalfOfAnyOther() throws Exception {
        String tag = "command-killed";
        Load load = new Load(editor, reviewer, tag, 4);
        try {
            Thread.sleep(2_500);
            qcurate.commands.kill();
        } finally {
            load.close();
        }
        qcurate.commands.start();
        assertThat(load.acknowledged).isNotEmpty();
        assertEveryAcknowledgedChangeArrivedOnce(stores, load, tag, false);
        stores.assertNoPartialTraces();
        stores.assertEqualsCleanRebuild(admin);
    }

    @Test
    void replayFromTheStartAndOutOfOrderRedeliveryChangeNothing() throws Exception {
        try (Load load = new Load(editor, reviewer, "replayed", 2)) {
            Thread.sleep(1_500);
        }
        stores.awaitProjected(Duration.ofSeconds(60));
        Map<String, String> before = stores.checksum();
        long position = stores.projected();

        qcurate.queries.stop(); // offsets of a group can only be reset while it has no members
        try (Admin kafka = admin()) {
            TopicPartition partition = new TopicPartition(qcurate.topic, 0);
            kafka.alterConsumerGroupOffsets(qcurate.consumerGroup, Map.of(partition, new OffsetAndMetadata(0)))
                    .all()
                    .get();
            // the read model goes on from its own stored offset, so that is what a replay from the start resets
            stores.execute("UPDATE qcurate_query.projection_state SET next_offset = 0");
            republishReversed(partition, 20);
            qcurate.queries.start();
            long end = kafka.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .all()
                    .get()
                    .get(partition)
                    .offset();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (committedOffset(kafka, partition) < end) {
                assertThat(System.nanoTime())
                        .as("consumer group reached the end of the topic")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        assertThat(stores.projected()).isEqualTo(position);
        assertThat(stores.checksum()).isEqualTo(before);
    }

    @Test
    void recordsAGroupOffsetSkipsAreReadFromTheReadModelsOwnOffset() throws Exception {
        stores.awaitProjected(Duration.ofSeconds(60));
        qcurate.queries.stop();
        String text = "Which records does a consumer group offset set too far skip?";
        Client.Answer proposed = editor.post("/api/questions", Map.of("text", text, "tags", List.of("skipped")));
        assertThat(proposed.status()).isEqualTo(202);
        try (Admin kafka = admin()) {
            TopicPartition partition = new TopicPartition(qcurate.topic, 0);
            long published = TopicRecords.positions(qcurate.topic).indexOf(proposed.position());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (published < 0) {
                assertThat(System.nanoTime())
                        .as("the relay publishes the proposal")
                        .isLessThan(deadline);
                Thread.sleep(200);
                published = TopicRecords.positions(qcurate.topic).indexOf(proposed.position());
            }
            long end = kafka.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .all()
                    .get()
                    .get(partition)
                    .offset();
            // as if a consumer had fetched and dropped the proposal's record, and committed past it
            kafka.alterConsumerGroupOffsets(qcurate.consumerGroup, Map.of(partition, new OffsetAndMetadata(end)))
                    .all()
                    .get();
        }
        qcurate.queries.start();

        stores.awaitProjected(Duration.ofSeconds(60));
        assertThat(stores.strings("SELECT status FROM qcurate_query.question WHERE text = ?", text))
                .containsExactly("PROPOSED");
    }

    @Test
    void revisionOneEventsInTheStoreAreUpcastForAggregatesAndForTheTopic() throws Exception {
        String questionId = UUID.randomUUID().toString();
        String proposalId = UUID.randomUUID().toString();
        String proposedV1 = "{\"questionId\":\"" + questionId + "\",\"proposalId\":\"" + proposalId + "\","
                + "\"text\":\"What did revision one look like?\",\"tags\":[\"legacy\"],\"source\":null,"
                + "\"proposedBy\":\"editor\"}";
        storeEvent(questionId, 0, "dev.qcurate.shared.question.QuestionProposedEvent", "1", proposedV1);
        storeEvent(
                questionId,
                1,
                "dev.qcurate.shared.question.QuestionAcceptedEvent",
                "1",
                "{\"questionId\":\"" + questionId + "\",\"proposalId\":\"" + proposalId + "\"}");

        // the aggregate loads through the Axon upcaster: a tag change on it is accepted
        Client.Answer tags = editor.post(
                "/api/questions/" + questionId + "/tags", Map.of("add", List.of("upcast"), "remove", List.of()));
        assertThat(tags.status()).as("%s", tags.body()).isEqualTo(202);

        // the relay published it as revision 2, and the query service projected it
        Client.Answer read = qcurate.as("reader").read("/api/questions/" + questionId, tags.position());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("ACTIVE");
        assertThat(read.text("text")).isEqualTo("What did revision one look like?");
        ConsumerRecord<String, byte[]> relayed = firstRecordOf(questionId);
        assertThat(header(relayed, "axon-message-revision")).isEqualTo("2");
        assertThat(new String(relayed.value(), StandardCharsets.UTF_8)).contains("\"language\":\"und\"");
    }

    /**
     * A command that took its position first but commits last (held open here in a plain transaction) is published
     * after later commands, under its own position, and the read model applies it rather than skipping it as old.
     */
    @Test
    void anEventCommittedAfterLaterOnesIsPublishedUnderItsOwnPositionAndProjected() throws Exception {
        String lateId = UUID.randomUUID().toString();
        String proposed = "{\"questionId\":\"" + lateId + "\",\"proposalId\":\"" + UUID.randomUUID() + "\","
                + "\"text\":\"What commits last although it started first?\",\"tags\":[\"late\"],\"source\":null,"
                + "\"language\":\"en\",\"proposedBy\":\"editor\"}";
        long latePosition;
        try (Connection held = DriverManager.getConnection(qcurate.jdbcUrl, "postgres", "")) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("INSERT INTO qcurate_command.domain_event_entry"
                    + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                    + " payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Question', ?, ?, ?, '2', ?, ?)"
                    + " RETURNING global_index")) {
                insert.setString(1, lateId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{\"actor\":\"editor\"}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, proposed.getBytes(StandardCharsets.UTF_8));
                insert.setString(5, "dev.qcurate.shared.question.QuestionProposedEvent");
                insert.setString(6, Instant.now().toString());
                try (var result = insert.executeQuery()) {
                    result.next();
                    latePosition = result.getLong(1);
                }
            }
            Client.Answer later = editor.post(
                    "/api/questions",
                    Map.of("text", "What commits first although it" + " started last?", "tags", List.of("late")));
            assertThat(later.status()).isEqualTo(202);
            assertThat(later.position()).isGreaterThan(latePosition);
            assertThat(qcurate.as("reader")
                            .read("/api/questions/" + later.text("questionId"), later.position())
                            .status())
                    .isEqualTo(200);
            held.commit();
        }

        Client.Answer late = qcurate.as("reader").read("/api/questions/" + lateId, latePosition);
        assertThat(late.status()).as("%s", late.body()).isEqualTo(200);
        assertThat(late.text("text")).isEqualTo("What commits last although it started first?");
        assertThat(header(firstRecordOf(lateId), "qcurate-position")).isEqualTo(Long.toString(latePosition));
    }

    /**
     * Every acknowledged proposal is in the read model (approved ones ACTIVE), the read model holds exactly the tagged
     * questions of the event store, and each has one history row per stored event: nothing lost, nothing doubled.
     */
    static void assertEveryAcknowledgedChangeArrivedOnce(
            Stores stores, Load load, String tag, boolean everyRequestAnswered) throws InterruptedException {
        stores.awaitProjected(Duration.ofSeconds(60));
        Map<String, Long> projected = stores.questionsTagged(tag);
        List<String> missing = new ArrayList<>(load.acknowledged.keySet());
        missing.removeAll(projected.keySet());
        assertThat(missing)
                .as("acknowledged proposals missing from the read model")
                .isEmpty();
        load.acknowledged.forEach((question, approved) -> {
            if (approved) {
                assertThat(projected.get(question))
                        .as("history of approved %s", question)
                        .isEqualTo(2);
            }
        });
        String like = "%\"" + tag + "\"%";
        long stored = stores.number(
                "SELECT count(*) FROM qcurate_command.domain_event_entry WHERE payload_type ="
                        + " 'dev.qcurate.shared.question.QuestionProposedEvent' AND convert_from(payload, 'UTF8') LIKE ?",
                like);
        assertThat(projected)
                .as("questions in the read model vs the event store")
                .hasSize((int) stored);
        long storedSteps = stores.number(
                "SELECT count(*) FROM qcurate_command.domain_event_entry e"
                        + " WHERE e.aggregate_identifier IN (SELECT aggregate_identifier FROM qcurate_command.domain_event_entry"
                        + " WHERE payload_type = 'dev.qcurate.shared.question.QuestionProposedEvent'"
                        + " AND convert_from(payload, 'UTF8') LIKE ?)",
                like);
        assertThat(projected.values().stream().mapToLong(Long::longValue).sum())
                .as("history rows (one per question event, never doubled)")
                .isEqualTo(storedSteps);
        if (everyRequestAnswered) {
            assertThat(load.unanswered.get()).as("requests without an answer").isZero();
            assertThat(projected.keySet())
                    .as("nothing but the acknowledged proposals")
                    .containsExactlyInAnyOrderElementsOf(load.acknowledged.keySet());
        }
    }

    private void assertTopicHoldsEveryStoredEvent() throws Exception {
        long head = stores.eventStoreHead();
        List<String> positions = new ArrayList<>();
        try (var consumer = consumer()) {
            TopicPartition partition = new TopicPartition(qcurate.topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record -> positions.add(header(record, "qcurate-position")));
            }
        }
        List<String> stored = stores.strings(
                "SELECT global_index::text FROM qcurate_command.domain_event_entry"
                        + " WHERE global_index <= ? ORDER BY global_index",
                head);
        assertThat(positions.stream().distinct().toList())
                .as("topic positions, duplicates removed")
                .containsAll(stored);
    }

    private void republishReversed(TopicPartition partition, int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (records.size() < count) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        Collections.reverse(records);
        TopicRecords.republish(qcurate.topic, records, new StringSerializer());
    }

    private long committedOffset(Admin kafka, TopicPartition partition) throws Exception {
        OffsetAndMetadata committed = kafka.listConsumerGroupOffsets(qcurate.consumerGroup)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(partition);
        return committed == null ? -1 : committed.offset();
    }

    private void storeEvent(String aggregateId, int sequence, String type, String revision, String payload) {
        stores.execute(
                "INSERT INTO qcurate_command.domain_event_entry (aggregate_identifier, sequence_number, type,"
                        + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                        + " VALUES (?, ?, 'Question', ?, ?, ?, ?, ?, ?)",
                aggregateId,
                sequence,
                UUID.randomUUID().toString(),
                "{\"actor\":\"editor\"}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8),
                revision,
                type,
                Instant.now().toString());
    }

    private ConsumerRecord<String, byte[]> firstRecordOf(String key) {
        try (var consumer = consumer()) {
            TopicPartition partition = new TopicPartition(qcurate.topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + qcurate.topic);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return TopicRecords.consumer(new StringDeserializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
