package dev.qcurate.command.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Compares the event store with the topic by position and republishes every stored event the topic lacks: the net
 * under the relay's gap policy (docs/gap-policy.md). Positions up to {@code reconciled_to} are known to be on the
 * topic; a run checks the stored events above it, up to the relay's own token, against the records from
 * {@code scan_from_offset} on (every record of a position above {@code reconciled_to} is at or after that offset),
 * republishes the missing ones that are {@code reconcile-settle} old, and moves both marks on past the events that
 * are now settled and on the topic. One run at a time over all instances (a session advisory lock). Republished
 * events carry their original position, so the query side, which applies a position once, stays exactly-once.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final long LOCK = 7158349022L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TopicPositions topic;
    private final EventStorageEngine store;
    private final KafkaEventRelay relay;
    private final RelayProperties properties;
    private final RelayToken relayToken;
    private final Clock clock;
    private final Counter republished;
    private volatile long reconciledTo;

    Reconciliation(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TopicPositions topic,
            EventStorageEngine store,
            KafkaEventRelay relay,
            RelayProperties properties,
            RelayToken relayToken,
            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.topic = topic;
        this.store = store;
        this.relay = relay;
        this.properties = properties;
        this.relayToken = relayToken;
        this.clock = Clock.systemUTC();
        this.republished = Counter.builder("qcurate.relay.republished")
                .description("stored events the reconciliation found missing on the topic and published again")
                .register(metrics);
        Gauge.builder("qcurate.relay.reconciled.position", this, r -> r.reconciledTo)
                .description("global index up to which the topic is known to hold every stored event")
                .register(metrics);
    }

    /** What one run did; {@code ran} is false when another instance was reconciling at the time. */
    record Report(
            boolean ran,
            long checkedAbove,
            long checkedUpTo,
            long reconciledTo,
            int storedEvents,
            int missing,
            int republished,
            int waitingToSettle,
            long topicRecordsRead) {}

    @Scheduled(
            initialDelayString = "${qcurate.relay.reconcile-interval:PT1M}",
            fixedDelayString = "${qcurate.relay.reconcile-interval:PT1M}")
    void scheduled() {
        try {
            Report report = run();
            if (report.republished() > 0) {
                log.warn(
                        "Reconciliation republished {} stored event(s) missing on the topic: {}",
                        report.republished(),
                        report);
            }
        } catch (RuntimeException e) {
            log.warn("Reconciliation failed, it will run again: {}", e.toString());
        }
    }

    /** Runs one reconciliation now, unless another instance is running one. */
    Report run() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!tryLock(lock)) {
                return new Report(false, reconciledTo, reconciledTo, reconciledTo, 0, 0, 0, 0, 0);
            }
            try {
                return reconcile();
            } finally {
                try (var unlock = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the event store cannot be reached", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private record Stored(long position, String eventId, Instant at) {}

    private Report reconcile() {
        Map<String, Object> state =
                jdbc.queryForMap("SELECT reconciled_to, scan_from_offset FROM relay_reconciliation WHERE id = 1");
        long above = ((Number) state.get("reconciled_to")).longValue();
        long scanFrom = ((Number) state.get("scan_from_offset")).longValue();
        long upTo = Math.min(
                above + properties.reconcileMaxRange(), relayToken.index().orElse(above));
        if (upTo <= above) {
            reconciledTo = above;
            return new Report(true, above, upTo, above, 0, 0, 0, 0, 0);
        }
        List<Stored> stored = jdbc.query(
                """
                SELECT global_index, event_identifier, time_stamp FROM domain_event_entry
                WHERE global_index > ? AND global_index <= ? ORDER BY global_index""",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3))),
                above,
                upTo);
        TopicPositions.Scan scan = topic.scan(scanFrom, above, upTo);
        Instant settled = clock.instant().minus(properties.reconcileSettle());

        List<Stored> missing =
                stored.stream().filter(s -> !scan.has(s.position())).toList();
        List<Stored> toRepublish =
                missing.stream().filter(s -> s.at().isBefore(settled)).toList();
        republish(toRepublish);
        Set<Long> republishedNow = new HashSet<>();
        toRepublish.forEach(s -> republishedNow.add(s.position()));

        long newReconciledTo = above;
        for (Stored s : stored) {
            boolean onTopic = scan.has(s.position()) || republishedNow.contains(s.position());
            if (!onTopic || !s.at().isBefore(settled)) {
                break;
            }
            newReconciledTo = s.position();
        }
        long newScanFrom = scan.firstOffsetBeyond();
        for (Map.Entry<Long, Long> record : scan.offsetByPosition().entrySet()) {
            if (record.getKey() > newReconciledTo) {
                newScanFrom = Math.min(newScanFrom, record.getValue());
            }
        }
        jdbc.update(
                "UPDATE relay_reconciliation SET reconciled_to = ?, scan_from_offset = ?, checked_at = now(), "
                        + "republished = republished + ? WHERE id = 1",
                newReconciledTo,
                newScanFrom,
                toRepublish.size());
        reconciledTo = newReconciledTo;
        return new Report(
                true,
                above,
                upTo,
                newReconciledTo,
                stored.size(),
                missing.size(),
                toRepublish.size(),
                missing.size() - toRepublish.size(),
                scan.recordsRead());
    }

    /** Reads the missing events through the storage engine (upcasters included) and sends them with their positions. */
    private void republish(List<Stored> missing) {
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Long> positions = new HashMap<>();
        missing.forEach(s -> positions.put(s.eventId(), s.position()));
        long first = missing.get(0).position();
        long last = missing.get(missing.size() - 1).position();
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream =
                store.readEvents(GapAwareTrackingToken.newInstance(first - 1, Set.of()), false)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            while (it.hasNext() && events.size() < missing.size()) {
                TrackedEventMessage<?> event = it.next();
                if (positions.containsKey(event.getIdentifier())) {
                    events.add(event);
                }
                if (event.trackingToken().position().orElse(0) > last) {
                    break;
                }
            }
        }
        if (events.size() != missing.size()) {
            throw new IllegalStateException("read " + events.size() + " of the " + missing.size()
                    + " missing events back from the event store");
        }
        relay.sendAndAwait(events, positions);
        republished.increment(events.size());
        log.info(
                "Republished positions {}",
                missing.stream().map(Stored::position).toList());
    }
}
