package dev.qcurate.query.user;

import dev.qcurate.support.AccountState;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Refuses tokens of disabled accounts, and tokens issued before the account's last role change, password reset or
 * re-enabling, when either of two sources says so: the command service ({@link AccountCheck}, a few seconds old at
 * most: this holds on every instance even while the user events cannot arrive), and the projected
 * {@code user_access} table (one primary-key lookup; it changes as soon as the event is projected, and a rebuild
 * leaves it alone). See docs/security-access.md.
 */
@Component
public class AccountStatus implements OAuth2TokenValidator<Jwt> {

    private final JdbcTemplate jdbc;
    private final AccountCheck commandSide;

    AccountStatus(JdbcTemplate jdbc, AccountCheck commandSide) {
        this.jdbc = jdbc;
        this.commandSide = commandSide;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        // refused when either says so: the owner's word holds within seconds everywhere, the projection's as soon
        // as the event is projected here (minPosition on the disabling command bounds that)
        if (commandSide.verdict(token.getTokenValue()) == AccountCheck.Verdict.REFUSED) {
            return AccountState.invalidToken(
                    "the account is disabled or unknown, or the token was voided; sign in again");
        }
        return projected(token);
    }

    private OAuth2TokenValidatorResult projected(Jwt token) {
        List<AccountState> found;
        try {
            found = jdbc.query(
                    "SELECT enabled, tokens_not_before FROM user_access WHERE username = ?",
                    (rs, row) -> AccountState.of(rs.getBoolean(1), rs.getTimestamp(2)),
                    token.getSubject());
        } catch (DataAccessException e) {
            // still refused, but as "try again" (503), not as a bad token (401): the token may well be valid
            throw new JwtException("the account store cannot be reached", e);
        }
        // a user the events have not told this side of yet passes here; the command side's word covers them
        return found.isEmpty()
                ? OAuth2TokenValidatorResult.success()
                : found.get(0).judge(token.getIssuedAt());
    }
}
