package dev.qcurate.query.projection;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Every statement of a rebuild beside the live model: the live read model is the schema {@code live}; a rebuild
 * builds {@code <live>_rebuild} from the same migrations, and replaces the live schema by renaming both in one
 * transaction, so every instance (their connections name the schema, not its object) switches at once.
 */
@Component
class RebuildStore {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    /** A rebuild's row: its state, the live position when it started, who runs it and when it last said so. */
    record Run(
            ReadModelRebuild.State state,
            long target,
            Instant startedAt,
            Instant finishedAt,
            String owner,
            Instant heartbeatAt) {

        boolean running() {
            return state == ReadModelRebuild.State.RUNNING;
        }
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionPosition position;
    final String live;
    final String shadow;
    final String old;

    RebuildStore(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ProjectionPosition position,
            @Value("${spring.flyway.default-schema:qcurate_query}") String live) {
        if (!SCHEMA.matcher(live).matches()) {
            throw new IllegalStateException("the read model's schema name must match " + SCHEMA + ": " + live);
        }
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.position = position;
        this.live = live;
        this.shadow = live + "_rebuild";
        this.old = live + "_replaced";
    }

    /** The rebuild under way in the shadow schema, if there is one (also one whose owner stopped). */
    Optional<Run> running() {
        String table = jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, shadow + ".rebuild_run");
        return table == null ? Optional.empty() : run(shadow);
    }

