package dev.qcurate.query.duplicates;

import dev.qcurate.query.projection.AppliedPositions;
import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.ProjectionPosition;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Keeps the in-memory {@link DuplicateIndex} in step with the read model, which stays the source of truth: at
 * start-up the index is loaded from the {@code question} and {@code question_alias} tables, and afterwards every
 * batch re-reads the questions it touched (after the question projection wrote them) and hands them to the index
 * only once the batch has committed, so a rolled-back batch leaves nothing behind. The index is updated on one
 * worker thread, in commit order, so the consumer can wake readers and fetch the next batch meanwhile; readers that
 * need the index itself wait for {@link #awaitIndexed}. PROPOSED and ACTIVE questions are
 * candidates; REJECTED, RETIRED and MERGED ones stay in the index (their own candidates can still be asked for) but
 * are never proposed. A merged question's text lives on as an alias of its target.
 */
@Component
public class DuplicateProjection implements Projection, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DuplicateProjection.class);
    private static final Set<String> SEARCHABLE = Set.of("PROPOSED", "ACTIVE");
    /** Batches committed but not yet indexed; a full queue holds the consumer back rather than reorder or drop. */
    private static final int QUEUED_BATCHES = 8;
    private static final int WRITE_CHUNK = 512;

    private final DuplicateIndex index;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ProjectionPosition position;
    private final BlockingQueue<IndexUpdate> updates = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread indexer = new Thread(this::indexUpdates, "duplicate-indexer");

    DuplicateProjection(DuplicateIndex index, JdbcTemplate jdbc, TransactionTemplate transaction,
                        ProjectionPosition position) {
        this.index = index;
        this.jdbc = jdbc;
        this.position = position;
        this.snapshot = new TransactionTemplate(transaction.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.indexer.setDaemon(true);
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.DUPLICATES;
    }

    /** Runs before the Kafka listeners start, so no batch can overtake the load. */
    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        // read in one snapshot, indexed after it: embedding texts not stored yet writes their vectors, which a
        // read-only snapshot could not, and a first start with many questions should not hold a transaction open
        Snapshot loaded = snapshot.execute(status -> new Snapshot(read(null), position.loadedLocally()));
        long loadedUpTo = loaded.upTo();
        index.clear();
        writeAll(loaded.questions());
        log.info("Duplicate index loaded: {} questions up to position {} in {} ms", index.size(), loadedUpTo,
                (System.nanoTime() - started) / 1_000_000);
        if (indexer.getState() == Thread.State.NEW) { // a reload (tests) keeps the running worker
            indexer.start();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        indexer.interrupt();
        indexer.join(5_000);
    }

    @Override
    public void apply(StoredEvent event) {
        Batch batch = batch();
        touchedQuestion(event.payload()).ifPresent(batch.touched::add);
        if (batch.standalone) {
            batch.commit();
        }
    }

    /** Notes the batch's questions; they are read back and indexed once, when the batch commits. */
    @Override
    public void applyBatch(List<StoredEvent> events) {
        Batch batch = batch();
        for (StoredEvent event : events) {
            touchedQuestion(event.payload()).ifPresent(batch.touched::add);
        }
        if (batch.standalone) {
            batch.commit();
        }
    }

    @Override
    public void reset() {
        Batch batch = batch();
        batch.reset = true;
        batch.touched.clear();
        if (batch.standalone) {
            batch.commit();
        }
    }

    /** The highest position whose batch this instance has indexed. */
    public long indexedPosition() {
        return position.indexedHighest();
    }

    /** Waits until the index holds the event at {@code eventPosition} (the worker has indexed its batch). */
    public boolean awaitIndexed(long eventPosition, Duration maxWait) throws InterruptedException {
        return position.awaitIndexed(eventPosition, maxWait);
    }

    /** The worker: applies committed batches to the index one at a time, in commit order. */
    private void indexUpdates() {
        while (true) {
            IndexUpdate update;
            try {
                update = updates.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (update.reset()) {
                    index.clear();
                }
                writeAll(update.changed());
            } catch (RuntimeException e) {
                // marked anyway: readers waiting for these positions get a possibly stale answer, not a timeout
                log.error("Indexing the batch up to {} failed; the index misses its changes until the next rebuild "
                        + "or restart", update.snapshot(), e);
            }
            if (update.snapshot() != null) {
                position.markIndexed(update.snapshot());
            }
        }
    }

    /** In chunks, so the texts not embedded yet are embedded in batches (on this thread, not the consumer's). */
    private void writeAll(List<IndexedQuestion> questions) {
        for (int start = 0; start < questions.size(); start += WRITE_CHUNK) {
            index.upsertAll(questions.subList(start, Math.min(questions.size(), start + WRITE_CHUNK)).stream()
                    .map(IndexedQuestion::entry).toList());
        }
    }

    private static java.util.Optional<UUID> touchedQuestion(Object payload) {
        UUID id = null;
        if (payload instanceof QuestionProposedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionAcceptedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRejectedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRewordedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionRetiredEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionMergedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof QuestionUnmergedEvent e) {
            id = e.questionId().value();
        } else if (payload instanceof DuplicateReleasedEvent e) {
            id = e.questionId().value();
        }
        return java.util.Optional.ofNullable(id);
    }

    /** The questions' current rows with their aliases; all of them when {@code ids} is null. */
    private List<IndexedQuestion> read(Set<UUID> ids) {
        String where = ids == null ? "" : " WHERE id = ANY (?)";
        String aliasWhere = ids == null ? "" : " WHERE question_id = ANY (?)";
        Object[] arguments = ids == null ? new Object[0] : new Object[] {ids.toArray(UUID[]::new)};
        Map<UUID, List<String>> aliases = new HashMap<>();
        jdbc.query("SELECT question_id, alias FROM question_alias" + aliasWhere + " ORDER BY question_id, source_id",
                rs -> {
                    aliases.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2));
                }, arguments);
        return jdbc.query("SELECT id, text, status FROM question" + where, (rs, row) -> {
            UUID id = rs.getObject(1, UUID.class);
            return new IndexedQuestion(id, rs.getString(2), aliases.getOrDefault(id, List.of()),
                    SEARCHABLE.contains(rs.getString(3)));
        }, arguments);
    }

    private Batch batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Batch(true);
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch(false);
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    private record IndexedQuestion(UUID id, String text, List<String> aliases, boolean searchable) {

        IndexEntry entry() {
            return new IndexEntry(id, text, aliases, searchable);
        }
    }

    private record Snapshot(List<IndexedQuestion> questions, long upTo) {
    }

    /** One committed batch for the worker; {@code snapshot} is the positions it covers (null if none stored). */
    private record IndexUpdate(boolean reset, List<IndexedQuestion> changed, AppliedPositions snapshot) {
    }

    /** What one projecting transaction changes in the index, applied only once it has committed. */
    private final class Batch implements TransactionSynchronization {

        private final boolean standalone;
        private final Set<UUID> touched = new LinkedHashSet<>();
        private List<IndexedQuestion> changed = List.of();
        private AppliedPositions snapshot;
        private boolean reset;

        Batch(boolean standalone) {
            this.standalone = standalone;
        }

        /** Still inside the transaction: the question projection has written the rows, read them back. */
        @Override
        public void beforeCommit(boolean readOnly) {
            changed = touched.isEmpty() ? List.of() : read(touched);
            snapshot = position.lastStored().orElse(null);
        }

        /** Hands the batch to the worker; blocks while it is {@value #QUEUED_BATCHES} batches behind. */
        @Override
        public void afterCommit() {
            IndexUpdate update = new IndexUpdate(reset, changed, snapshot);
            if (snapshot != null) {
                position.indexWorkQueued();
            }
            try {
                updates.put(update);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.error("Interrupted while handing the batch up to {} to the index; the index misses its changes "
                        + "until the next rebuild or restart", snapshot);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DuplicateProjection.this);
        }

        /** Without a transaction (no positions to mark), the index is updated right away on the calling thread. */
        void commit() {
            changed = touched.isEmpty() ? List.of() : read(touched);
            if (reset) {
                index.clear();
            }
            writeAll(changed);
        }
    }
}
