package dev.qcurate.query.projection;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Two health components from the lag probe. {@code kafka}: the broker answered recently and the projecting listener
 * runs. {@code projection}: the read model is not stuck (behind, and no progress for longer than the stall limit,
 * e.g. a batch that keeps failing) and not stopped in front of an event it cannot decode; {@code localPosition} is
 * how far this instance's in-memory state (duplicate index, list cache) follows. Being behind while catching up is
 * reported in the details, not as DOWN.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class ProjectionHealth {

    private final ProjectionLag lag;
    private final KafkaListenerEndpointRegistry listeners;

    @Value("${qcurate.health.kafka-silence:PT15S}")
    private final Duration kafkaSilence;

    @Value("${qcurate.health.projection-stall:PT60S}")
    private final Duration stall;

    private final ProjectionHalt halt;
    private final TopicTail tail;

    @Bean
    HealthIndicator kafkaHealthIndicator() {
        return () -> {
            ProjectionLag.Snapshot now = lag.snapshot();
            MessageListenerContainer container = listeners.getListenerContainer(EventConsumer.LISTENER);
            boolean listening = container != null && container.isRunning();
            Health.Builder health = now.probedAt() == null
                    ? Health.unknown()
                    : now.probedAt().isAfter(Instant.now().minus(kafkaSilence)) && listening
                            ? Health.up()
                            : Health.down();
            health.withDetail("listenerRunning", listening);
            if (now.probedAt() != null) {
                health.withDetail("brokerAnsweredAt", now.probedAt().toString());
            }
            if (now.error() != null) {
                health.withDetail("error", now.error());
            }
            return health.build();
        };
    }

    @Bean
    HealthIndicator projectionHealthIndicator() {
        return () -> {
            ProjectionLag.Snapshot now = lag.snapshot();
            boolean stuck = now.lagEvents() > 0
                    && now.progressAt() != null
                    && now.progressAt().isBefore(Instant.now().minus(stall));
            var stopped = halt.current();
            Health.Builder health = stuck || stopped.isPresent() ? Health.down() : Health.up();
            stopped.ifPresent(failure -> health.withDetail(
                            "stoppedAt",
                            Map.of(
                                    "position",
                                    failure.position(),
                                    "offset",
                                    failure.offset(),
                                    "type",
                                    failure.type(),
                                    "since",
                                    failure.since().toString()))
                    .withDetail(
                            "error",
                            "the event at position " + failure.position() + " (" + failure.type()
                                    + ") cannot be decoded; the projection waits in front of it"));
            return health.withDetail("position", now.projectedPosition())
                    .withDetail("localPosition", tail.local().highest())
                    .withDetail("topicPosition", now.topicPosition())
                    .withDetail("lagEvents", now.lagEvents())
                    .withDetail("lagSeconds", now.lagSeconds())
                    .build();
        };
    }
}
