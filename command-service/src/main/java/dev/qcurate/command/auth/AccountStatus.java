package dev.qcurate.command.auth;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Checks, on every request, that a token's user still exists, is enabled, and has not had its roles or password
 * changed since the token was issued. One primary-key lookup per request instead of a cache: a disabled user is
 * locked out on the very next request.
 */
@Component
public class AccountStatus implements OAuth2TokenValidator<Jwt> {

    private final JdbcTemplate jdbc;

    AccountStatus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record State(boolean enabled, Instant tokensNotBefore) {}

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<State> found;
        try {
            found = jdbc.query(
                    "SELECT enabled, tokens_not_before FROM app_user WHERE username = ?",
                    (rs, row) -> {
                        Timestamp notBefore = rs.getTimestamp(2);
                        return new State(rs.getBoolean(1), notBefore == null ? null : notBefore.toInstant());
                    },
                    token.getSubject());
        } catch (DataAccessException e) {
            // still refused, but as "try again" (503), not as a bad token (401): the token may well be valid
            throw new JwtException("the account store cannot be reached", e);
        }
        if (found.isEmpty()) {
            return failure("unknown user");
        }
        State state = found.get(0);
        if (!state.enabled()) {
            return failure("the account is disabled");
        }
        if (issuedBefore(token.getIssuedAt(), state.tokensNotBefore())) {
            return failure("the token was issued before the account's roles or password changed; sign in again");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /**
     * JWT times are whole seconds, so a token issued in the same second as the change still counts as newer: the
     * window is under one second, and refusing it would lock out a user who signs in right after the change.
     */
    static boolean issuedBefore(Instant issuedAt, Instant notBefore) {
        return notBefore != null && (issuedAt == null || issuedAt.isBefore(notBefore.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
