package dev.qcurate.command.publishing;

import dev.qcurate.shared.TopicHeaders;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the event topic's position headers (never the payloads) from an offset to the end the topic had when the
 * scan began. The topic has one partition (global order, see KafkaPublishingProperties), so one offset says where.
 */
@Component
@RequiredArgsConstructor
class TopicPositions {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SCAN_LIMIT = Duration.ofMinutes(2);

    private final KafkaPublishingProperties properties;
    private final EventTopic topic;

    /**
     * What a scan saw: for positions in {@code (above, upTo]} the lowest offset holding each, the lowest offset of
     * any record beyond {@code upTo} ({@code end} if none), the end offset, and how many records were read.
     */
    record Scan(Map<Long, Long> offsetByPosition, long firstOffsetBeyond, long end, long recordsRead) {

        boolean has(long position) {
            return offsetByPosition.containsKey(position);
        }
    }

    Scan scan(long fromOffset, long above, long upTo) {
        topic.ensureExists();
        TopicPartition partition = new TopicPartition(topic.name(), 0);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        properties.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        10_000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                skipPayload())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            long next = Math.max(fromOffset, begin);
            consumer.seek(partition, next);
            Map<Long, Long> offsets = new HashMap<>();
            long firstBeyond = end;
            long read = 0;
            long deadline = System.nanoTime() + SCAN_LIMIT.toNanos();
            while (next < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topic could not be read to its end within " + SCAN_LIMIT);
                }
                for (ConsumerRecord<byte[], Void> record : consumer.poll(POLL)) {
                    next = record.offset() + 1;
                    if (record.offset() >= end) {
                        continue;
                    }
                    read++;
                    long position = position(record);
                    if (position > upTo) {
                        firstBeyond = Math.min(firstBeyond, record.offset());
                    } else if (position > above) {
                        offsets.merge(position, record.offset(), Math::min);
                    }
                }
                next = Math.max(next, consumer.position(partition));
            }
            return new Scan(offsets, firstBeyond, end, read);
        }
    }

    private static long position(ConsumerRecord<byte[], Void> record) {
        Header header = record.headers().lastHeader(TopicHeaders.POSITION);
        // a record without a position is not one of ours; it cannot stand for any stored event
        return header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Deserializer<Void> skipPayload() {
        return (topicName, data) -> null;
    }
}
