package dev.qcurate.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The global position up to which the read model is up to date. Stored in the same transaction as the projected
 * rows, which is what makes redelivered events harmless: anything at or below it has been applied already.
 */
@Component
public class ProjectionPosition {

    static final String NAME = "read-model";
    private static final long POLL_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final Object changed = new Object();
    private volatile long known;

    ProjectionPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the stored position; use inside the projecting transaction. */
    long stored() {
        Long position = jdbc.queryForObject("SELECT position FROM projection_state WHERE name = ?", Long.class, NAME);
        return position == null ? 0 : position;
    }

    /**
     * Reads the stored position and locks it until the projecting transaction ends. Two instances (or an instance
     * that lost the partition in a rebalance while still applying a batch) thus never apply the same events twice:
     * the second waits for the first to commit, then sees its position and skips what it applied.
     */
    long lockForBatch() {
        Long position = jdbc.queryForObject("SELECT position FROM projection_state WHERE name = ? FOR UPDATE",
                Long.class, NAME);
        return position == null ? 0 : position;
    }

    void store(long position) {
        jdbc.update("UPDATE projection_state SET position = ? WHERE name = ?", position, NAME);
    }

    /** Called after a batch committed, to wake up readers waiting for it. */
    void committed(long position) {
        synchronized (changed) {
            known = Math.max(known, position);
            changed.notifyAll();
        }
    }

    public long current() {
        return Math.max(known, stored());
    }

    /**
     * Waits until the read model has reached {@code position}. Also re-reads the database while waiting, so an
     * instance that is not projecting itself (another instance owns the partition) sees progress too.
     */
    public boolean awaitAtLeast(long position, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (known >= position) {
                return true;
            }
            long fromDatabase = stored();
            if (fromDatabase >= position) {
                committed(fromDatabase);
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            synchronized (changed) {
                if (known < position) {
                    changed.wait(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
                }
            }
        }
    }

    void reset() {
        store(0);
        synchronized (changed) {
            known = 0;
        }
    }
}
