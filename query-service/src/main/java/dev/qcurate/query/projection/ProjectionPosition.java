package dev.qcurate.query.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which events the shared read model has applied ({@link AppliedPositions}), stored in the same transaction as the
 * projected rows, which is what makes redelivered events harmless: anything it contains has been applied already.
 * Alongside: the topic offset the read model has consumed up to and its generation (see {@link TopicTail}). This
 * instance also keeps what it has seen committed itself, as a {@link Watermark} readers wait on.
 */
@Component
public class ProjectionPosition {

    static final String NAME = "read-model";
    static final int DEFAULT_MAX_WAITERS = 64;

    /** The stored row: positions applied, the next topic offset to consume, and the read model's generation. */
    record Stored(AppliedPositions applied, long nextOffset, long generation) {

        static final Stored NONE = new Stored(AppliedPositions.none(), 0, 0);
    }

    private static final String SELECT =
            "SELECT position, gaps, gaps_noticed_ms, next_offset, generation FROM projection_state WHERE name = ?";

    private final JdbcTemplate jdbc;
    private final Watermark committed;

    /**
     * @param maxWaiters requests that may wait for a position at once; each holds a request thread and asks the
     *                   database every 20 ms, so beyond this a request is answered "not yet" (503 with Retry-After)
     *                   at once instead of queueing without bound
     */
    ProjectionPosition(JdbcTemplate jdbc, @Value("${qcurate.consistency.max-waiters:64}") int maxWaiters) {
        this.jdbc = jdbc;
        this.committed = new Watermark(maxWaiters);
    }

    /** Reads what is stored, as any instance sees it (also one that is not projecting itself). */
    AppliedPositions stored() {
        return storedRow().applied();
    }

    Stored storedRow() {
        return read(SELECT);
    }

    /**
     * Reads what is stored and locks it until the projecting transaction ends. Two instances (or an instance that
     * lost the partition in a rebalance while still applying a batch) thus never apply the same events twice: the
     * second waits for the first to commit, then sees what it applied and skips it.
     */
    Stored lockForBatch() {
        return read(SELECT + " FOR UPDATE");
    }

    /** Stores the positions applied and the offset after the batch's last record (never moving that back). */
    void store(AppliedPositions applied, long nextOffset) {
        Long[] gaps = applied.gaps().keySet().toArray(Long[]::new);
        Long[] noticed =
                applied.gaps().values().stream().map(Instant::toEpochMilli).toArray(Long[]::new);
        jdbc.update("""
                UPDATE projection_state SET position = ?, gaps = ?, gaps_noticed_ms = ?,
                    next_offset = greatest(next_offset, ?) WHERE name = ?""", applied.highest(), gaps, noticed, nextOffset, NAME);
    }

    /** Called after a batch committed, to wake up readers waiting for it. */
    void committed(AppliedPositions applied) {
        committed.advance(applied);
    }

    /** The highest position applied; lower ones may still be missing (see {@link #awaitApplied}). */
    public long current() {
        return Math.max(committed.highest(), stored().highest());
    }

    /** Requests waiting for a position right now. */
    int waiting() {
        return committed.waiting();
    }

    /** The highest position this instance has seen committed, without asking the database. */
    public long currentLocally() {
        return committed.highest();
    }

    /** Whether this instance has seen the read model commit the event at {@code position} itself. */
    boolean appliedLocally(long position) {
        return committed.contains(position);
    }

    /**
     * Waits until the read model has applied the event at {@code position} (the position a command answered with).
     * Its client's earlier commands committed before it, so the relay published them no later: they are applied too.
     * Also re-reads the database while waiting, so an instance that is not projecting itself sees progress.
     */
    public boolean awaitApplied(long position, Duration maxWait) throws InterruptedException {
        return committed.await(position, maxWait, this::stored);
    }

    /** Empties the stored position and the committed view, and starts a new generation of the read model. */
    void reset() {
        jdbc.update("""
                UPDATE projection_state SET position = 0, gaps = '{}', gaps_noticed_ms = '{}', next_offset = 0,
                    generation = generation + 1 WHERE name = ?""", NAME);
        committed.set(AppliedPositions.none());
    }

    private Stored read(String sql) {
        Stored stored = jdbc.query(sql, (ResultSetExtractor<Stored>) ProjectionPosition::stored, NAME);
        return stored == null ? Stored.NONE : stored;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Stored.NONE;
        }
        Long[] gaps = (Long[]) array(rs.getArray(2), new Long[0]);
        Long[] noticed = (Long[]) array(rs.getArray(3), new Long[0]);
        Map<Long, Instant> byPosition = new LinkedHashMap<>();
        for (int i = 0; i < gaps.length; i++) {
            byPosition.put(gaps[i], Instant.ofEpochMilli(noticed[i]));
        }
        return new Stored(new AppliedPositions(rs.getLong(1), byPosition), rs.getLong(4), rs.getLong(5));
    }

    private static Object[] array(Array array, Object[] empty) throws SQLException {
        return array == null ? empty : (Object[]) array.getArray();
    }
}
