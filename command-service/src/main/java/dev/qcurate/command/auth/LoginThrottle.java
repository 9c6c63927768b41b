package dev.qcurate.command.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username, or
 * {@code max-failures-per-address} from one client address, further attempts are refused for {@code lockout},
 * whatever the password. A successful sign-in clears both counters. Kept in memory: a restart forgets the counters,
 * and several instances would each count on their own — acceptable for one command-service instance.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(@Value("${qcurate.login.max-failures:5}") int maxFailuresPerUser,
                  @Value("${qcurate.login.max-failures-per-address:20}") int maxFailuresPerAddress,
                  @Value("${qcurate.login.lockout:PT60S}") Duration lockout) {
        this(maxFailuresPerUser, maxFailuresPerAddress, lockout, Clock.systemUTC());
    }

    LoginThrottle(int maxFailuresPerUser, int maxFailuresPerAddress, Duration lockout, Clock clock) {
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Failures in a row, and since when the key is locked out (null while it is not). */
    private record Failures(int count, Instant last, Instant lockedSince) {
    }

    /** How long the caller must wait before trying again, if it is locked out. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            forgetExpired();
        }
        Instant now = clock.instant();
        record(userKey(username), maxFailuresPerUser, now);
        record(addressKey(address), maxFailuresPerAddress, now);
    }

    void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    private void record(String key, int max, Instant now) {
        failures.compute(key, (k, previous) -> {
            int count = previous == null || expired(previous, now) ? 1 : previous.count() + 1;
            return new Failures(count, now, count >= max ? now : null);
        });
    }

    private Duration remaining(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.lockedSince() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, entry.lockedSince().plus(lockout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A streak ends once the lockout has passed, or when no failure came for as long as a lockout lasts. */
    private boolean expired(Failures entry, Instant now) {
        Instant since = entry.lockedSince() != null ? entry.lockedSince() : entry.last();
        return !now.isBefore(since.plus(lockout));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        failures.values().removeIf(entry -> expired(entry, now));
        if (failures.size() > MAX_TRACKED) {
            // a flood of distinct names: forgetting is better than running out of memory
            failures.clear();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
