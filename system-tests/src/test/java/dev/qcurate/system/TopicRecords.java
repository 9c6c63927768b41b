package dev.qcurate.system;

import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every record of a topic's first partition as it is now, read from the start (for checking the relay's output), and
 * records published again (for re-delivery faults).
 */
final class TopicRecords {

    private TopicRecords() {}

    static List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = consumer(new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** A consumer of the test broker in no group, committing nothing: it reads where it is assigned and sought. */
    static <K> KafkaConsumer<K, byte[]> consumer(Deserializer<K> keys) {
        return new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                keys,
                new ByteArrayDeserializer());
    }

    /** Publishes {@code records} to {@code topic} again, in this order, as they are: key, value and headers. */
    static <K> void republish(String topic, List<ConsumerRecord<K, byte[]>> records, Serializer<K> keys)
            throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers()),
                keys,
                new ByteArraySerializer())) {
            for (ConsumerRecord<K, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()))
                        .get();
            }
        }
    }

    static long position(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader("qcurate-position");
        return header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    static List<Long> positions(String topic) {
        return all(topic).stream().map(TopicRecords::position).toList();
    }
}
