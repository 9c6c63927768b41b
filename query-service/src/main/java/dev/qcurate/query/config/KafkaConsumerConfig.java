package dev.qcurate.query.config;

import dev.qcurate.query.projection.EventTopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Map;

/**
 * Batch consumption of the event topic. Offsets are committed after each batch's transaction; a failing batch (e.g.
 * the database is down) is retried with back-off, never skipped.
 */
@Configuration
@EnableKafka
class KafkaConsumerConfig {

    @Bean
    KafkaAdmin kafkaAdmin(EventTopicProperties properties) {
        KafkaAdmin admin = new KafkaAdmin(Map.of("bootstrap.servers", properties.bootstrapServers()));
        admin.setFatalIfBrokerNotAvailable(false);
        admin.setOperationTimeout(10);
        return admin;
    }

    /** Same definition as the command service creates: the topic keeps every event, for rebuilds. */
    @Bean
    NewTopic eventTopic(EventTopicProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(1)
                .replicas(1)
                .config("retention.ms", "-1")
                .config("retention.bytes", "-1")
                .build();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> eventListenerFactory(EventTopicProperties properties) {
        var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(
                Map.ofEntries(
                        Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()),
                        Map.entry(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId()),
                        Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                        Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords()),
                        Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                        // fetch.min.bytes stays 1: a live event is handed over as soon as it is there. A catching-up
                        // consumer
                        // (rebuild) gets large batches: up to 16 MiB per fetch instead of 1 MiB (~2,000 events)
                        Map.entry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20),
                        Map.entry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20),
                        Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        // a topic created after start-up is found within seconds, not the default five minutes
                        Map.entry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000),
                        // an instance that died without leaving the group (SIGKILL, lost host) holds the only partition
                        // until
                        // its session expires: 10 s instead of the default 45 s before another instance takes over
                        Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000),
                        Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setPollTimeout(500);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
