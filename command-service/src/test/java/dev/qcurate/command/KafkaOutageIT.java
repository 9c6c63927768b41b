package dev.qcurate.command;

import dev.qcurate.devstack.LocalKafka;
import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands keep being accepted while the Kafka broker is down, and once it is back every stored event reaches the
 * topic: the relay reads from the event store, not from memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaOutageIT {

    private static final String TOPIC = "kafka_outage.events";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        CommandServiceStack.register(registry, "kafka_outage");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acceptsCommandsWhileKafkaIsDownAndPublishesThemAllWhenItIsBack() {
        LocalKafka kafka = TestInfrastructure.kafka();
        String token = token("editor");
        Set<String> proposed = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            proposed.add(propose(token, "Before the outage, question " + i + "?"));
        }

        kafka.stop();
        try {
            for (int i = 0; i < 15; i++) {
                proposed.add(propose(token, "During the outage, question " + i + "?"));
            }
        } finally {
            kafka.start();
        }

        long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Topic topic = readTopicUntil(kafka, proposed, stored, Duration.ofSeconds(120));
        assertThat(topic.keys()).as("every proposed question is on the topic").containsAll(proposed);
        assertThat(topic.positions()).as("every stored event is on the topic").hasSize((int) stored);
    }

    private String propose(String token, String text) {
        ResponseEntity<Map> answer = http.exchange(
                "/api/questions",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("text", text, "tags", List.of("outage")), bearer(token)),
                Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getHeaders().getFirst("X-Qcurate-Position")).isNotBlank();
        return (String) answer.getBody().get("questionId");
    }

    record Topic(Set<String> keys, Set<Long> positions) {}

    /** Reads the topic from the start until it holds the wanted keys and number of events, or the time is up. */
    private static Topic readTopicUntil(LocalKafka kafka, Set<String> keys, long events, Duration timeout) {
        Topic topic = new Topic(new HashSet<>(), new HashSet<>());
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "outage-check-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        1_000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            while ((!topic.keys().containsAll(keys) || topic.positions().size() < events)
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    topic.keys().add(record.key());
                    topic.positions().add(Long.parseLong(header(record, "qcurate-position")));
                }
            }
        }
        return topic;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private String token(String user) {
        return CommandServiceStack.token(http, user);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
