package dev.qcurate.command.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofSeconds(60), clock);

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
