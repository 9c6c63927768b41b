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
 * change, password reset or re-enabling makes older tokens invalid). Read by {@link AccountStatus}.
 */
@Component
class UserAccessProjection implements Projection {

    private final JdbcTemplate jdbc;

    UserAccessProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.USER_ACCESS;
    }

    @Override
    public void apply(StoredEvent event) {
        Object payload = event.payload();
        if (payload instanceof UserRegisteredEvent e) {
            jdbc.update("""
                    INSERT INTO user_access (username, enabled, tokens_not_before) VALUES (?, TRUE, NULL)
                    ON CONFLICT (username) DO NOTHING""", e.username());
        } else if (payload instanceof UserDisabledEvent e) {
            set(e.username(), false, null);
        } else if (payload instanceof UserEnabledEvent e) {
            set(e.username(), true, event);
        } else if (payload instanceof UserRolesChangedEvent e) {
            notBefore(e.username(), event);
        } else if (payload instanceof UserPasswordResetEvent e) {
            notBefore(e.username(), event);
        }
    }

    private void set(String username, boolean enabled, StoredEvent notBefore) {
        jdbc.update("""
                INSERT INTO user_access (username, enabled, tokens_not_before) VALUES (?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET enabled = excluded.enabled,
                    tokens_not_before = coalesce(excluded.tokens_not_before, user_access.tokens_not_before)""",
                username, enabled, notBefore == null ? null : Timestamp.from(notBefore.at()));
    }

    private void notBefore(String username, StoredEvent event) {
        jdbc.update("""
                INSERT INTO user_access (username, enabled, tokens_not_before) VALUES (?, TRUE, ?)
                ON CONFLICT (username) DO UPDATE SET tokens_not_before = excluded.tokens_not_before""",
                username, Timestamp.from(event.at()));
    }

    @Override
    public void reset() {
        jdbc.update("DELETE FROM user_access");
    }
}
