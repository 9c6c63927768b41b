package dev.qcurate.query.projection;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * Applies each batch from the topic to the live read model in one transaction, together with the positions applied;
 * Kafka offsets are committed only afterwards. A crash in between redelivers the batch, and the stored positions make
 * the repeat a no-op. Events may arrive out of position order (see {@link AppliedPositions}); each is applied exactly
 * once. An event that cannot be decoded is never marked applied: the projection stops in front of it
 * ({@link ProjectionHalt}). One member of the consumer group does this; every instance tails the topic for its own
 * in-memory state ({@link TopicTail}).
 *
 * <p>Where the read model goes on is its own stored {@code next_offset}, not the group's committed offset: a member
 * that is assigned the partition seeks there, and a batch that begins beyond it (records a consumer skipped) is not
 * applied but read again from there. The topic has one partition, so one stored offset covers the assignment.
 */
@Component
@RequiredArgsConstructor
class EventConsumer implements ConsumerSeekAware {

    static final String LISTENER = "read-model";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final BatchApplier applier;
    private final ProjectionPosition position;
    private final ProjectionHalt halt;
    private final TransactionTemplate transaction;
    private final ThreadLocal<ConsumerSeekCallback> seeks = new ThreadLocal<>();
    /** The offset a skip was last reported from; a batch starting there again means the topic has a hole. */
    private long skippedFrom = -1; // only touched by the listener's thread

    @KafkaListener(
            id = LISTENER,
            idIsGroup = false,
            topics = "${qcurate.kafka.topic}",
            containerFactory = "eventListenerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BatchApplier.Outcome outcome;
        boolean contiguous = records.isEmpty() || records.get(0).offset() != skippedFrom;
        try {
            outcome = transaction.execute(status -> applier.apply(records, contiguous));
        } catch (RuntimeException e) {
            log.warn("Batch of {} events failed and will be retried: {}", records.size(), e.toString());
            throw e;
        }
        if (outcome.resumeAt() >= 0) {
            ConsumerRecord<String, byte[]> first = records.get(0);
            log.warn(
                    "The batch begins at offset {}, after the stored next offset {}: reading again from there",
                    first.offset(),
                    outcome.resumeAt());
            skippedFrom = first.offset();
            seeks.get().seek(first.topic(), first.partition(), outcome.resumeAt());
            return;
        }
        position.committed(outcome.reached());
        halt.progressed(outcome.reached());
        if (outcome.undecodable() != null) {
            // the records before it are applied and their offsets committed; this one is retried with back-off
            throw new BatchListenerFailedException(
                    "undecodable event",
                    outcome.undecodable().error(),
                    outcome.undecodable().index());
        }
    }

    @Override
    public void registerSeekCallback(ConsumerSeekCallback callback) {
        seeks.set(callback);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        long stored;
        try {
            stored = position.storedRow().nextOffset();
        } catch (RuntimeException e) {
            log.warn("Assigned {} without the stored offset ({}); going on from the committed one", assignments, e);
            return;
        }
        assignments.forEach((partition, committed) -> {
            if (committed == null || committed != stored) {
                log.info(
                        "Assigned {}: going on from the read model's offset {} (committed: {})",
                        partition,
                        stored,
                        committed);
                callback.seek(partition.topic(), partition.partition(), stored);
            }
        });
    }

    @Override
    public void unregisterSeekCallback() {
        seeks.remove();
    }
}
