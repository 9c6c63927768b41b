package dev.qcurate.query;

import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.query.projection.ReadModelChecksum;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.*;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

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

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("redelivery");

    @Autowired
    ReadModelChecksum checksum;

    /** One writer for the class: positions keep growing across the tests, as they do on the real topic. */
    private final EventTopicWriter topic = STACK.topic();

    @Test
    void deliveringTheSameEventsTwiceChangesNothing() throws Exception {
        QuestionId question = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        ProposalId rewording = ProposalId.random();
        topic.submittedNew(question, proposal, "What is a generator?", List.of("python"), null, "editor");
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

        Map<String, Object> view = STACK.question(question, last);
        assertThat(view)
                .containsEntry("status", "ACTIVE")
                .containsEntry("revision", 2)
                .containsEntry("text", "What is a Python generator?");
        assertThat((List<?>) view.get("history")).hasSize(3);
        Map<String, String> before = checksum.compute();

        topic.replayAll();
        awaitConsumed(Duration.ofSeconds(30));

        assertThat(checksum.compute()).isEqualTo(before);
        assertThat((List<?>) STACK.question(question, last).get("history")).hasSize(3);
    }

    @Test
    void eventsArrivingOutOfPositionOrderAreAppliedOnceEach() throws Exception {
        QuestionId early = QuestionId.random();
        QuestionId late = QuestionId.random();
        long earlyPosition = topic.reserve();
        long latePosition = topic.write(late, proposed(late, "What is a decorator?"), "editor");
        assertThat(STACK.question(late, latePosition)).containsEntry("text", "What is a decorator?");
        assertThat(STACK.get("/api/questions/" + early, "READER", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // the read model is past earlyPosition, yet waiting for it must wait for its event, not answer at once
        CompletableFuture<Map<String, Object>> waiting =
                CompletableFuture.supplyAsync(() -> STACK.question(early, earlyPosition));
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

    /** Waits until the read model's consumer group has committed the end of the topic. */
    private static void awaitConsumed(Duration timeout) throws Exception {
        TopicPartition partition = new TopicPartition(STACK.topicName(), 0);
        try (Admin admin = Admin.create(
                Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .all()
                    .get()
                    .get(partition)
                    .offset();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(STACK.group())
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
