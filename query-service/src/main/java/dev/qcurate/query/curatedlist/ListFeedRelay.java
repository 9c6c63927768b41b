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
 * Publishes queued list versions to the change feed topic (key = list id), each list's in version order whatever
 * the number of instances relaying, and marks them published once Kafka acknowledged them. A crash in between publishes a version again, with the same content: consumers
 * drop repeats by (listId, version).
 */
@Component
class ListFeedRelay {

    private static final Logger log = LoggerFactory.getLogger(ListFeedRelay.class);
    private static final int BATCH = 500;
    /** The first key of the lists' advisory locks (the second is the list's hash): no other lock uses it. */
    private static final int LOCK_SPACE = 0x11f7eed;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private volatile boolean failing;

    ListFeedRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            KafkaTemplate<String, String> listFeedTemplate,
            @Value("${qcurate.list-feed.topic}") String topic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = listFeedTemplate;
        this.topic = topic;
    }

    record Pending(UUID listId, int version, String payload) {}

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
        // One instance at a time per list: a list's pending versions are taken under a transaction-scoped advisory
        // lock on that list, so two instances never publish versions of one list side by side (row locks with SKIP
        // LOCKED did not: a batch limit could cut a list, and the other instance sent the later versions first).
        // Within a list, versions go out in version order; not by cause position, which concurrent commands can
        // make run backwards. Lists another instance is publishing are skipped, not waited for.
        List<UUID> lists = jdbc.queryForList("""
                SELECT list_id FROM list_feed_outbox WHERE published_at IS NULL
                GROUP BY list_id ORDER BY min(position) LIMIT ?""", UUID.class, BATCH);
        List<Pending> pending = new ArrayList<>();
        for (UUID list : lists) {
            if (pending.size() >= BATCH) {
                break;
            }
            Boolean mine = jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(?, hashtext(?))", Boolean.class, LOCK_SPACE, list.toString());
            if (Boolean.TRUE.equals(mine)) {
                pending.addAll(jdbc.query(
                        """
                        SELECT list_id, version, payload FROM list_feed_outbox
                        WHERE list_id = ? AND published_at IS NULL ORDER BY version LIMIT ?""",
                        (rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)),
                        list,
                        BATCH - pending.size()));
            }
        }
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Pending message : pending) {
            acks.add(kafka.send(topic, message.listId().toString(), message.payload()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the list versions", e);
        }
        jdbc.batchUpdate(
                "UPDATE list_feed_outbox SET published_at = now() WHERE list_id = ? AND version = ?",
                pending.stream()
                        .map(p -> new Object[] {p.listId(), p.version()})
                        .toList());
        return pending.size();
    }
}
