package dev.qcurate.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far the read model is behind the topic, measured every few seconds with a consumer of its own (assigned, never
 * a group member, so it cannot take the partition from the projecting consumer): in events (position of the topic's
 * last record minus the stored position) and in seconds (age of the oldest record the group has not committed). The
 * probe doubles as the Kafka health check: it succeeds only when the broker answers.
 */
@Component
public class ProjectionLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);

    /** One measurement; {@code probedAt} is when Kafka last answered, {@code error} why the last probe failed. */
    public record Snapshot(
            long topicPosition,
            long projectedPosition,
            long lagEvents,
            double lagSeconds,
            Instant probedAt,
            Instant progressAt,
            String error) {

        static final Snapshot NONE = new Snapshot(0, 0, 0, 0, null, null, null);
    }

    private final ProjectionPosition position;
    private final EventDecoder decoder;
    private final TopicPartition partition;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last = Snapshot.NONE;
    private long lastProjected = -1;
    private Instant progressAt;

    ProjectionLag(
            ProjectionPosition position, EventDecoder decoder, MeterRegistry metrics, EventTopicProperties topic) {
        this.position = position;
        this.decoder = decoder;
        this.partition = new TopicPartition(topic.topic(), 0);
        // group.id only to read the group's committed offset; assign() never joins the group
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        topic.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        topic.groupId(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        3_000,
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        3_000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        Gauge.builder("qcurate.projection.lag.events", this, lag -> lag.last.lagEvents())
                .description("events on the topic not yet applied to the read model")
                .register(metrics);
        Gauge.builder("qcurate.projection.lag.seconds", this, lag -> lag.last.lagSeconds())
                .description("age of the oldest event not yet applied to the read model")
                .baseUnit("seconds")
                .register(metrics);
        Gauge.builder("qcurate.projection.position", this, lag -> lag.last.projectedPosition())
                .description("global position up to which the read model is up to date")
                .register(metrics);
    }

    public Snapshot snapshot() {
        return last;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${qcurate.health.lag-probe-interval:PT2S}")
    synchronized void probe() {
        long projected;
        try {
            projected = position.current();
        } catch (RuntimeException databaseDown) {
            projected = last.projectedPosition();
        }
        Instant now = clock.instant();
        if (projected != lastProjected) {
            lastProjected = projected;
            progressAt = now;
        }
        try {
            consumer.assign(List.of(partition));
            Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(partition), Duration.ofSeconds(3));
            long end = ends.getOrDefault(partition, 0L);
            long topicPosition = end == 0
                    ? 0
                    : positionAt(end - 1).flatMap(decoder::position).orElse(projected);
            long lagEvents = Math.max(0, topicPosition - projected);
            double lagSeconds = 0;
            if (lagEvents > 0) {
                OffsetAndMetadata committed = consumer.committed(Set.of(partition), Duration.ofSeconds(3))
                        .get(partition);
                long oldest = committed == null ? 0 : committed.offset();
                lagSeconds = positionAt(oldest)
                        .map(record -> Math.max(0, (now.toEpochMilli() - record.timestamp()) / 1000.0))
                        .orElse(0.0);
            }
            last = new Snapshot(topicPosition, projected, lagEvents, lagSeconds, now, progressAt, null);
        } catch (RuntimeException e) {
            log.debug("Lag probe failed: {}", e.toString());
            last = new Snapshot(
                    last.topicPosition(),
                    projected,
                    Math.max(0, last.topicPosition() - projected),
                    last.lagSeconds(),
                    last.probedAt(),
                    progressAt,
                    e.toString());
        }
    }

    private Optional<ConsumerRecord<String, byte[]>> positionAt(long offset) {
        consumer.seek(partition, offset);
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
            return Optional.of(record);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void destroy() {
        consumer.close(Duration.ofSeconds(2));
    }
}
