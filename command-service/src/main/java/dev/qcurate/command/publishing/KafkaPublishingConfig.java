package dev.qcurate.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The relay's Kafka producer and its processor: one segment (global order on the topic), real batches, and errors
 * that fail the batch instead of being logged and skipped.
 */
@Configuration
class KafkaPublishingConfig {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaPublishingProperties properties) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Fail fast while Kafka is away: the batch is retried from the event store, nothing waits in memory.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer) {
        return DefaultKafkaMessageConverter.builder().serializer(serializer).build();
    }

    @Autowired
    void configureRelayProcessor(EventProcessingConfigurer processing, KafkaPublishingProperties properties) {
        processing.registerPooledStreamingEventProcessor(KafkaEventRelay.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder
                                .batchSize(properties.batchSize())
                                .initialSegmentCount(1)
                                .maxClaimedSegments(1)
                                .tokenClaimInterval(1_000)
                                .enableCoordinatorClaimExtension())
                .registerListenerInvocationErrorHandler(KafkaEventRelay.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
