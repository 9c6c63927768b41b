package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.query.projection.ReadModelChecksum;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.*;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection applies each event once: delivering the same events again leaves the read model unchanged, and
 * events that arrive out of position order (a command that took its position first but committed last) are applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedeliveryIT {

    private static final String TOPIC = QueryServiceStack.topic("redelivery");
    private static final String GROUP = QueryServiceStack.group("redelivery");
    private static final TestTokens TOKENS = QueryServiceStack.tokens();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        QueryServiceStack.register(registry, "redelivery", TOKENS);
    }

    private static EventTopicWriter topic;

    @AfterAll
    static void close() throws Exception {
        TOKENS.close();
        if (topic != null) {
            topic.close();
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReadModelChecksum checksum;

    /** One writer for the class: positions keep growing across the tests, as they do on the real topic. */
    @BeforeEach
    void openTopic() {
        if (topic == null) {
            topic = new EventTopicWriter(TestInfrastructure.kafka().bootstrapServers(), TOPIC, json);
        }
    }

    @Test
    void deliveringTheSameEventsTwiceChangesNothing() throws Exception {
        QuestionId question = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        ProposalId rewording = ProposalId.random();
        topic.write(
                question,
                new QuestionProposedEvent(
                        question, proposal, "What is a generator?", List.of("python"), null, "editor"),
                "editor");
        topic.write(
                proposal,
                new ProposalSubmittedEvent(
                        proposal,
                        new ProposedChange.NewQuestion(question, "What is a generator?", List.of("python"), null, null),
                        "editor",
                        1,
                        List.of()),
                "editor");
        topic.write(proposal, new ProposalApprovalRecordedEvent(proposal, "reviewer", 1, 1), "reviewer");
        topic.write(question, new QuestionAcceptedEvent(question, proposal), "reviewer");
        topic.write(proposal, new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
        topic.write(
                rewording,
                new ProposalSubmittedEvent(
                        rewording,
                        new ProposedChange.Rewording(question, "What is a Python generator?", 1),
                        "editor2",
                        1,
                        List.of()),
                "editor2");
        long last = topic.write(
                question,
                new QuestionRewordedEvent(
                        question, rewording, 2, "What is a Python generator?", "What is a generator?", "editor2"),
                "reviewer2");

        Map<String, Object> view = read(question, last);
        assertThat(view)
                .containsEntry("status", "ACTIVE")
                .containsEntry("revision", 2)
                .containsEntry("text", "What is a Python generator?");
        assertThat((List<?>) view.get("history")).hasSize(3);
        Map<String, String> before = checksum.compute();

        topic.replayAll();
        awaitConsumed(Duration.ofSeconds(30));

        assertThat(checksum.compute()).isEqualTo(before);
        assertThat((List<?>) read(question, last).get("history")).hasSize(3);
    }

    @Test
    void eventsArrivingOutOfPositionOrderAreAppliedOnceEach() throws Exception {
        QuestionId early = QuestionId.random();
        QuestionId late = QuestionId.random();
        long earlyPosition = topic.reserve();
        long latePosition = topic.write(late, proposed(late, "What is a decorator?"), "editor");
        assertThat(read(late, latePosition)).containsEntry("text", "What is a decorator?");
        assertThat(get("/api/questions/" + early).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the read model is past earlyPosition, yet waiting for it must wait for its event, not answer at once
        CompletableFuture<Map<String, Object>> waiting =
                CompletableFuture.supplyAsync(() -> read(early, earlyPosition));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        topic.writeAt(earlyPosition, early, proposed(early, "What is a context manager?"), "editor");
        assertThat(waiting.get(30, TimeUnit.SECONDS)).containsEntry("text", "What is a context manager?");

        Map<String, String> before = checksum.compute();
        topic.replayAll();
        awaitConsumed(Duration.ofSeconds(30));
        assertThat(checksum.compute()).isEqualTo(before);
    }

    private static QuestionProposedEvent proposed(QuestionId question, String text) {
        return new QuestionProposedEvent(question, ProposalId.random(), text, List.of("python"), null, "editor");
    }

    private ResponseEntity<Map> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.token("reader", "READER"));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    private Map<String, Object> read(QuestionId question, long position) {
        ResponseEntity<Map> answer = get("/api/questions/" + question + "?minPosition=" + position);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Waits until the read model's consumer group has committed the end of the topic. */
    private static void awaitConsumed(Duration timeout) throws Exception {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .all()
                    .get()
                    .get(partition)
                    .offset();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                if (committed != null && committed.offset() >= end) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the read model did not consume the redelivered events within " + timeout);
        }
    }
}
