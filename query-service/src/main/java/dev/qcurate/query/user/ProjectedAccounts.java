package dev.qcurate.query.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qcurate.query.projection.LocalState;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.user.UserEvent;
import dev.qcurate.support.AccountState;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The projected {@code user_access} rows: written by {@link UserAccessProjection}, cached per username so a request
 * does not cost a database round trip. An entry is dropped when a user event for its account is projected — after that
 * transaction commits, so a lookup running meanwhile cannot keep the old row (a drop waits for a load in flight and
 * removes its result) — and, on every instance, when its topic tail sees the event (after the read model applied it).
 * Entries also expire, a bound for an instance whose tail lags behind the shared read model.
 */
@Component
@RequiredArgsConstructor
class ProjectedAccounts implements LocalState {

    private final JdbcTemplate jdbc;
    private final Cache<String, Optional<AccountState>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    /** The account's projected state; empty when the events have not told this side of it. */
    Optional<AccountState> of(String username) {
        // a DataAccessException leaves nothing cached and reaches the caller
        return cache.get(username, this::load);
    }

    private Optional<AccountState> load(String username) {
        List<AccountState> found = jdbc.query(
                "SELECT enabled, tokens_not_before FROM user_access WHERE username = ?",
                (rs, row) -> AccountState.of(rs.getBoolean(1), rs.getTimestamp(2)),
                username);
        return found.stream().findFirst();
    }

    /**
     * Applies the change unless the row has applied a later event (a rebuild replaying the topic), and forgets the
     * cached account once the projection's transaction has committed.
     */
    void save(AccessChange change) {
        jdbc.update(
                """
                INSERT INTO user_access (username, enabled, tokens_not_before, applied_position)
                VALUES (?, coalesce(?, TRUE), ?, ?)
                ON CONFLICT (username) DO UPDATE SET enabled = coalesce(?, user_access.enabled),
                    tokens_not_before = coalesce(excluded.tokens_not_before, user_access.tokens_not_before),
                    applied_position = excluded.applied_position
                WHERE user_access.applied_position < excluded.applied_position""",
                change.username(),
                change.enabled(),
                change.tokensNotBefore() == null ? null : Timestamp.from(change.tokensNotBefore()),
                change.position(),
                change.enabled());
        forgetAfterCommit(change.username());
    }

    /** Forgets the account once the current transaction (the projection's) has committed, or now without one. */
    private void forgetAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(username);
                }
            });
        } else {
            cache.invalidate(username);
        }
    }

    @Override
    public void reload() {
        cache.invalidateAll();
    }

    @Override
    public void apply(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            if (event.payload() instanceof UserEvent e) {
                cache.invalidate(e.username());
            }
        }
    }
}
