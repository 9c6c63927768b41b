package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.SourceRef;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes contract events to the topic exactly as the command service's relay does (payload JSON + headers). */
final class EventTopicWriter implements AutoCloseable {

    record Written(String key, Object payload, long position, String actor, Instant at) {}

    /**
     * Event types past revision 1, as their {@code @Revision} says (Axon, which defines that annotation, is not on the
     * query service's class path, so it cannot be read here).
     */
    private static final Map<Class<?>, String> REVISIONS = Map.of(QuestionProposedEvent.class, "2");

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ObjectMapper json;
    private final List<Written> written = new ArrayList<>();
    private long position;

    EventTopicWriter(String bootstrapServers, String topic, ObjectMapper json) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
        this.json = json;
    }

    long write(Object aggregateId, Object payload, String actor) {
        return writeAt(reserve(), aggregateId, payload, actor);
    }

    /** Takes the next position without writing it yet: a command that has not committed. */
    long reserve() {
        return ++position;
    }

    /** Writes at a {@link #reserve reserved} position, as the relay publishes a command that committed late. */
    long writeAt(long reserved, Object aggregateId, Object payload, String actor) {
        return writeAt(reserved, aggregateId, payload, actor, Instant.now());
    }

    /** Writes with a given event time, e.g. several events of one command within the same millisecond. */
    long writeAt(long reserved, Object aggregateId, Object payload, String actor, Instant at) {
        Written event = new Written(aggregateId.toString(), payload, reserved, actor, at);
        written.add(event);
        send(event);
        return reserved;
    }

    /** Writes a record whose JSON is given as is, e.g. an older revision of an event type. */
    long writeRaw(String key, String type, String revision, String payloadJson, String actor) {
        Written event = new Written(key, new Raw(type, revision, payloadJson), ++position, actor, Instant.now());
        written.add(event);
        send(event);
        return position;
    }

    private record Raw(String type, String revision, String json) {}

    /** A question proposed by an editor (not yet accepted); the proposal's position. */
    long proposed(QuestionId id, String text, List<String> tags) {
        return write(id, new QuestionProposedEvent(id, ProposalId.random(), text, tags, null, "editor"), "editor");
    }

    /** A question proposed and accepted, as the command side writes it; the acceptance's position. */
    long accepted(QuestionId id, String text) {
        return accepted(id, ProposalId.random(), text, List.of());
    }

    long accepted(QuestionId id, ProposalId proposal, String text, List<String> tags) {
        write(id, new QuestionProposedEvent(id, proposal, text, tags, null, "editor"), "editor");
        return write(id, new QuestionAcceptedEvent(id, proposal), "reviewer");
    }

    /** A new question proposed and its proposal submitted for review; the submission's position. */
    long submittedNew(
            QuestionId id, ProposalId proposal, String text, List<String> tags, SourceRef source, String proposer) {
        write(id, new QuestionProposedEvent(id, proposal, text, tags, source, proposer), proposer);
        return write(
                proposal,
                new ProposalSubmittedEvent(
                        proposal, new ProposedChange.NewQuestion(id, text, tags, source, null), proposer, 1, List.of()),
                proposer);
    }

    /** Sends everything written so far once more, as a redelivery or replay would. */
    void replayAll() {
        written.forEach(this::send);
        producer.flush();
    }

    long position() {
        return position;
    }

    private void send(Written event) {
        try {
            byte[] value;
            String type;
            String revision;
            if (event.payload() instanceof Raw raw) {
                value = raw.json().getBytes(StandardCharsets.UTF_8);
                type = raw.type();
                revision = raw.revision();
            } else {
                value = json.writeValueAsBytes(event.payload());
                type = event.payload().getClass().getName();
                revision = REVISIONS.getOrDefault(event.payload().getClass(), "1");
            }
            var record = new ProducerRecord<>(topic, event.key(), value);
            record.headers().add("axon-message-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("axon-message-type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("axon-message-revision", revision.getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add(
                            "axon-message-timestamp",
                            ByteBuffer.allocate(8)
                                    .putLong(event.at().toEpochMilli())
                                    .array());
            record.headers().add("axon-metadata-actor", event.actor().getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add("qcurate-position", Long.toString(event.position()).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
