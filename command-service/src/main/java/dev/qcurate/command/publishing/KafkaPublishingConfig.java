package dev.qcurate.command.publishing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The relay's Kafka producer and its processor: one segment (global order on the topic), real batches, and errors
 * that fail the batch instead of being logged and skipped.
 */
@Configuration
class KafkaPublishingConfig {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(KafkaPublishingProperties properties) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        properties.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        2,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        // Fail fast while Kafka is away: the batch is retried from the event store, nothing waits in
                        // memory.
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        5_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        20_000),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer) {
        return DefaultKafkaMessageConverter.builder().serializer(serializer).build();
    }

    /*
     * A tracking processor, not a pooled streaming one: Axon's pooled coordinator only learns about new events from an
     * availability callback that the embedded event store does not offer, so once caught up it polled every 500 ms
     * and command -> visible waited for that (bench: ack -> visible p50 ~0.5 s). The tracking processor blocks on the
     * event store's stream, which wakes up after every local commit. Same token, same segment, same batch semantics:
     * the batch's token is stored only after Kafka acknowledged it (KafkaEventRelay), a failed batch is retried.
     */
    @Autowired
    void configureRelayProcessor(EventProcessingConfigurer processing, KafkaPublishingProperties properties) {
        processing
                .registerTrackingEventProcessor(
                        KafkaEventRelay.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialSegmentsCount(1)
                                .andTokenClaimInterval(1_000, TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(KafkaEventRelay.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
