package dev.qcurate.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;

/**
 * A {@link JwtDecoder} that verifies a token's signature once and remembers the result, keyed by the exact token
 * string: a client sends the same bearer token with every request, and RS256 verification was the largest single
 * CPU cost of a command. Only a token the verifier accepted is ever remembered, and only under its own complete
 * text, so a token that differs in any character (a tampered payload or signature) is verified from scratch.
 * <p>
 * What may change while a token is remembered is checked on every use, remembered or not: its expiry and not-before
 * times (with the usual 60 s clock skew), and the per-request check given here (the account still exists, is
 * enabled, and has not had its roles or password changed since the token was issued).
 * <p>
 * The {@code verifier} checks the signature, issuer and times; it must not itself run the per-request check, or a
 * token seen for the first time would be checked twice.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private static final String ERROR_PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> everyUse;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  checks signature, issuer and times of a token not seen before
     * @param everyUse  the per-request check, run on every request after the expiry check
     * @param maxTokens how many verified tokens to remember at most (least recently and frequently used go first)
     * @param maxAge    how long a verified token is remembered at most before its signature is verified again
     */
    public VerifiedTokenCache(
            JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyUse, long maxTokens, Duration maxAge) {
        this(verifier, everyUse, maxTokens, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokenCache(
            JwtDecoder verifier,
            OAuth2TokenValidator<Jwt> everyUse,
            long maxTokens,
            Duration maxAge,
            Clock clock,
            Ticker ticker) {
        JwtTimestampValidator times = new JwtTimestampValidator();
        times.setClock(clock);
        this.verifier = verifier;
        this.everyUse = new DelegatingOAuth2TokenValidator<>(times, everyUse);
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                // evictions run on the calling thread: no pool hops on a request path
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = everyUse.validate(jwt);
        if (result.hasErrors()) {
            // the same exception NimbusJwtDecoder throws, so that the answer (401, never 503) does not change
            throw new JwtValidationException(message(result), result.getErrors());
        }
        return jwt;
    }

    private static String message(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream()
                .map(OAuth2Error::getDescription)
                .filter(description -> description != null && !description.isEmpty())
                .findFirst()
                .map(ERROR_PREFIX::concat)
                .orElse("Unable to validate Jwt");
    }
}
