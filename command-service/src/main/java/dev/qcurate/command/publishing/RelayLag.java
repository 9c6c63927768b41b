package dev.qcurate.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How far the Kafka relay is behind the event store: the store's highest global index minus the position of the
 * relay's token (on this instance; another instance may own the claim). Exposed as the gauge
 * {@code qcurate.relay.lag.events} and as the {@code relay} health component, which is DOWN when events wait and the
 * relay has not moved for longer than {@code qcurate.health.relay-stall} (Kafka down, or a batch failing again and
 * again); commands are still accepted then, they just do not reach the topic yet.
 */
@Component("relayHealthIndicator")
@EnableScheduling
class RelayLag implements HealthIndicator {

    private record Snapshot(long head, OptionalLong relayed, Instant progressAt, String error) {}

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration stall;
    private volatile Snapshot last = new Snapshot(0, OptionalLong.empty(), Instant.now(), null);

    RelayLag(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            MeterRegistry metrics,
            @Value("${qcurate.health.relay-stall:PT30S}") Duration stall) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.stall = stall;
        Gauge.builder("qcurate.relay.lag.events", this, lag -> lag.lagEvents())
                .description("events in the event store not yet acknowledged by Kafka")
                .register(metrics);
        Gauge.builder("qcurate.relay.position", this, lag -> lag.last.relayed().orElse(-1))
                .description("global index up to which events are on the topic")
                .register(metrics);
    }

    private long lagEvents() {
        Snapshot now = last;
        return now.relayed().isPresent()
                ? Math.max(0, now.head() - now.relayed().getAsLong())
                : 0;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${qcurate.health.lag-probe-interval:PT2S}")
    void probe() {
        OptionalLong relayed = relayedPosition();
        try {
            Long head =
                    jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
            Snapshot before = last;
            boolean moved = !relayed.equals(before.relayed()) || head == null || head <= relayed.orElse(head);
            last = new Snapshot(head == null ? 0 : head, relayed, moved ? Instant.now() : before.progressAt(), null);
        } catch (RuntimeException databaseDown) {
            last = new Snapshot(last.head(), relayed, last.progressAt(), databaseDown.toString());
        }
    }

    /** The lowest position over the segments this instance has claimed; empty when it claims none. */
    private OptionalLong relayedPosition() {
        return processing
                .eventProcessor(KafkaEventRelay.GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min())
                .orElse(OptionalLong.empty());
    }

    @Override
    public Health health() {
        Snapshot now = last;
        boolean stuck =
                lagEvents() > 0 && now.progressAt().isBefore(Instant.now().minus(stall));
        Health.Builder health = stuck ? Health.down() : Health.up();
        health.withDetail("eventStorePosition", now.head()).withDetail("lagEvents", lagEvents());
        now.relayed()
                .ifPresentOrElse(
                        p -> health.withDetail("relayedPosition", p),
                        () -> health.withDetail("relayedPosition", "no segment claimed by this instance"));
        if (now.error() != null) {
            health.withDetail("error", now.error());
        }
        return health.build();
    }
}
