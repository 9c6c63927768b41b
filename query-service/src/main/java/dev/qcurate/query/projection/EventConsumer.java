package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each batch from the topic in one transaction, together with the new position; Kafka offsets are committed
 * only afterwards. A crash in between redelivers the batch, and the stored position makes the repeat a no-op.
 */
@Component
class EventConsumer implements ConsumerSeekAware {

    static final String LISTENER = "read-model";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final List<Projection> projections;
    private final EventDecoder decoder;
    private final ProjectionPosition position;
    private final TransactionTemplate transaction;
    private final Counter applied;
    private final Counter skipped;
    private volatile boolean rewind;

    EventConsumer(List<Projection> projections, EventDecoder decoder, ProjectionPosition position,
                  TransactionTemplate transaction, MeterRegistry metrics) {
        this.projections = projections;
        this.decoder = decoder;
        this.position = position;
        this.transaction = transaction;
        this.applied = metrics.counter("qcurate.projection.events.applied");
        this.skipped = metrics.counter("qcurate.projection.events.skipped");
    }

    /** The next partition assignment starts at the topic's first offset (a rebuild has emptied the read model). */
    void rewindOnNextAssignment() {
        rewind = true;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (rewind && !assignments.isEmpty()) {
            callback.seekToBeginning(assignments.keySet());
            rewind = false;
        }
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = "${qcurate.kafka.topic}",
            containerFactory = "eventListenerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        Long reached;
        try {
            reached = transaction.execute(status -> applyInOrder(records));
        } catch (RuntimeException e) {
            log.warn("Batch of {} events failed and will be retried: {}", records.size(), e.toString());
            throw e;
        }
        position.committed(reached == null ? 0 : reached);
    }

    private long applyInOrder(List<ConsumerRecord<String, byte[]>> records) {
        long last = position.lockForBatch();
        long before = last;
        List<StoredEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<Long> eventPosition = decoder.position(record);
            if (eventPosition.isEmpty() || eventPosition.get() <= last) {
                continue; // not from the relay, or already applied (redelivery, replay, duplicate publish)
            }
            decode(record, eventPosition.get()).ifPresent(events::add);
            last = eventPosition.get();
        }
        if (!events.isEmpty()) {
            // each projection takes the whole batch at once, so it can read and write it set-based
            projections.forEach(projection -> projection.applyBatch(events));
            applied.increment(events.size());
        }
        if (last != before) {
            position.store(last);
        }
        return last;
    }

    private Optional<StoredEvent> decode(ConsumerRecord<String, byte[]> record, long eventPosition) {
        try {
            Optional<StoredEvent> event = decoder.decode(record, eventPosition);
            if (event.isEmpty()) {
                skipped.increment();
                log.debug("Skipping event of unknown type at position {}", eventPosition);
            }
            return event;
        } catch (IOException e) {
            skipped.increment();
            log.error("Cannot read the event at position {} (offset {}); it is skipped", eventPosition,
                    record.offset(), e);
            return Optional.empty();
        }
    }
}
