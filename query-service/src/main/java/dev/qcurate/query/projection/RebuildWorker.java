package dev.qcurate.query.projection;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The thread that builds the shadow read model: reads the topic from the offset the shadow has reached (0 for a new
 * run, further when resuming), applies each batch in a transaction that writes the shadow schema, beats the run's
 * heartbeat, and replaces the live model once it has caught up with it. Assigned the partition, never a member of the
 * live consumer group; where it is lives in the shadow's own {@code projection_state}.
 */
final class RebuildWorker {

    private static final Logger log = LoggerFactory.getLogger(RebuildWorker.class);
    private static final Duration BEAT = Duration.ofSeconds(2);
    /**
     * How far behind the live model the shadow may be when the switch holds the live projection still and applies the
     * rest: a second or two of projecting, which is how long live writes and position checks then wait.
     */
    private static final long LAST_STRETCH_RECORDS = 2_000;
    /** The last stretch is given up (and tried again later) if the topic does not deliver it within this. */
    private static final Duration LAST_STRETCH_TIME = Duration.ofSeconds(15);

    /** Starts workers with what they need. */
    @Component
    static class Factory {

        private final RebuildStore store;
        private final BatchApplier applier;
        private final TransactionTemplate transaction;
        private final EventTopicReader topic;

        Factory(
                RebuildStore store,
                BatchApplier applier,
                TransactionTemplate transaction,
                EventTopicProperties topic,
                @Value("${qcurate.rebuild.max-poll-records:${qcurate.kafka.max-poll-records:5000}}")
                        int maxPollRecords) {
            this.store = store;
            this.applier = applier;
            this.transaction = transaction;
            this.topic = EventTopicReader.of(
                    topic.bootstrapServers(),
                    topic.topic(),
                    maxPollRecords,
                    Map.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20));
        }

        RebuildWorker start(String owner) {
            RebuildWorker worker = new RebuildWorker(this, owner);
            worker.thread.start();
            return worker;
        }
    }

    private final Factory factory;
    private final String owner;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean switched; // the new read model is live: what is left is tidying up
    private volatile KafkaConsumer<String, byte[]> consumer;
    private boolean stretchRolledBack; // only touched by the worker's thread

    private RebuildWorker(Factory factory, String owner) {
        this.factory = factory;
        this.owner = owner;
        this.thread = new Thread(this::run, "read-model-rebuild");
        this.thread.setDaemon(true);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Whether this run still holds the instance: true while it builds, and while, after the switch (the status
     * already says DONE), it drops the replaced model for longer than {@code tidyUp}.
     */
    boolean holds(Duration tidyUp) throws InterruptedException {
        if (switched) {
            thread.join(tidyUp.toMillis());
        }
        return thread.isAlive();
    }

    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        thread.join(5_000);
    }

    private void run() {
        RebuildStore store = factory.store;
        KafkaConsumer<String, byte[]> reader = factory.topic.open();
        consumer = reader;
        long started = System.nanoTime();
        try {
            reader.assign(List.of(factory.topic.partition()));
            reader.seek(factory.topic.partition(), store.shadowPosition().nextOffset());
            long beatAt = 0;
            long triedAt = 0;
            while (running) {
                if (System.nanoTime() - beatAt > BEAT.toNanos()) {
                    if (!store.beat(owner)) {
                        log.warn("Rebuild: another instance took this run over; stopping here");
                        return;
                    }
                    beatAt = System.nanoTime();
                }
                List<ConsumerRecord<String, byte[]>> records =
                        reader.poll(Duration.ofMillis(500)).records(factory.topic.partition());
                if (!records.isEmpty() && !applyToShadow(reader, records)) {
                    continue;
                }
                // under steady traffic a poll is never empty: try now and then, not only at the topic's end
                boolean due = records.isEmpty() || System.nanoTime() - triedAt > BEAT.toNanos();
                if (due) {
                    triedAt = System.nanoTime();
                }
                if (due && store.replaceLive(owner, LAST_STRETCH_RECORDS, live -> lastStretch(reader, live))) {
                    log.info(
                            "Rebuild: the new read model replaced the live one after {} s",
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                    switched = true;
                    store.dropReplaced();
                    return;
                }
                if (stretchRolledBack) {
                    stretchRolledBack = false;
                    reader.seek(
                            factory.topic.partition(), store.shadowPosition().nextOffset()); // read it again
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            // the run stays in the database: this or another instance resumes it once the owner's beat is old
            log.error("Rebuild: stopped by an error; it is resumed from where the shadow got to", e);
        } finally {
            reader.close(Duration.ofSeconds(1));
        }
    }

    /** Applies to the shadow, in the switch's transaction, every record before {@code liveOffset}. */
    private boolean lastStretch(KafkaConsumer<String, byte[]> reader, long liveOffset) {
        long deadline = System.nanoTime() + LAST_STRETCH_TIME.toNanos();
        stretchRolledBack = true; // until the switch commits, whatever is read here may be rolled back
        while (factory.store.shadowOffset() < liveOffset) {
            if (!running || System.nanoTime() > deadline) {
                return false;
            }
            List<ConsumerRecord<String, byte[]>> records =
                    reader.poll(Duration.ofMillis(100)).records(factory.topic.partition());
            if (!records.isEmpty()) {
                factory.store.intoShadow();
                if (factory.applier.apply(records).undecodable() != null) {
                    return false; // the shadow stops in front of it, as the live projection does
                }
            }
        }
        return true;
    }

    /** One batch into the shadow; false (and back to that record after a pause) if it stopped at an event. */
    private boolean applyToShadow(KafkaConsumer<String, byte[]> reader, List<ConsumerRecord<String, byte[]>> records) {
        BatchApplier.Outcome outcome = factory.transaction.execute(status -> {
            factory.store.intoShadow();
            return factory.applier.apply(records);
        });
        if (outcome.undecodable() == null) {
            return true;
        }
        reader.seek(
                factory.topic.partition(),
                records.get(outcome.undecodable().index()).offset());
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return false;
    }
}
