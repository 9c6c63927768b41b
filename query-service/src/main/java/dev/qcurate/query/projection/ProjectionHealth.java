package dev.qcurate.query.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

/**
 * Two health components from the lag probe. {@code kafka}: the broker answered recently and the projecting listener
 * runs. {@code projection}: the read model is not stuck (behind, and no progress for longer than the stall limit,
 * e.g. a batch that keeps failing). Being behind while catching up is reported in the details, not as DOWN.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionHealth {

    private final ProjectionLag lag;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration kafkaSilence;
    private final Duration stall;

    ProjectionHealth(ProjectionLag lag, KafkaListenerEndpointRegistry listeners,
                     @Value("${qcurate.health.kafka-silence:PT15S}") Duration kafkaSilence,
                     @Value("${qcurate.health.projection-stall:PT60S}") Duration stall) {
        this.lag = lag;
        this.listeners = listeners;
        this.kafkaSilence = kafkaSilence;
        this.stall = stall;
    }

    @Bean
    HealthIndicator kafkaHealthIndicator() {
        return () -> {
            ProjectionLag.Snapshot now = lag.snapshot();
            MessageListenerContainer container = listeners.getListenerContainer(EventConsumer.LISTENER);
            boolean listening = container != null && container.isRunning();
            Health.Builder health = now.probedAt() == null
                    ? Health.unknown()
                    : now.probedAt().isAfter(Instant.now().minus(kafkaSilence)) && listening ? Health.up() : Health.down();
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
            boolean stuck = now.lagEvents() > 0 && now.progressAt() != null
                    && now.progressAt().isBefore(Instant.now().minus(stall));
            return (stuck ? Health.down() : Health.up())
                    .withDetail("position", now.projectedPosition())
                    .withDetail("topicPosition", now.topicPosition())
                    .withDetail("lagEvents", now.lagEvents())
                    .withDetail("lagSeconds", now.lagSeconds())
                    .build();
        };
    }
}
