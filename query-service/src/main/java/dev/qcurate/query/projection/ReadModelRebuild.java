package dev.qcurate.query.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds the whole read model from the start of the event topic: stops the listener, empties every projection and
 * the position in one transaction, then restarts the listener at the topic's first offset. Reads are stale until the
 * position is back at the target (the position reached before the rebuild).
 */
@Component
class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    enum State { IDLE, RUNNING, DONE }

    record Status(State state, long position, long target, Instant startedAt, Instant finishedAt) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final List<Projection> projections;
    private final ProjectionPosition position;
    private final EventConsumer consumer;
    private final TransactionTemplate transaction;

    private State state = State.IDLE;
    private long target;
    private Instant startedAt;
    private Instant finishedAt;

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, List<Projection> projections,
                     ProjectionPosition position, EventConsumer consumer, TransactionTemplate transaction) {
        this.listeners = listeners;
        this.projections = Projection.inOrder(projections);
        this.position = position;
        this.consumer = consumer;
        this.transaction = transaction;
    }

    synchronized Status start() {
        if (state == State.RUNNING) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild is already running");
        }
        MessageListenerContainer container = listeners.getListenerContainer(EventConsumer.LISTENER);
        if (container == null) {
            throw new IllegalStateException("no read-model listener");
        }
        target = position.current();
        startedAt = Instant.now();
        finishedAt = null;
        state = State.RUNNING;
        log.info("Rebuild: stopping the listener; target position {}", target);
        container.stop();
        transaction.executeWithoutResult(status -> {
            projections.forEach(Projection::reset);
            position.reset();
        });
        consumer.rewindOnNextAssignment();
        container.start();
        log.info("Rebuild: read model emptied, consuming the topic from its first offset");
        return status();
    }

    synchronized Status status() {
        long reached = position.current();
        if (state == State.RUNNING && reached >= target) {
            state = State.DONE;
            finishedAt = Instant.now();
            log.info("Rebuild: done at position {} in {}", reached, Duration.between(startedAt, finishedAt));
        }
        return new Status(state, reached, target, startedAt, finishedAt);
    }

    @Scheduled(fixedDelay = 2_000)
    void logProgress() {
        boolean running;
        synchronized (this) {
            running = state == State.RUNNING;
        }
        if (running) {
            Status status = status();
            if (status.state() == State.RUNNING) {
                log.info("Rebuild: position {} of {}", status.position(), status.target());
            }
        }
    }
}
