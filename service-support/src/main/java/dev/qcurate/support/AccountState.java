package dev.qcurate.support;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What both services know of an account when they check a token: whether it is enabled, and since when tokens count
 * (its last role change, password reset or re-enabling). The rule that judges a token by it lives here once.
 *
 * @param tokensNotBefore tokens issued before this are void; null when nothing changed since the account was made
 */
public record AccountState(boolean enabled, Instant tokensNotBefore) {

    /** From the {@code enabled} and {@code tokens_not_before} columns both services store. */
    public static AccountState of(boolean enabled, Timestamp tokensNotBefore) {
        return new AccountState(enabled, tokensNotBefore == null ? null : tokensNotBefore.toInstant());
    }

    /** The verdict on a token issued at {@code issuedAt} for this account. */
    public OAuth2TokenValidatorResult judge(Instant issuedAt) {
        if (!enabled) {
            return invalidToken("the account is disabled");
        }
        if (issuedBefore(issuedAt, tokensNotBefore)) {
            return invalidToken("the token was issued before the account's roles or password changed; sign in again");
        }
        return OAuth2TokenValidatorResult.success();
    }

    public static OAuth2TokenValidatorResult invalidToken(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    /**
     * JWT times are whole seconds, so a token issued in the same second as the change still counts as newer: the
     * window is under one second, and refusing it would lock out a user who signs in right after the change.
     */
    static boolean issuedBefore(Instant issuedAt, Instant notBefore) {
        return notBefore != null && (issuedAt == null || issuedAt.isBefore(notBefore.truncatedTo(ChronoUnit.SECONDS)));
    }
}
