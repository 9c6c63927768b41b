package dev.qcurate.command.user;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the login store ({@code app_user}) that sign-in and token checks read. Called from the command handlers, so
 * each write commits in the same transaction as the event that records it — and the password hash, which must never
 * be in an event, still has a place to live.
 */
@Component
@RequiredArgsConstructor
class LoginStore {

    private final JdbcTemplate jdbc;

    void create(String username, String passwordHash, List<String> roles) {
        try {
            jdbc.update(
                    "INSERT INTO app_user (username, password_hash, roles, managed) VALUES (?, ?, ?, TRUE)",
                    username,
                    passwordHash,
                    String.join(",", roles));
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a user named '" + username + "' already exists");
        }
    }

    void setRoles(String username, List<String> roles, Instant at) {
        jdbc.update(
                "UPDATE app_user SET roles = ?, tokens_not_before = ? WHERE username = ?",
                String.join(",", roles),
                Timestamp.from(at),
                username);
    }

    void setEnabled(String username, boolean enabled, Instant at) {
        jdbc.update(
                "UPDATE app_user SET enabled = ?, tokens_not_before = ? WHERE username = ?",
                enabled,
                Timestamp.from(at),
                username);
    }

    void setPassword(String username, String passwordHash, Instant at) {
        jdbc.update(
                "UPDATE app_user SET password_hash = ?, tokens_not_before = ? WHERE username = ?",
                passwordHash,
                Timestamp.from(at),
                username);
    }

    /** Whether the user exists only in the login store (a dev user), not as events. */
    boolean isUnmanaged(String username) {
        return !jdbc.queryForList("SELECT 1 FROM app_user WHERE username = ? AND NOT managed", username)
                .isEmpty();
    }

    List<Map<String, Object>> all() {
        return jdbc.queryForList("""
                SELECT username, roles, enabled, managed FROM app_user ORDER BY username""");
    }
}
