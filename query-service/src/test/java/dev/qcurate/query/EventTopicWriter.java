package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    record Written(String key, Object payload, long position, String actor, Instant at) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ObjectMapper json;
    private final List<Written> written = new ArrayList<>();
    private long position;

    EventTopicWriter(String bootstrapServers, String topic, ObjectMapper json) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.json = json;
    }

    long write(Object aggregateId, Object payload, String actor) {
        Written event = new Written(aggregateId.toString(), payload, ++position, actor, Instant.now());
        written.add(event);
        send(event);
        return position;
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
            var record = new ProducerRecord<>(topic, event.key(), json.writeValueAsBytes(event.payload()));
            record.headers().add("axon-message-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("axon-message-type", event.payload().getClass().getName().getBytes(StandardCharsets.UTF_8));
            record.headers().add("axon-message-revision", "1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("axon-message-timestamp",
                    ByteBuffer.allocate(8).putLong(event.at().toEpochMilli()).array());
            record.headers().add("axon-metadata-actor", event.actor().getBytes(StandardCharsets.UTF_8));
            record.headers().add("qcurate-position", Long.toString(event.position()).getBytes(StandardCharsets.UTF_8));
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
