package dev.qcurate.command.publishing;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the event topic if it is missing, with unlimited retention: the topic is the query side's source for
 * rebuilding, so it must keep every event. Called before publishing rather than at start-up, so the service starts
 * (and accepts commands) while Kafka is down.
 */
@Component
@RequiredArgsConstructor
class EventTopic {

    private static final Logger log = LoggerFactory.getLogger(EventTopic.class);

    private final KafkaPublishingProperties properties;
    private volatile boolean ensured;

    String name() {
        return properties.topic();
    }

    void ensureExists() {
        if (ensured) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor())
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"));
            admin.createTopics(java.util.List.of(topic)).all().get(10, TimeUnit.SECONDS);
            log.info("Created Kafka topic {}", properties.topic());
            ensured = true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ensured = true;
                return;
            }
            throw new IllegalStateException("cannot create Kafka topic " + properties.topic(), e.getCause());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot reach Kafka at " + properties.bootstrapServers(), e);
        }
    }
}
