package dev.qcurate.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;

/**
 * How many signature-verified bearer tokens each service remembers ({@code QCURATE_TOKEN_CACHE_SIZE}, 10,000) and
 * for how long at most ({@code QCURATE_TOKEN_CACHE_MAX_AGE}, 10 minutes); see {@link VerifiedTokenCache}.
 */
@ConfigurationProperties("qcurate.token-cache")
public record TokenCacheSettings(Long size, Duration maxAge) {

    public TokenCacheSettings {
        size = size == null ? 10_000L : size;
        maxAge = maxAge == null ? Duration.ofMinutes(10) : maxAge;
    }

    /**
     * Signature, {@code issuer} and times checked by {@code verifier} once per token; times and {@code everyUse}
     * (the account) on every request.
     */
    public VerifiedTokenCache cache(NimbusJwtDecoder verifier, String issuer, OAuth2TokenValidator<Jwt> everyUse) {
        verifier.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return new VerifiedTokenCache(verifier, everyUse, size, maxAge);
    }
}
