package dev.qcurate.command.auth;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's rules on its real PostgreSQL table, and its counters shared by two instances. */
class LoginThrottleIT {

    private static JdbcTemplate jdbc;
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(jdbc, 5, 20, Duration.ofSeconds(60), clock);

    @BeforeAll
    static void database() {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing("login_throttle");
        String url = postgres.jdbcUrl("login_throttle");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .schemas("qcurate_command")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=qcurate_command", "postgres", ""));
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM login_failure");
    }

    @Test
    void instancesShareTheCount() {
        LoginThrottle other = new LoginThrottle(jdbc, 5, 20, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? throttle : other).failed("bob", "10.0.1." + i);
        }
        assertThat(other.lockedFor("bob", "10.0.1.9")).hasValue(Duration.ofSeconds(60));
        assertThat(throttle.lockedFor("bob", "10.0.1.9")).hasValue(Duration.ofSeconds(60));
        other.succeeded("bob", "10.0.1.9");
        assertThat(throttle.lockedFor("bob", "10.0.1.9")).isEmpty();
    }

    @Test
    void concurrentFailuresAllCount() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var tries = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                tries.add(pool.submit(() -> throttle.failed("carol", "10.0.2." + n)));
            }
            for (var t : tries) {
                t.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(throttle.lockedFor("carol", "10.0.2.9")).isEmpty();
        throttle.failed("carol", "10.0.2.5");
        assertThat(throttle.lockedFor("carol", "10.0.2.9")).isPresent();
    }

    @Test
    void expiredStreaksAreForgotten() {
        throttle.failed("dave", "10.0.3.1");
        clock.advance(Duration.ofSeconds(61));
        throttle.forgetExpired();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure", Integer.class))
                .isZero();
    }

    @Test
    void locksAUsernameForAMinuteAfterFiveFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        throttle.failed("alice", "10.0.0.4");
        assertThat(throttle.lockedFor("ALICE", "10.0.0.9")).hasValue(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
    }

    @Test
    void locksAnAddressThatTriesManyUsernames() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.lockedFor("someone-else", "10.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void successfulSignInResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresFarApartDoNotAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
