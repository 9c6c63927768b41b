package dev.qcurate.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaTest {

    // A new LocalKafka on an existing data directory is covered by DevStackTest.

    @Test
    void producerWithTheOldBootstrapAddressDeliversAcrossAStopAndRestart() throws Exception {
        LocalKafka kafka = TestInfrastructure.kafka(); // the shared broker, as the services' tests will use it
        try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            createTopic(kafka.bootstrapServers(), "restart");
            producer.send(new ProducerRecord<>("restart", "before")).get(10, TimeUnit.SECONDS);

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            Future<?> sentWhileDown = producer.send(new ProducerRecord<>("restart", "while-down"));
            kafka.start();
            sentWhileDown.get(30, TimeUnit.SECONDS);

            assertThat(consumeAll(kafka.bootstrapServers(), "restart", 2)).containsExactly("before", "while-down");
        }
    }

    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(),
                new StringSerializer());
    }

    static List<String> consumeAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + System.nanoTime(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
