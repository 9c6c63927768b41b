package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This instance's own reader of the event topic, for its in-memory {@link LocalState}s: every instance has one,
 * whichever instance of the consumer group projects into the shared read model. It is assigned the partition (never a
 * group member, so it takes nothing from the projecting consumer) and starts where a snapshot of the read model ends
 * (its stored next offset). For each batch it waits until the read model has applied the batch's events (they are
 * what the states read back), then hands them to the states and moves its {@link #local() watermark}, which the
 * duplicate endpoints' {@code minPosition} waits on. When the read model's generation changes (a rebuild emptied or
 * replaced it), the states are reloaded. Positions are given up by the same rule as the read model's
 * ({@link AppliedPositions#advance}), so the tail and the read model agree on every gap.
 */
@Component
public class TopicTail implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final long READ_MODEL_POLL_MILLIS = 20;

    private final List<LocalState> states;
    private final EventDecoder decoder;
    private final ProjectionPosition position;
    private final TransactionTemplate snapshot;
    private final Duration gapTimeout;
    private final Watermark local;
    private final EventTopicReader topic;
    private final Object lock = new Object();
    private long generation; // guarded by lock
    private volatile long seekTo = -1;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    TopicTail(
            List<LocalState> states,
            EventDecoder decoder,
            ProjectionPosition position,
            PlatformTransactionManager transactions,
            MeterRegistry metrics,
            EventTopicProperties topic,
            @Value("${qcurate.projection.gap-timeout:PT5M}") Duration gapTimeout,
            @Value("${qcurate.consistency.max-waiters:64}") int maxWaiters) {
        this.states = states;
        this.decoder = decoder;
        this.position = position;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.gapTimeout = gapTimeout;
        this.local = new Watermark(maxWaiters);
        this.topic = EventTopicReader.of(
                topic.bootstrapServers(),
                topic.topic(),
                topic.maxPollRecords(),
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50, ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000));
        Gauge.builder("qcurate.local.position", local, Watermark::highest)
                .description("global position up to which this instance's in-memory state (duplicate index, list "
                        + "cache) follows the topic")
                .register(metrics);
    }

    /** How far this instance's in-memory state follows the topic. */
    public Watermark local() {
        return local;
    }

    /** Loads the states before anything is served. */
    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    /** Reloads every state from one snapshot of the read model and continues the tail where that snapshot ends. */
    public void reload() {
        synchronized (lock) {
            long started = System.nanoTime();
            ProjectionPosition.Stored stored = snapshot.execute(status -> {
                ProjectionPosition.Stored row = position.storedRow();
                states.forEach(LocalState::reload);
                return row;
            });
            generation = stored.generation();
            local.set(stored.applied());
            seekTo = stored.nextOffset();
            log.info(
                    "In-memory state loaded from the read model (generation {}) up to position {} in {} ms",
                    stored.generation(),
                    stored.applied().highest(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void tail() {
        KafkaConsumer<String, byte[]> reader = topic.open();
        consumer = reader;
        try {
            reader.assign(List.of(topic.partition()));
            while (running) {
                long seek = seekTo;
                if (seek >= 0) {
                    seekTo = -1;
                    reader.seek(topic.partition(), seek);
                }
                List<ConsumerRecord<String, byte[]>> records =
                        reader.poll(Duration.ofMillis(500)).records(topic.partition());
                try {
                    if (records.isEmpty()) {
                        reloadIfReplaced();
                    } else {
                        follow(records);
                    }
                } catch (RuntimeException e) {
                    if (!records.isEmpty()) {
                        seekTo = records.get(0).offset(); // again, once the database answers
                    }
                    log.warn("The topic tail could not follow the read model and retries: {}", e.toString());
                    Thread.sleep(1_000);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } finally {
            reader.close(Duration.ofSeconds(1));
        }
    }

    private void reloadIfReplaced() {
        long stored = position.storedRow().generation();
        synchronized (lock) {
            if (stored == generation) {
                return;
            }
        }
        log.info("The read model was replaced (generation {}); reloading", stored);
        reload();
    }

    private void follow(List<ConsumerRecord<String, byte[]>> records) throws InterruptedException {
        synchronized (lock) {
            AppliedPositions working = local.reached();
            List<StoredEvent> events = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                Optional<Long> eventPosition = decoder.position(record);
                if (eventPosition.isEmpty() || working.contains(eventPosition.get())) {
                    continue;
                }
                try {
                    decoder.decode(record, eventPosition.get()).ifPresent(events::add);
                } catch (IOException e) {
                    // the read model stops in front of it (ProjectionHalt), and so does this tail, waiting below
                }
                working.advance(eventPosition.get(), decoder.time(record), gapTimeout);
                added.add(eventPosition.get());
            }
            if (added.isEmpty()) {
                return;
            }
            boolean applied = awaitReadModel(added)
                    && Boolean.TRUE.equals(snapshot.execute(status -> {
                        if (position.storedRow().generation() != generation) {
                            return false;
                        }
                        states.forEach(state -> state.apply(events));
                        return true;
                    }));
            if (applied) {
                local.set(working);
            } else {
                reload();
            }
        }
    }

    /** Waits until the read model holds every one of {@code added}; false if it was replaced meanwhile. */
    private boolean awaitReadModel(List<Long> added) throws InterruptedException {
        while (running) {
            if (added.stream().allMatch(position::appliedLocally)) {
                return true; // this instance committed them itself: no need to ask the database
            }
            ProjectionPosition.Stored stored = position.storedRow();
            if (stored.generation() != generation) {
                return false;
            }
            if (added.stream().allMatch(stored.applied()::contains)) {
                return true;
            }
            Thread.sleep(READ_MODEL_POLL_MILLIS);
        }
        throw new InterruptedException("stopping");
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::tail, "topic-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(2_000);
                thread.interrupt(); // still waiting for the read model
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
