package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each batch from the topic in one transaction, together with the positions applied; Kafka offsets are
 * committed only afterwards. A crash in between redelivers the batch, and the stored positions make the repeat a
 * no-op. Events may arrive out of position order (see {@link AppliedPositions}); each is applied exactly once.
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
    private final Duration gapTimeout;
    private volatile boolean rewind;

    EventConsumer(List<Projection> projections, EventDecoder decoder, ProjectionPosition position,
                  TransactionTemplate transaction, MeterRegistry metrics,
                  @Value("${qcurate.projection.gap-timeout:PT5M}") Duration gapTimeout) {
        this.projections = Projection.inOrder(projections);
        this.decoder = decoder;
        this.position = position;
        this.transaction = transaction;
        this.applied = metrics.counter("qcurate.projection.events.applied");
        this.skipped = metrics.counter("qcurate.projection.events.skipped");
        this.gapTimeout = gapTimeout;
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
        AppliedPositions reached;
        try {
            reached = transaction.execute(status -> applyInOrder(records));
        } catch (RuntimeException e) {
            log.warn("Batch of {} events failed and will be retried: {}", records.size(), e.toString());
            throw e;
        }
        position.committed(reached);
    }

    private AppliedPositions applyInOrder(List<ConsumerRecord<String, byte[]>> records) {
        AppliedPositions done = position.lockForBatch();
        List<StoredEvent> events = new ArrayList<>(records.size());
        Instant newest = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<Long> eventPosition = decoder.position(record);
            if (eventPosition.isEmpty() || done.contains(eventPosition.get())) {
                continue; // not from the relay, or already applied (redelivery, replay, duplicate publish)
            }
            decode(record, eventPosition.get()).ifPresent(events::add);
            newest = Instant.ofEpochMilli(record.timestamp());
            done.add(eventPosition.get(), newest);
        }
        if (!events.isEmpty()) {
            // each projection takes the whole batch at once, so it can read and write it set-based
            projections.forEach(projection -> projection.applyBatch(events));
            applied.increment(events.size());
        }
        if (newest != null) {
            done.abandonGapsOlderThan(gapTimeout, newest);
            position.store(done);
        }
        return done;
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
