package dev.qcurate.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, reading from the event store with a tracking processor (an outbox
 * in all but name). Records of a batch are sent without waiting; before the batch's token is stored, the relay
 * waits for Kafka to acknowledge all of them. If Kafka is down, the batch fails, the token stays, and the same
 * events are sent again later: at-least-once, and consumers deduplicate by {@value #POSITION_HEADER}.
 */
@Component
@ProcessingGroup(KafkaEventRelay.GROUP)
class KafkaEventRelay {

    static final String GROUP = "kafka-publisher";
    /** The event's global index in the event store, as a decimal string: the consistency token of the API. */
    static final String POSITION_HEADER = "qcurate-position";

    private static final String PENDING_ACKS = KafkaEventRelay.class.getName() + ".acks";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final EventTopic topic;

    KafkaEventRelay(Producer<String, byte[]> producer, KafkaMessageConverter<String, byte[]> converter,
                    EventTopic topic) {
        this.producer = producer;
        this.converter = converter;
        this.topic = topic;
    }

    @EventHandler
    void publish(EventMessage<?> event, TrackingToken token) {
        topic.ensureExists();
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(event, topic.name());
        long position = token.position().orElseThrow(() -> new IllegalStateException("untracked event " + event));
        record.headers().add(POSITION_HEADER, Long.toString(position).getBytes(StandardCharsets.UTF_8));
        pendingAcks().add(producer.send(record));
    }

    private List<Future<RecordMetadata>> pendingAcks() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}
