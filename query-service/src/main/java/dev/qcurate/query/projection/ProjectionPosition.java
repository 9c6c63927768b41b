package dev.qcurate.query.projection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which events the read model has applied ({@link AppliedPositions}). Stored in the same transaction as the projected
 * rows, which is what makes redelivered events harmless: anything it contains has been applied already.
 * <p>
 * This instance keeps two views of it: what it has seen committed ({@link #currentLocally()}), and what its
 * in-memory duplicate index has caught up with ({@link #indexedHighest()}), which is updated off the consumer
 * thread and so may trail the first.
 */
@Component
public class ProjectionPosition {

    static final String NAME = "read-model";
    private static final long POLL_MILLIS = 20;
    static final int DEFAULT_MAX_WAITERS = 64;

    private final JdbcTemplate jdbc;
    private final Semaphore waiters;
    private final int maxWaiters;
    private final Object changed = new Object();
    private volatile AppliedPositions known = AppliedPositions.none();
    private final Object indexedChanged = new Object();
    private volatile AppliedPositions indexed = AppliedPositions.none();
    private int indexWorkQueued; // guarded by indexedChanged
    /** The last batch committed while index work was queued; indexed as well once that work is done. */
    private AppliedPositions committedWhileIndexing; // guarded by indexedChanged
    /** Transaction resource key for the snapshot last stored in the current transaction. */
    private final Object lastStoredKey = new Object();

    ProjectionPosition(JdbcTemplate jdbc) {
        this(jdbc, DEFAULT_MAX_WAITERS);
    }

    /**
     * @param maxWaiters requests that may wait for a position at once; each holds a request thread and, for the read
     *                   model, asks the database every 20 ms, so beyond this a request is answered "not yet" (503
     *                   with Retry-After) at once instead of queueing without bound
     */
    @Autowired
    ProjectionPosition(JdbcTemplate jdbc, @Value("${qcurate.consistency.max-waiters:64}") int maxWaiters) {
        this.jdbc = jdbc;
        this.waiters = new Semaphore(maxWaiters);
        this.maxWaiters = maxWaiters;
    }

    /** Reads what is stored, as any instance sees it (also one that is not projecting itself). */
    AppliedPositions stored() {
        return read("SELECT position, gaps, gaps_noticed_ms FROM projection_state WHERE name = ?");
    }

    /**
     * Reads what is stored and locks it until the projecting transaction ends. Two instances (or an instance that
     * lost the partition in a rebalance while still applying a batch) thus never apply the same events twice: the
     * second waits for the first to commit, then sees what it applied and skips it.
     */
    AppliedPositions lockForBatch() {
        return read("SELECT position, gaps, gaps_noticed_ms FROM projection_state WHERE name = ? FOR UPDATE");
    }

    void store(AppliedPositions applied) {
        Long[] gaps = applied.gaps().keySet().toArray(Long[]::new);
        Long[] noticed = applied.gaps().values().stream().map(Instant::toEpochMilli).toArray(Long[]::new);
        jdbc.update("UPDATE projection_state SET position = ?, gaps = ?, gaps_noticed_ms = ? WHERE name = ?",
                applied.highest(), gaps, noticed, NAME);
        rememberStored(applied.copy());
    }

    /**
     * The snapshot last {@link #store stored} in the current transaction (so after-commit work can say which
     * positions it covers); empty outside a transaction or before anything was stored in it.
     */
    public Optional<AppliedPositions> lastStored() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        StoredSnapshot stored = (StoredSnapshot) TransactionSynchronizationManager.getResource(lastStoredKey);
        return Optional.ofNullable(stored).map(StoredSnapshot::get);
    }

    private void rememberStored(AppliedPositions copy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        StoredSnapshot stored = (StoredSnapshot) TransactionSynchronizationManager.getResource(lastStoredKey);
        if (stored == null) {
            stored = new StoredSnapshot();
            TransactionSynchronizationManager.bindResource(lastStoredKey, stored);
            TransactionSynchronizationManager.registerSynchronization(stored);
        }
        stored.set(copy);
    }

    /**
     * Called after a batch committed, to wake up readers waiting for it. A batch that handed the index no work (its
     * events were all of types this service skips) counts as indexed too, once no earlier work is queued.
     */
    void committed(AppliedPositions applied) {
        synchronized (changed) {
            if (applied.highest() >= known.highest()) {
                known = applied.copy();
            }
            changed.notifyAll();
        }
        synchronized (indexedChanged) {
            if (indexWorkQueued > 0) {
                committedWhileIndexing = applied.copy();
            } else if (applied.highest() >= indexed.highest()) {
                indexed = applied.copy();
                indexedChanged.notifyAll();
            }
        }
    }

    /** The highest position applied; lower ones may still be missing (see {@link #awaitApplied}). */
    public long current() {
        return Math.max(known.highest(), stored().highest());
    }

    /**
     * Takes what is stored as this instance's own view, for in-memory state loaded from the read model at start-up
     * (before any batch); answers the highest position loaded.
     */
    public long loadedLocally() {
        AppliedPositions loaded = stored();
        committed(loaded);
        synchronized (indexedChanged) {
            indexed = loaded.copy();
            indexedChanged.notifyAll();
        }
        return loaded.highest();
    }

    /**
     * Records that in-memory indexes now reflect {@code applied}. Set unconditionally, also to a lower position
     * (after a reset): the one worker that calls this does so in commit order.
     */
    public void markIndexed(AppliedPositions applied) {
        synchronized (indexedChanged) {
            indexed = applied.copy();
            indexWorkQueued = Math.max(0, indexWorkQueued - 1);
            if (indexWorkQueued == 0 && committedWhileIndexing != null) {
                if (committedWhileIndexing.highest() >= indexed.highest()) {
                    indexed = committedWhileIndexing;
                }
                committedWhileIndexing = null;
            }
            indexedChanged.notifyAll();
        }
    }

    /** Notes that work was handed to the index worker, which {@link #markIndexed marks} it when done. */
    public void indexWorkQueued() {
        synchronized (indexedChanged) {
            indexWorkQueued++;
        }
    }

    /** The highest position the in-memory indexes of this instance reflect. */
    public long indexedHighest() {
        return indexed.highest();
    }

    /** Waits until this instance's in-memory indexes reflect the event at {@code position}; local only. */
    public boolean awaitIndexed(long position, Duration maxWait) throws InterruptedException {
        if (indexed.contains(position)) {
            return true;
        }
        if (!waiters.tryAcquire()) {
            return false;
        }
        try {
            long deadline = System.nanoTime() + maxWait.toNanos();
            synchronized (indexedChanged) {
                while (!indexed.contains(position)) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    indexedChanged.wait(Math.max(1, remaining / 1_000_000));
                }
                return true;
            }
        } finally {
            waiters.release();
        }
    }

    /** Requests waiting for a position right now. */
    int waiting() {
        return maxWaiters - waiters.availablePermits();
    }

    /** The highest position this instance has seen committed, without asking the database. */
    public long currentLocally() {
        return known.highest();
    }

    /**
     * Waits until the read model has applied the event at {@code position} (the position a command answered with).
     * Its client's earlier commands committed before it, so the relay published them no later: they are applied too.
     * Also re-reads the database while waiting, so an instance that is not projecting itself sees progress.
     */
    public boolean awaitApplied(long position, Duration maxWait) throws InterruptedException {
        return await(position, maxWait, true);
    }

    private boolean await(long position, Duration maxWait, boolean askDatabase) throws InterruptedException {
        if (known.contains(position)) {
            return true;
        }
        if (!waiters.tryAcquire()) {
            return false;
        }
        try {
            return awaitHoldingAPermit(position, maxWait, askDatabase);
        } finally {
            waiters.release();
        }
    }

    private boolean awaitHoldingAPermit(long position, Duration maxWait, boolean askDatabase)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (known.contains(position)) {
                return true;
            }
            if (askDatabase) {
                AppliedPositions fromDatabase = stored();
                if (fromDatabase.contains(position)) {
                    return true;
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            synchronized (changed) {
                if (!known.contains(position)) {
                    changed.wait(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
                }
            }
        }
    }

    /**
     * Empties the stored position and the committed view. The indexed view is reset by the index's worker, after
     * the work queued before it, when it clears the index (it marks the empty snapshot stored here).
     */
    void reset() {
        store(AppliedPositions.none());
        synchronized (changed) {
            known = AppliedPositions.none();
        }
        synchronized (indexedChanged) {
            committedWhileIndexing = null;
        }
    }

    private AppliedPositions read(String sql) {
        AppliedPositions applied = jdbc.query(sql, ProjectionPosition::appliedPositions, NAME);
        return applied == null ? AppliedPositions.none() : applied;
    }

    private static AppliedPositions appliedPositions(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return AppliedPositions.none();
        }
        Long[] gaps = (Long[]) array(rs.getArray(2), new Long[0]);
        Long[] noticed = (Long[]) array(rs.getArray(3), new Long[0]);
        Map<Long, Instant> byPosition = new LinkedHashMap<>();
        for (int i = 0; i < gaps.length; i++) {
            byPosition.put(gaps[i], Instant.ofEpochMilli(noticed[i]));
        }
        return new AppliedPositions(rs.getLong(1), byPosition);
    }

    private static Object[] array(Array array, Object[] empty) throws SQLException {
        return array == null ? empty : (Object[]) array.getArray();
    }

    /** Holds the current transaction's last stored snapshot; unbound when the transaction ends. */
    private final class StoredSnapshot implements TransactionSynchronization {

        private AppliedPositions snapshot;

        AppliedPositions get() {
            return snapshot;
        }

        void set(AppliedPositions snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(lastStoredKey);
        }
    }
}
