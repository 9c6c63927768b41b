package dev.qcurate.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how events are published. {@code batchSize}: events read from the store and acknowledged by Kafka
 * together; one partition keeps the topic in global event order, which the query service's positions rely on.
 */
@ConfigurationProperties("qcurate.kafka")
record KafkaPublishingProperties(
        String bootstrapServers, String topic, int partitions, short replicationFactor, int batchSize) {

    KafkaPublishingProperties {
        topic = topic == null || topic.isBlank() ? "qcurate.events" : topic;
        partitions = partitions < 1 ? 1 : partitions;
        replicationFactor = replicationFactor < 1 ? 1 : replicationFactor;
        batchSize = batchSize < 1 ? 500 : batchSize;
    }
}
