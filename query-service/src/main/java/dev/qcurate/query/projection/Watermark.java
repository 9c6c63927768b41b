package dev.qcurate.query.projection;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Which positions some state of this instance reflects ({@link AppliedPositions}), and a place for requests to wait
 * until it reflects a given one. Two exist: the read model as this instance has seen it committed
 * ({@link ProjectionPosition}), and this instance's in-memory state fed by its {@link TopicTail}. At most
 * {@code maxWaiters} requests wait at once (each holds a request thread); beyond that a wait is refused at once.
 */
public final class Watermark {

    private static final long POLL_MILLIS = 20;

    private final Semaphore waiters;
    private final int maxWaiters;
    private final Object changed = new Object();
    private volatile AppliedPositions reached = AppliedPositions.none();

    Watermark(int maxWaiters) {
        this.waiters = new Semaphore(maxWaiters);
        this.maxWaiters = maxWaiters;
    }

    public long highest() {
        return reached.highest();
    }

    public boolean contains(long position) {
        return reached.contains(position);
    }

    /** What is reached; a copy the caller may change. */
    AppliedPositions reached() {
        return reached.copy();
    }

    /** Moves to {@code applied} unless that is behind what is reached already (batches committed out of order). */
    void advance(AppliedPositions applied) {
        synchronized (changed) {
            if (applied.highest() >= reached.highest()) {
                reached = applied.copy();
            }
            changed.notifyAll();
        }
    }

    /** Moves to {@code applied} unconditionally, also back (the state was reloaded from an emptied read model). */
    void set(AppliedPositions applied) {
        synchronized (changed) {
            reached = applied.copy();
            changed.notifyAll();
        }
    }

    /** Waits until {@code position} is reached; false after {@code maxWait} or when too many wait already. */
    public boolean await(long position, Duration maxWait) throws InterruptedException {
        return await(position, maxWait, null);
    }

    /**
     * As {@link #await(long, Duration)}, also asking {@code elsewhere} every 20 ms (e.g. the database, for progress
     * another instance made).
     */
    boolean await(long position, Duration maxWait, Supplier<AppliedPositions> elsewhere) throws InterruptedException {
        if (reached.contains(position)) {
            return true;
        }
        if (!waiters.tryAcquire()) {
            return false;
        }
        try {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (true) {
                if (reached.contains(position)
                        || elsewhere != null && elsewhere.get().contains(position)) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                long millis = Math.max(1, remaining / 1_000_000);
                synchronized (changed) {
                    if (!reached.contains(position)) {
                        changed.wait(elsewhere == null ? millis : Math.min(POLL_MILLIS, millis));
                    }
                }
            }
        } finally {
            waiters.release();
        }
    }

    /** Requests waiting right now. */
    int waiting() {
        return maxWaiters - waiters.availablePermits();
    }
}
