package dev.qcurate.query.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/** Publishing the lists' change feed: an idempotent producer that waits for every replica, and its topic. */
@Configuration
@EnableScheduling
class ListFeedKafkaConfig {

    @Bean
    NewTopic listVersionsTopic(@Value("${qcurate.list-feed.topic}") String topic) {
        return TopicBuilder.name(topic)
                .partitions(1)
                .replicas(1)
                .config("retention.ms", "-1")
                .build();
    }

    @Bean
    KafkaTemplate<String, String> listFeedTemplate(@Value("${qcurate.kafka.bootstrap-servers}") String servers) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        5_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        10_000),
                new StringSerializer(),
                new StringSerializer()));
    }
}
