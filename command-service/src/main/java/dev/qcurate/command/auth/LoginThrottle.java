package dev.qcurate.command.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username, or
 * {@code max-failures-per-address} from one client address, further attempts are refused for {@code lockout},
 * whatever the password. A successful sign-in clears both counters. The counters live in PostgreSQL
 * ({@code login_failure}), so every command-service instance counts the same failures and a restart forgets
 * nothing; each failure is one atomic upsert, so concurrent failures on several instances all count.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Clock clock;

    @Autowired
    LoginThrottle(
            JdbcTemplate jdbc,
            @Value("${qcurate.login.max-failures:5}") int maxFailuresPerUser,
            @Value("${qcurate.login.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${qcurate.login.lockout:PT60S}") Duration lockout) {
        this(jdbc, maxFailuresPerUser, maxFailuresPerAddress, lockout, Clock.systemUTC());
    }

    LoginThrottle(JdbcTemplate jdbc, int maxFailuresPerUser, int maxFailuresPerAddress, Duration lockout, Clock clock) {
        this.jdbc = jdbc;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if it is locked out. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        List<Timestamp> locks = jdbc.queryForList(
                "SELECT locked_since FROM login_failure WHERE key IN (?, ?) AND locked_since IS NOT NULL",
                Timestamp.class,
                userKey(username),
                addressKey(address));
        Duration wait = Duration.ZERO;
        for (Timestamp since : locks) {
            Duration left = Duration.between(now, since.toInstant().plus(lockout));
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        record(userKey(username), maxFailuresPerUser, now);
        record(addressKey(address), maxFailuresPerAddress, now);
    }

    void succeeded(String username, String address) {
        jdbc.update("DELETE FROM login_failure WHERE key IN (?, ?)", userKey(username), addressKey(address));
    }

    /**
     * One more failure in a row. A streak ends once the lockout has passed, or when no failure came for as long as a
     * lockout lasts; a failure while locked out locks again from now.
     */
    private void record(String key, int max, Timestamp now) {
        String streak = "CASE WHEN coalesce(f.locked_since, f.last_failure) + ?::interval <= excluded.last_failure"
                + " THEN 1 ELSE f.failures + 1 END";
        jdbc.update(
                "INSERT INTO login_failure AS f (key, failures, last_failure, locked_since)"
                        + " VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN ?::timestamptz END)"
                        + " ON CONFLICT (key) DO UPDATE SET failures = " + streak + ","
                        + " last_failure = excluded.last_failure,"
                        + " locked_since = CASE WHEN " + streak + " >= ? THEN excluded.last_failure END",
                key,
                now,
                max,
                now,
                interval(),
                interval(),
                max);
    }

    /** Streaks that ended: nothing of them is needed any more. */
    @Scheduled(fixedDelayString = "${qcurate.login.cleanup-interval:PT5M}")
    void forgetExpired() {
        jdbc.update(
                "DELETE FROM login_failure WHERE coalesce(locked_since, last_failure) + ?::interval < ?",
                interval(),
                Timestamp.from(clock.instant()));
    }

    private String interval() {
        return lockout.toMillis() + " milliseconds";
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
