package dev.qcurate.query.user;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.user.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Whether an account's tokens still count: disabled accounts, and the time before which tokens are void (a role
 * change, password reset or re-enabling makes older tokens invalid). Read by {@link AccountStatus}. Kept out of a
 * rebuild: the table is never emptied, and each row takes only events newer than the last it applied
 * ({@code applied_position}), so replaying the topic from the start never lets an older state (enabled, old token
 * time) come back, not even for a moment.
 */
@Component
class UserAccessProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ProjectedAccounts accounts;

    UserAccessProjection(JdbcTemplate jdbc, ProjectedAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.USER_ACCESS;
    }

    @Override
    public void apply(StoredEvent event) {
        Object payload = event.payload();
        ProjectedAccounts.accountOf(payload).ifPresent(accounts::changed);
        if (payload instanceof UserRegisteredEvent e) {
            jdbc.update("""
                    INSERT INTO user_access (username, enabled, tokens_not_before, applied_position)
                    VALUES (?, TRUE, NULL, ?)
                    ON CONFLICT (username) DO NOTHING""", e.username(), event.position());
        } else if (payload instanceof UserDisabledEvent e) {
            set(e.username(), false, event, false);
        } else if (payload instanceof UserEnabledEvent e) {
            set(e.username(), true, event, true);
        } else if (payload instanceof UserRolesChangedEvent e) {
            notBefore(e.username(), event);
        } else if (payload instanceof UserPasswordResetEvent e) {
            notBefore(e.username(), event);
        }
    }

    private void set(String username, boolean enabled, StoredEvent event, boolean voidsOlderTokens) {
        jdbc.update("""
                INSERT INTO user_access (username, enabled, tokens_not_before, applied_position) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET enabled = excluded.enabled,
                    tokens_not_before = coalesce(excluded.tokens_not_before, user_access.tokens_not_before),
                    applied_position = excluded.applied_position
                WHERE user_access.applied_position < excluded.applied_position""", username, enabled, voidsOlderTokens ? Timestamp.from(event.at()) : null, event.position());
    }

    private void notBefore(String username, StoredEvent event) {
        jdbc.update("""
                INSERT INTO user_access (username, enabled, tokens_not_before, applied_position) VALUES (?, TRUE, ?, ?)
                ON CONFLICT (username) DO UPDATE SET tokens_not_before = excluded.tokens_not_before,
                    applied_position = excluded.applied_position
                WHERE user_access.applied_position < excluded.applied_position""", username, Timestamp.from(event.at()), event.position());
    }

    /** Nothing: who may not read must stay refused while a rebuild replays the topic (see the class comment). */
    @Override
    public void reset() {}
}
