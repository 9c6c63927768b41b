package dev.qcurate.command.auth;

import dev.qcurate.support.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** User accounts in PostgreSQL: name, BCrypt hash, roles, enabled flag. */
@Component
@RequiredArgsConstructor
class UserAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc
                .query(
                        "SELECT username, password_hash, roles, enabled FROM app_user WHERE username = ?",
                        (rs, row) -> User.withUsername(rs.getString(1))
                                .password(rs.getString(2))
                                .authorities(AuthorityUtils.createAuthorityList(
                                        Arrays.stream(rs.getString(3).split(","))
                                                .map(role -> "ROLE_" + role)
                                                .toArray(String[]::new)))
                                .disabled(!rs.getBoolean(4))
                                .build(),
                        username)
                .stream()
                .findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    void upsert(String username, String passwordHash, Collection<Role> roles) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, roles) VALUES (?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, roles = excluded.roles
                """, username, passwordHash, roles.stream().map(Role::name).collect(Collectors.joining(",")));
    }
}
