package dev.qcurate.query.curatedlist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes queued list versions to the change feed topic (key = list id), oldest first, and marks them published
 * once Kafka acknowledged them. A crash in between publishes a version again, with the same content: consumers
 * drop repeats by (listId, version).
 */
@Component
class ListFeedRelay {

    private static final Logger log = LoggerFactory.getLogger(ListFeedRelay.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private volatile boolean failing;

    ListFeedRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> listFeedTemplate,
                  @Value("${qcurate.list-feed.topic}") String topic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = listFeedTemplate;
        this.topic = topic;
    }

    record Pending(UUID listId, int version, String payload) {
    }

    @Scheduled(fixedDelayString = "${qcurate.list-feed.interval:PT0.5S}")
    void relay() {
        try {
            Integer sent;
            do {
                sent = transaction.execute(status -> publishBatch());
            } while (sent != null && sent == BATCH);
            if (failing) {
                log.info("List change feed is publishing again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("List change feed cannot publish to {} ({}); retrying", topic, e.getMessage());
                failing = true;
            }
        }
    }

    private int publishBatch() {
        // SKIP LOCKED: several instances share the outbox without publishing a row twice at the same time. Each list's
        // versions go out in version order; not by cause position, which concurrent commands can make run backwards.
        List<Pending> pending = jdbc.query("""
                SELECT list_id, version, payload FROM list_feed_outbox WHERE published_at IS NULL
                ORDER BY list_id, version LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)), BATCH);
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Pending message : pending) {
            acks.add(kafka.send(topic, message.listId().toString(), message.payload()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the list versions", e);
        }
        jdbc.batchUpdate("UPDATE list_feed_outbox SET published_at = now() WHERE list_id = ? AND version = ?",
                pending.stream().map(p -> new Object[]{p.listId(), p.version()}).toList());
        return pending.size();
    }
}