    /** Whether a shadow schema exists at all (also a half-created one, without its run). */
    boolean shadowExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, shadow));
    }

    /** The last rebuild that replaced the live model, if any. */
    Optional<Run> lastDone() {
        return run(live);
    }

    private Optional<Run> run(String schema) {
        List<Run> runs = jdbc.query(
                "SELECT state, target_position, started_at, finished_at, owner, heartbeat_at FROM " + schema
                        + ".rebuild_run WHERE name = ?",
                (rs, row) -> new Run(
                        ReadModelRebuild.State.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getTimestamp(3).toInstant(),
                        instant(rs.getTimestamp(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                ProjectionPosition.NAME);
        return runs.stream().findFirst();
    }

    /** The highest position the live model has applied. */
    long livePosition() {
        return jdbc.queryForObject(
                "SELECT position FROM " + live + ".projection_state WHERE name = ?",
                Long.class,
                ProjectionPosition.NAME);
    }

    /** Positions applied and offset reached by the shadow. */
    ProjectionPosition.Stored shadowPosition() {
        return transaction.execute(status -> {
            intoShadow();
            return position.storedRow();
        });
    }

    /** Makes the rest of the current transaction read and write the shadow schema. */
    void intoShadow() {
        jdbc.execute("SET LOCAL search_path TO " + shadow);
    }

    /**
     * Creates the shadow schema afresh (dropping a half-created or abandoned one) with every migration, the next
     * generation of the read model, the live change-feed outbox (what was published stays published), the stored
     * sentence vectors, and its run.
     */
    void create(long target, String owner) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(shadow)
                .defaultSchema(shadow)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        transaction.executeWithoutResult(status -> {
            jdbc.update(
                    "UPDATE " + shadow + ".projection_state SET generation = (SELECT generation + 1 FROM " + live
                            + ".projection_state WHERE name = ?) WHERE name = ?",
                    ProjectionPosition.NAME,
                    ProjectionPosition.NAME);
            jdbc.update("INSERT INTO " + shadow + ".list_feed_outbox SELECT * FROM " + live + ".list_feed_outbox");
            // vectors are keyed by text and model, not derived from events: kept, so a rebuild embeds nothing again
            jdbc.update("INSERT INTO " + shadow + ".text_embedding SELECT * FROM " + live + ".text_embedding");
            jdbc.update(
                    "INSERT INTO " + shadow + ".rebuild_run (name, state, target_position, started_at, owner,"
                            + " heartbeat_at) VALUES (?, 'RUNNING', ?, now(), ?, now())",
                    ProjectionPosition.NAME,
                    target,
                    owner);
        });
    }

    /**
     * Runs {@code start} holding the rebuild's start lock, a PostgreSQL session advisory lock on a connection of its
     * own: two instances asked at the same moment never create (or take over) the shadow at once. Empty, without
     * running it, while another instance holds the lock.
     */
    <T> Optional<T> whileStarting(Supplier<T> start) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) connection -> {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return Optional.of(start.get());
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        });
    }

    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + function + "(hashtext('qcurate.rebuild'), hashtext(?))")) {
            statement.setString(1, live);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Takes over a run whose owner has not beaten for {@code silence}; true if this caller now owns it. */
    boolean claim(String owner, Duration silence) {
        return jdbc.update(
                        "UPDATE " + shadow + ".rebuild_run SET owner = ?, heartbeat_at = now() WHERE name = ?"
                                + " AND state = 'RUNNING' AND heartbeat_at < now() - ?::interval",
                        owner,
                        ProjectionPosition.NAME,
                        silence.toMillis() + " milliseconds")
                == 1;
    }

    /** Says the owner still runs it; false if another instance took it over meanwhile. */
    boolean beat(String owner) {
        return jdbc.update(
                        "UPDATE " + shadow + ".rebuild_run SET heartbeat_at = now() WHERE name = ? AND owner = ?",
                        ProjectionPosition.NAME,
                        owner)
                == 1;
    }

    /** What the shadow still lacks of the live model, applied while the live one is held still. */
    interface LastStretch {
        /** @return false to leave the switch for later (rolled back with whatever it applied) */
        boolean applyUpTo(long liveOffset);
    }

    /**
     * Replaces the live model by the shadow once the shadow has replayed the history the live model held when the run
     * began (its target) and is at most {@code maxGap} records behind the live one.
     * Under the lock the live projection waits, so its offset stands still: {@code lastStretch} applies the records
     * between the two to the shadow, in this transaction, and then the shadow holds everything the live model does
     * (both apply the same records by the same rules). A shadow that only chased a moving live offset would never
     * switch under a load that it merely keeps up with. After the renames the live projection's next statement finds
     * the new schema.
     */
    boolean replaceLive(String owner, long maxGap, LastStretch lastStretch) {
        if (!replayedHistory() || liveOffset() - shadowOffset() > maxGap) {
            return false; // checked again under the lock; this way the live projection is not held up needlessly
        }
        Boolean replaced = transaction.execute(status -> {
            jdbc.execute("LOCK TABLE " + live + ".projection_state IN ACCESS EXCLUSIVE MODE");
            long liveOffset = liveOffset();
            if (liveOffset - shadowOffset() > maxGap
                    || !owner.equals(run(shadow).map(Run::owner).orElse(null))) {
                return false;
            }
            if (shadowOffset() < liveOffset && !lastStretch.applyUpTo(liveOffset)) {
                status.setRollbackOnly();
                return false;
            }
            // what the live relay published (or queued) during the rebuild stays as it was
            jdbc.update("INSERT INTO " + shadow + ".list_feed_outbox SELECT * FROM " + live + ".list_feed_outbox"
                    + " ON CONFLICT (list_id, version) DO UPDATE SET position = excluded.position,"
                    + " payload = excluded.payload, published_at = excluded.published_at");
            jdbc.update("INSERT INTO " + shadow + ".text_embedding SELECT * FROM " + live + ".text_embedding"
                    + " ON CONFLICT DO NOTHING");
            jdbc.update(
                    "UPDATE " + shadow + ".rebuild_run SET state = 'DONE', finished_at = now() WHERE name = ?",
                    ProjectionPosition.NAME);
            jdbc.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            jdbc.execute("ALTER SCHEMA " + live + " RENAME TO " + old);
            jdbc.execute("ALTER SCHEMA " + shadow + " RENAME TO " + live);
            return true;
        });
        return Boolean.TRUE.equals(replaced);
    }

    /** Whether the shadow has applied the live model's position at the start of the run; only then may it switch. */
    private boolean replayedHistory() {
        long target = run(shadow).map(Run::target).orElse(Long.MAX_VALUE);
        return shadowPosition().applied().highest() >= target;
    }

    /** Where the shadow's consumer stands, in the current transaction. */
    long shadowOffset() {
        return jdbc.queryForObject("SELECT next_offset FROM " + shadow + ".projection_state", Long.class);
    }

    private long liveOffset() {
        return jdbc.queryForObject("SELECT next_offset FROM " + live + ".projection_state", Long.class);
    }

    /** Drops the replaced model; afterwards, so that reads still running on it are not waited for in the switch. */
    void dropReplaced() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
