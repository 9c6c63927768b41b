package dev.qcurate.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which events the read model has applied ({@link AppliedPositions}). Stored in the same transaction as the projected
 * rows, which is what makes redelivered events harmless: anything it contains has been applied already.
 */
@Component
public class ProjectionPosition {

    static final String NAME = "read-model";
    private static final long POLL_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final Object changed = new Object();
    private volatile AppliedPositions known = AppliedPositions.none();

    ProjectionPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    }

    /** Called after a batch committed, to wake up readers waiting for it. */
    void committed(AppliedPositions applied) {
        synchronized (changed) {
            if (applied.highest() >= known.highest()) {
                known = applied.copy();
            }
            changed.notifyAll();
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
        return loaded.highest();
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

    /**
     * As {@link #awaitApplied}, counting only batches this instance projected and whose after-commit work (such as
     * updating in-memory indexes) has run.
     */
    public boolean awaitAppliedLocally(long position, Duration maxWait) throws InterruptedException {
        return await(position, maxWait, false);
    }

    private boolean await(long position, Duration maxWait, boolean askDatabase) throws InterruptedException {
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

    void reset() {
        store(AppliedPositions.none());
        synchronized (changed) {
            known = AppliedPositions.none();
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
}
