package dev.qcurate.query.user;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;
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
        if (event.payload() instanceof UserEvent e) {
            accounts.changed(e.username());
            e.accept(new Access(event));
        }
    }

    /** What each account event does to the account's row. */
    private final class Access implements UserEvent.Visitor<Void> {
        private final StoredEvent event;

        Access(StoredEvent event) {
            this.event = event;
        }

        @Override
        public Void registered(UserRegisteredEvent e) {
            jdbc.update("""
                    INSERT INTO user_access (username, enabled, tokens_not_before, applied_position)
                    VALUES (?, TRUE, NULL, ?)
                    ON CONFLICT (username) DO NOTHING""", e.username(), event.position());
            return null;
        }

        @Override
        public Void disabled(UserDisabledEvent e) {
            set(e.username(), false, event, false);
            return null;
        }

        @Override
        public Void enabled(UserEnabledEvent e) {
            set(e.username(), true, event, true);
            return null;
        }

        @Override
        public Void rolesChanged(UserRolesChangedEvent e) {
            notBefore(e.username(), event);
            return null;
        }

        @Override
        public Void passwordReset(UserPasswordResetEvent e) {
            notBefore(e.username(), event);
            return null;
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
