package dev.qcurate.query.projection;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * How the live tail and a rebuild read the event topic's one partition: assigned, never a group member, committing
 * no offsets (positions live in PostgreSQL), from the earliest record, committed transactions only, in large fetches.
 */
record EventTopicReader(TopicPartition partition, Map<String, Object> settings) {

    /** {@code tuning} adds the settings only one reader wants. */
    static EventTopicReader of(String servers, String topic, int maxPollRecords, Map<String, Object> tuning) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                maxPollRecords,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                16 << 20,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"));
        settings.putAll(tuning);
        return new EventTopicReader(new TopicPartition(topic, 0), Map.copyOf(settings));
    }

    /** A new consumer, not yet assigned the partition. */
    KafkaConsumer<String, byte[]> open() {
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
