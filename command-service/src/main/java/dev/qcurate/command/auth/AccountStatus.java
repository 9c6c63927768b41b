package dev.qcurate.command.auth;

import dev.qcurate.support.AccountState;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Checks, on every request, that a token's user still exists, is enabled, and has not had its roles or password
 * changed since the token was issued. One primary-key lookup per request instead of a cache: a disabled user is
 * locked out on the very next request.
 */
@Component
@RequiredArgsConstructor
public class AccountStatus implements OAuth2TokenValidator<Jwt> {

    private final JdbcTemplate jdbc;

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<AccountState> found;
        try {
            found = jdbc.query(
                    "SELECT enabled, tokens_not_before FROM app_user WHERE username = ?",
                    (rs, row) -> AccountState.of(rs.getBoolean(1), rs.getTimestamp(2)),
                    token.getSubject());
        } catch (DataAccessException e) {
            // still refused, but as "try again" (503), not as a bad token (401): the token may well be valid
            throw new JwtException("the account store cannot be reached", e);
        }
        return found.isEmpty()
                ? AccountState.invalidToken("unknown user")
                : found.get(0).judge(token.getIssuedAt());
    }
}
