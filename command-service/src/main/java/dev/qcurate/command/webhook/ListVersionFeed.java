package dev.qcurate.command.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Queues a delivery for every list version the query side publishes. List versions are numbered by the query side's
 * view, so they are not in the event store; they arrive on its change feed topic. Offsets are committed only after
 * the batch is queued (a crash re-reads it, and the (endpoint, event) key queues nothing twice). A new consumer group
 * starts at the earliest offset so that no version is lost; endpoints still get only versions caused after they were
 * registered (DeliveryStore#enqueue compares the cause's position).
 */
@Component
class ListVersionFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ListVersionFeed.class);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final DeliveryStore deliveries;
    private final ObjectMapper json;
    private final WebhookSettings settings;
    private final Thread thread;
    private volatile boolean running = true;

    ListVersionFeed(
            @Value("${qcurate.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${qcurate.webhooks.list-versions-topic:qcurate.list-versions}") String topic,
            @Value("${qcurate.webhooks.list-versions-group:qcurate-webhooks}") String group,
            DeliveryStore deliveries,
            ObjectMapper json,
            WebhookSettings settings) {
        this.topic = topic;
        this.deliveries = deliveries;
        this.json = json;
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        false, // the query service creates it, with its settings
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        200,
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        5_000),
                new StringDeserializer(),
                new StringDeserializer());
        this.thread = new Thread(this::run, "webhook-list-versions");
        this.thread.setDaemon(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.start();
    }

    private void run() {
        boolean rewind = false; // a batch failed: read it again from the committed offsets before going on
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                try {
                    if (rewind) {
                        rewind();
                        rewind = false;
                    }
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, String> record : records) {
                        queue(record.value());
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) { // database or broker away: never skip, never let the thread die
                    log.warn("Cannot queue list versions for webhooks ({}); retrying", e.getMessage());
                    rewind = true;
                    sleep();
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void queue(String message) {
        JsonNode version;
        try {
            version = json.readTree(message);
        } catch (IOException e) {
            log.warn("Skipping a list version message that is not JSON: {}", e.getMessage());
            return;
        }
        JsonNode cause = version.path("cause");
        String eventId = "list-version:" + version.path("listId").asText() + ":"
                + version.path("version").asInt();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("event", EventKind.LIST_VERSION_PUBLISHED.wireName());
        body.put("position", cause.path("position").asLong());
        body.put("occurredAt", cause.path("at").asText(null));
        body.put("actor", cause.path("actor").asText(null));
        body.put("data", version);
        try {
            deliveries.enqueue(
                    eventId,
                    EventKind.LIST_VERSION_PUBLISHED,
                    cause.path("position").asLong(),
                    json.writeValueAsBytes(body),
                    settings.maxAttempts());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree read from JSON is always JSON", e);
        }
    }

    /** Back to the last committed offsets, so a failed batch is read again. */
    private void rewind() {
        var committed = consumer.committed(consumer.assignment());
        consumer.assignment().forEach(partition -> {
            var offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
