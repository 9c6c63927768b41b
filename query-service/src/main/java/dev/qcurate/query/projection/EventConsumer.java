package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each batch from the topic in one transaction, together with the positions applied; Kafka offsets are
 * committed only afterwards. A crash in between redelivers the batch, and the stored positions make the repeat a
 * no-op. Events may arrive out of position order (see {@link AppliedPositions}); each is applied exactly once. An event
 * that cannot be decoded is never marked applied: the projection stops in front of it ({@link ProjectionHalt}).
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
    private final ProjectionHalt halt;
    private volatile boolean rewind;

    EventConsumer(List<Projection> projections, EventDecoder decoder, ProjectionPosition position,
                  TransactionTemplate transaction, MeterRegistry metrics, ProjectionHalt halt,
                  @Value("${qcurate.projection.gap-timeout:PT5M}") Duration gapTimeout) {
        this.projections = projections;
        this.halt = halt;
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
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> applyInOrder(records));
        } catch (RuntimeException e) {
            log.warn("Batch of {} events failed and will be retried: {}", records.size(), e.toString());
            throw e;
        }
        position.committed(outcome.reached());
        halt.progressed(outcome.reached());
        if (outcome.undecodable() != null) {
            // the records before it are applied and their offsets committed; this one is retried with back-off
            throw new BatchListenerFailedException("undecodable event", outcome.undecodable().error(),
                    outcome.undecodable().index());
        }
    }

    /** What a batch reached, and the record it stopped in front of, if any. */
    private record Outcome(AppliedPositions reached, Undecodable undecodable) {
    }

    private record Undecodable(int index, IOException error) {
    }

    private Outcome applyInOrder(List<ConsumerRecord<String, byte[]>> records) {
        AppliedPositions done = position.lockForBatch();
        List<StoredEvent> events = new ArrayList<>(records.size());
        Undecodable undecodable = null;
        long nextOffset = -1;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Optional<Long> eventPosition = decoder.position(record);
            if (eventPosition.isPresent() && !done.contains(eventPosition.get())) {
                try {
                    decode(record, eventPosition.get()).ifPresent(events::add);
                } catch (IOException e) {
                    halt.stoppedAt(eventPosition.get(), record.offset(), decoder.typeName(record), e);
                    undecodable = new Undecodable(i, e);
                    break;
                }
                done.advance(eventPosition.get(), decoder.time(record), gapTimeout);
            } // else not from the relay, or already applied (redelivery, replay, duplicate publish)
            nextOffset = record.offset() + 1;
        }
        if (!events.isEmpty()) {
            // each projection takes the whole batch at once, so it can read and write it set-based
            projections.forEach(projection -> projection.applyBatch(events));
            applied.increment(events.size());
        }
        if (nextOffset >= 0) {
            position.store(done, nextOffset);
        }
        return new Outcome(done, undecodable);
    }

    /** The decoded event, or empty (and counted as skipped) when its type is not part of the known contract. */
    private Optional<StoredEvent> decode(ConsumerRecord<String, byte[]> record, long eventPosition)
            throws IOException {
        Optional<StoredEvent> event = decoder.decode(record, eventPosition);
        if (event.isEmpty()) {
            skipped.increment();
            log.debug("Skipping event of unknown type at position {}", eventPosition);
        }
        return event;
    }
}
