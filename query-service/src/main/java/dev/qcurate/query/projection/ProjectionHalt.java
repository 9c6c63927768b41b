package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The projection's stop on an event it cannot decode: such an event is never marked applied (the read model would
 * silently lack it, and a rebuild could not tell), so the projection stops in front of it and retries with back-off
 * until a release that can read it is deployed. Shown in health (DOWN, with the event's position and type), as the
 * metrics {@code qcurate.projection.decode.failures} (events that failed, once each) and
 * {@code qcurate.projection.halted} (1 while stopped), and in the log.
 */
@Component
class ProjectionHalt {

    private static final Logger log = LoggerFactory.getLogger(ProjectionHalt.class);

    /** The event the projection stopped at. */
    record Failure(long position, long offset, String type, String error, Instant since) {}

    private final Counter failures;
    private volatile Failure current;

    ProjectionHalt(MeterRegistry metrics) {
        this.failures = Counter.builder("qcurate.projection.decode.failures")
                .description("events the read model could not decode; the projection stops in front of each")
                .register(metrics);
        Gauge.builder("qcurate.projection.halted", this, halt -> halt.current == null ? 0 : 1)
                .description("1 while the projection is stopped in front of an event it cannot decode")
                .register(metrics);
    }

    void stoppedAt(long position, long offset, String type, Exception error) {
        Failure failure = current;
        if (failure != null && failure.position() == position) {
            log.warn("The projection is still stopped at position {} ({}): {}", position, type, error.toString());
            return;
        }
        failures.increment();
        current = new Failure(position, offset, type, error.toString(), Instant.now());
        log.error(
                "The projection stops: the event at position {} (offset {}, type {}) cannot be decoded; it is not "
                        + "applied and is retried until a release that reads it is deployed",
                position,
                offset,
                type,
                error);
    }

    /** Clears the stop once the read model has applied that event after all. */
    void progressed(AppliedPositions applied) {
        Failure failure = current;
        if (failure != null && applied.contains(failure.position())) {
            log.info("The projection continues: the event at position {} is applied", failure.position());
            current = null;
        }
    }

    Optional<Failure> current() {
        return Optional.ofNullable(current);
    }
}
