package dev.qcurate.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Applies each batch from the topic to the live read model in one transaction, together with the positions applied;
 * Kafka offsets are committed only afterwards. A crash in between redelivers the batch, and the stored positions make
 * the repeat a no-op. Events may arrive out of position order (see {@link AppliedPositions}); each is applied exactly
 * once. An event that cannot be decoded is never marked applied: the projection stops in front of it
 * ({@link ProjectionHalt}). One member of the consumer group does this; every instance tails the topic for its own
 * in-memory state ({@link TopicTail}).
 */
@Component
class EventConsumer {

    static final String LISTENER = "read-model";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final BatchApplier applier;
    private final ProjectionPosition position;
    private final ProjectionHalt halt;
    private final TransactionTemplate transaction;

    EventConsumer(
            BatchApplier applier, ProjectionPosition position, ProjectionHalt halt, TransactionTemplate transaction) {
        this.applier = applier;
        this.position = position;
        this.halt = halt;
        this.transaction = transaction;
    }

    @KafkaListener(
            id = LISTENER,
            idIsGroup = false,
            topics = "${qcurate.kafka.topic}",
            containerFactory = "eventListenerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        BatchApplier.Outcome outcome;
        try {
            outcome = transaction.execute(status -> applier.apply(records));
        } catch (RuntimeException e) {
            log.warn("Batch of {} events failed and will be retried: {}", records.size(), e.toString());
            throw e;
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
}
