package dev.qcurate.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The event topic this instance reads ({@code qcurate.kafka.*}), for every consumer of it, live or rebuilding. */
@ConfigurationProperties("qcurate.kafka")
public record EventTopicProperties(String bootstrapServers, String topic, String groupId, int maxPollRecords) {}
