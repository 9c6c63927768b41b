package dev.qcurate.query.curatedlist;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two relays (as on two query-service instances) start draining one full list-version outbox at the same moment,
 * round after round: every list's versions reach the feed topic, each list's in version order.
 */
class ListFeedTwoRelaysIT {

    private static final int LISTS = 7;
    private static final int VERSIONS = 130; // not a divisor of the relay's batch: batches end inside a list
    private static final int ROUNDS = 4;

    @Test
    void twoRelayingInstancesPublishEachListInVersionOrder() throws Exception {
        String topic = "list_feed_two_relays." + UUID.randomUUID();
        JdbcTemplate jdbc = database();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        ListFeedRelay first = relay(jdbc, topic);
        ListFeedRelay second = relay(jdbc, topic);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                queueVersions(jdbc, round);
                // both start on a full outbox at once: a batch of one ends inside a list, the other takes the rest
                CountDownLatch start = new CountDownLatch(2);
                List<Future<?>> relays = List.of(
                        pool.submit(() -> drain(first, jdbc, start)), pool.submit(() -> drain(second, jdbc, start)));
                for (Future<?> relay : relays) {
                    relay.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(pendingRows(jdbc)).isZero();

        Map<String, List<Integer>> versionsByList = readFeed(topic, ROUNDS * LISTS * VERSIONS);
        assertThat(versionsByList).hasSize(ROUNDS * LISTS);
        for (var list : versionsByList.entrySet()) {
            List<Integer> firstSeen = list.getValue().stream().distinct().toList();
            assertThat(firstSeen)
                    .as("list " + list.getKey())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, VERSIONS)
                            .boxed()
                            .toList());
        }
    }

    private static void queueVersions(JdbcTemplate jdbc, int round) {
        long position = round * (long) LISTS * VERSIONS;
        List<Object[]> rows = new ArrayList<>();
        List<UUID> lists = new ArrayList<>();
        for (int i = 0; i < LISTS; i++) {
            lists.add(UUID.randomUUID());
        }
        for (int version = 1; version <= VERSIONS; version++) {
            for (UUID list : lists) {
                rows.add(new Object[] {list, version, ++position, "{\"version\":" + version + "}"});
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO list_feed_outbox (list_id, version, position, payload) VALUES (?, ?, ?, ?)", rows);
    }

    private static Void drain(ListFeedRelay relay, JdbcTemplate jdbc, CountDownLatch start) throws Exception {
        start.countDown();
        start.await();
        long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
        while (pendingRows(jdbc) > 0 && System.nanoTime() < deadline) {
            relay.relay();
        }
        return null;
    }

    private static long pendingRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM list_feed_outbox WHERE published_at IS NULL", Long.class);
    }

    private static JdbcTemplate database() {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing("list_feed_two_relays");
        String url = postgres.jdbcUrl("list_feed_two_relays");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .schemas("qcurate_query")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=qcurate_query", "postgres", ""));
        jdbc.update("DELETE FROM list_feed_outbox");
        return jdbc;
    }

    private static ListFeedRelay relay(JdbcTemplate jdbc, String topic) {
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer()));
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        return new ListFeedRelay(jdbc, transactions, kafka, topic);
    }

    private static Map<String, List<Integer>> readFeed(String topic, int atLeast) {
        Map<String, List<Integer>> versions = new TreeMap<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < atLeast && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    int version = Integer.parseInt(record.value().replaceAll("\\D", ""));
                    versions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(version);
                }
            }
        }
        return versions;
    }
}
