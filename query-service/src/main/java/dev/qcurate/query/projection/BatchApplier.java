package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one batch of topic records to the read model the current transaction writes to (the live one, or a rebuild's
 * shadow): the new events in topic order, the positions by the one gap rule ({@link AppliedPositions#advance}), and the
 * offset after the batch. Stops in front of an event it cannot decode ({@link ProjectionHalt}).
 */
@Component
class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    /** What a batch reached, and the record it stopped in front of, if any. */
    /**
     * @param resumeAt the stored next offset when the batch began after it (the consumer skipped records): nothing
     *                 was applied, and the records from there are to be read again; -1 otherwise
     */
    record Outcome(AppliedPositions reached, Undecodable undecodable, long resumeAt) {

        Outcome(AppliedPositions reached, Undecodable undecodable) {
            this(reached, undecodable, -1);
        }
    }

    /** The record at {@code index} of the batch could not be decoded. */
    record Undecodable(int index, IOException error) {}

    private final List<Projection> projections;
    private final EventDecoder decoder;
    private final ProjectionPosition position;
    private final ProjectionHalt halt;
    private final Counter applied;
    private final Counter skipped;
    private final Duration gapTimeout;

    BatchApplier(
            List<Projection> projections,
            EventDecoder decoder,
            ProjectionPosition position,
            ProjectionHalt halt,
            MeterRegistry metrics,
            @Value("${qcurate.projection.gap-timeout:PT5M}") Duration gapTimeout) {
        this.projections = Projection.inOrder(projections);
        this.decoder = decoder;
        this.position = position;
        this.halt = halt;
        this.applied = metrics.counter("qcurate.projection.events.applied");
        this.skipped = metrics.counter("qcurate.projection.events.skipped");
        this.gapTimeout = gapTimeout;
    }

    /** Inside the caller's transaction, whatever offset the batch starts at. */
    Outcome apply(List<ConsumerRecord<String, byte[]>> records) {
        return apply(records, false);
    }

    /**
     * Inside the caller's transaction.
     *
     * @param contiguous whether the batch must start at the stored next offset: the relay's topic has no holes, so a
     *                   batch starting further on means a consumer skipped records (a rebalance in the middle of a
     *                   retried batch can do that), and nothing is applied
     */
    Outcome apply(List<ConsumerRecord<String, byte[]>> records, boolean contiguous) {
        ProjectionPosition.Stored stored = position.lockForBatch();
        AppliedPositions done = stored.applied();
        if (contiguous && !records.isEmpty() && records.get(0).offset() > stored.nextOffset()) {
            return new Outcome(done, null, stored.nextOffset());
        }
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
    private Optional<StoredEvent> decode(ConsumerRecord<String, byte[]> record, long eventPosition) throws IOException {
        Optional<StoredEvent> event = decoder.decode(record, eventPosition);
        if (event.isEmpty()) {
            skipped.increment();
            log.debug("Skipping event of unknown type at position {}", eventPosition);
        }
        return event;
    }
}
