package dev.qcurate.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Which events the read model has applied, by global position: every position up to {@link #highest()} except the
 * gaps. Concurrent commands take their positions before they commit, so the relay publishes them in commit order,
 * not position order: a position jumped over is a gap until its event arrives. A gap that never fills (the
 * command's transaction rolled back after taking the number) is abandoned by one rule, {@link #advance}: when an
 * event arrives whose own stored time is more than the gap timeout after the gap was noticed. It is decided event by
 * event, in topic order, on the events' own times (not when they were sent or received), so any batching, a rebuild
 * and every instance's tail decide exactly as the live run did.
 * Not thread-safe: the projecting transaction owns one, readers get {@link #copy()}s.
 */
public final class AppliedPositions {

    /** More positions than this jumped over at once are not a race between commands but missing history. */
    static final int MAX_GAP_SPAN = 10_000;

    private long highest;
    private final NavigableMap<Long, Instant> gaps;

    AppliedPositions(long highest, Map<Long, Instant> gaps) {
        this.highest = highest;
        this.gaps = new TreeMap<>(gaps);
    }

    static AppliedPositions none() {
        return new AppliedPositions(0, Map.of());
    }

    public long highest() {
        return highest;
    }

    NavigableMap<Long, Instant> gaps() {
        return gaps;
    }

    /** Whether the event at {@code position} has been applied (or its gap abandoned). */
    public boolean contains(long position) {
        return position <= highest && !gaps.containsKey(position);
    }

    /** Records the event at {@code position}, which is not {@link #contains contained} yet, written at {@code at}. */
    void add(long position, Instant at) {
        if (position <= highest) {
            gaps.remove(position);
            return;
        }
        long skipped = position - highest - 1;
        if (skipped <= MAX_GAP_SPAN) {
            for (long missing = highest + 1; missing < position; missing++) {
                gaps.put(missing, at);
            }
        }
        highest = position;
    }

    /**
     * The one rule for each new event (not {@link #contains contained} yet) in topic order: gaps noticed more than
     * {@code gapTimeout} before the event's own time {@code at} are given up, then the event is recorded.
     */
    void advance(long position, Instant at, Duration gapTimeout) {
        abandonGapsOlderThan(gapTimeout, at);
        add(position, at);
    }

    /** Gives up on gaps noticed more than {@code timeout} before {@code now} (an event time). */
    void abandonGapsOlderThan(Duration timeout, Instant now) {
        Instant limit = now.minus(timeout);
        gaps.values().removeIf(noticed -> noticed.isBefore(limit));
    }

    AppliedPositions copy() {
        return new AppliedPositions(highest, gaps);
    }

    @Override
    public String toString() {
        return "up to " + highest + (gaps.isEmpty() ? "" : " except " + gaps.keySet());
    }
}
