package dev.qcurate.command.publishing;

import dev.qcurate.shared.TopicHeaders;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, reading from the event store with a tracking processor (an outbox
 * in all but name). Records of a batch are sent together; before the batch's token is stored, the relay waits for
 * Kafka to acknowledge all of them. If Kafka is down, the batch fails, the token stays, and the same events are sent
 * again later: at-least-once, and consumers deduplicate by {@value TopicHeaders#POSITION}.
 */
@Component
@ProcessingGroup(KafkaEventRelay.GROUP)
class KafkaEventRelay {

    static final String GROUP = "kafka-publisher";

    private static final String BATCH = KafkaEventRelay.class.getName() + ".batch";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<String, byte[]> producer;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final EventTopic topic;
    private final JdbcTemplate jdbc;

    KafkaEventRelay(
            Producer<String, byte[]> producer,
            KafkaMessageConverter<String, byte[]> converter,
            EventTopic topic,
            JdbcTemplate jdbc) {
        this.producer = producer;
        this.converter = converter;
        this.topic = topic;
        this.jdbc = jdbc;
    }

    @EventHandler
    void publish(EventMessage<?> event) {
        batch().add(event);
    }

    private List<EventMessage<?>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<EventMessage<?>> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(done -> sendAndAwait(events));
            return events;
        });
    }

    private void sendAndAwait(List<EventMessage<?>> events) {
        sendAndAwait(events, positionsOf(events));
    }

    /**
     * Sends the events, each with its global index as {@value TopicHeaders#POSITION}, and waits until Kafka acknowledged
     * all of them. Also used by the {@link Reconciliation} to republish events the topic lacks.
     */
    void sendAndAwait(List<? extends EventMessage<?>> events, Map<String, Long> positions) {
        topic.ensureExists();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            ProducerRecord<String, byte[]> record = converter.createKafkaMessage(event, topic.name());
            Long position = positions.get(event.getIdentifier());
            if (position == null) {
                throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
            }
            record.headers().add(TopicHeaders.POSITION, position.toString().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        awaitAll(acks);
    }

    /**
     * The events' own global indexes. The tracking token cannot tell them: after an event that committed late (a gap
     * being filled) its position is still the highest index seen, not the event's.
     */
    private Map<String, Long> positionsOf(List<EventMessage<?>> events) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(
                "SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY (?)",
                rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                },
                (Object) events.stream().map(EventMessage::getIdentifier).toArray(String[]::new));
        return positions;
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
