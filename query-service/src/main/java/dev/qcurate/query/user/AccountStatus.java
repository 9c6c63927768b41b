package dev.qcurate.query.user;

import dev.qcurate.support.AccountState;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Refuses tokens of disabled accounts, and tokens issued before the account's last role change, password reset or
 * re-enabling, when either of two sources says so: the command service ({@link AccountCheck}, a few seconds old at
 * most: this holds on every instance even while the user events cannot arrive), and the projected
 * {@code user_access} table (cached per account by {@link ProjectedAccounts}, dropped as soon as the event is
 * projected; a rebuild leaves it alone). See docs/security-access.md.
 */
@Component
@RequiredArgsConstructor
public class AccountStatus implements OAuth2TokenValidator<Jwt> {

    private final ProjectedAccounts accounts;
    private final AccountCheck commandSide;

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
        Optional<AccountState> found;
        try {
            found = accounts.of(token.getSubject());
        } catch (DataAccessException e) {
            // still refused, but as "try again" (503), not as a bad token (401): the token may well be valid
            throw new JwtException("the account store cannot be reached", e);
        }
        // a user the events have not told this side of yet passes here; the command side's word covers them
        return found.map(account -> account.judge(token.getIssuedAt())).orElseGet(OAuth2TokenValidatorResult::success);
    }
}
