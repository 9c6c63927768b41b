package dev.qcurate.system;

import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline, end to end: an HTTP command on the command service becomes a row in the event store, a
 * record on {@code qcurate.events}, a row in the read model, and an HTTP answer from the query service — with
 * {@code minPosition} instead of sleeping.
 */
class PipelineIT extends AgainstOneSystem {

    PipelineIT() {
        super("pipeline");
    }

    @Test
    void proposedQuestionTravelsFromCommandToEventStoreToKafkaToReadModel() throws Exception {
        Client editor = qcurate.as("editor");
        Client.Answer proposed = editor.post(
                "/api/questions",
                Map.of("text", "What is the difference between a list and a tuple?", "tags", List.of("Python ")));
        assertThat(proposed.status()).isEqualTo(202);
        String questionId = proposed.text("questionId");
        long position = proposed.position();
        assertThat(proposed.body().path("position").asLong()).isEqualTo(position);

        assertThat(storedEventTypes(questionId)).containsExactly("dev.qcurate.shared.question.QuestionProposedEvent");
        assertThat(topicKeys(Duration.ofSeconds(30), questionId)).contains(questionId);

        Client.Answer read = qcurate.as("reader").read("/api/questions/" + questionId, position);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("PROPOSED");
        assertThat(read.text("text")).isEqualTo("What is the difference between a list and a tuple?");
        assertThat(read.body().path("tags").get(0).asText()).isEqualTo("python");
        assertThat(read.body().path("history").get(0).path("actor").asText()).isEqualTo("editor");
    }

    @Test
    void approvalByAnotherReviewerActivatesTheQuestionAndShowsInItsHistory() {
        Client reviewer = qcurate.as("reviewer");
        Client.Answer proposed = reviewer.post("/api/questions", Map.of("text", "What is a Django signal?"));
        String questionId = proposed.text("questionId");
        String proposalId = proposed.text("proposalId");

        Client.Answer own = reviewer.post("/api/proposals/" + proposalId + "/approval", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(own.text("detail")).contains("own proposals");

        Client.Answer approved = qcurate.as("reviewer2").post("/api/proposals/" + proposalId + "/approval", Map.of());
        assertThat(approved.status()).isEqualTo(200);

        Client.Answer read = qcurate.as("reader").read("/api/questions/" + questionId, approved.position());
        assertThat(read.text("status")).isEqualTo("ACTIVE");
        List<String> actors = new ArrayList<>();
        read.body()
                .path("history")
                .forEach(step -> actors.add(step.path("actor").asText()));
        assertThat(actors).containsExactly("reviewer", "reviewer2");
    }

    @Test
    void readsWithoutATokenAreRefused() {
        Client.Answer anonymous = Client.anonymousRead(qcurate.queries.url() + "/api/questions");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private List<String> storedEventTypes(String aggregateId) {
        return stores.strings(
                "SELECT payload_type FROM qcurate_command.domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
                aggregateId);
    }

    private static Set<String> topicKeys(Duration timeout, String wanted) {
        Set<String> keys = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "pipeline-check-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("pipeline.events"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!keys.contains(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                    assertThat(new String(
                                    record.headers()
                                            .lastHeader("axon-message-type")
                                            .value(),
                                    StandardCharsets.UTF_8))
                            .startsWith("dev.qcurate.shared.");
                }
            }
        }
        return keys;
    }
}
