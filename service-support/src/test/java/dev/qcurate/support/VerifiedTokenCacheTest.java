package dev.qcurate.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static RSAKey key;
    private static NimbusJwtEncoder encoder;

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicInteger accountChecks = new AtomicInteger();
    private volatile boolean accountEnabled = true;
    private volatile boolean accountStoreDown = false;
    private final AtomicLong nanos = new AtomicLong();
    private Instant now;
    private VerifiedTokenCache cache;

    @BeforeAll
    static void signingKey() throws Exception {
        key = new RSAKeyGenerator(2048).generate();
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    @BeforeEach
    void decoder() throws Exception {
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer("qcurate"));
        JwtDecoder verifier = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        OAuth2TokenValidator<Jwt> account = jwt -> {
            accountChecks.incrementAndGet();
            if (accountStoreDown) {
                throw new JwtException("the account store cannot be reached");
            }
            return accountEnabled
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "the account is disabled", null));
        };
        now = Instant.now();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        cache = new VerifiedTokenCache(verifier, account, 100, Duration.ofMinutes(10), clock, nanos::get);
    }

    private static String token(Instant issuedAt, Duration ttl) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("qcurate")
                .subject("editor")
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(ttl))
                .claim("roles", List.of("EDITOR"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    /** A token the cache has verified once and remembers. */
    private String remembered(Duration ttl) {
        String token = token(now, ttl);
        cache.decode(token);
        return token;
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void verifiesTheSignatureOnceButChecksTheAccountOnEveryUse() {
        String token = token(now, Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            assertThat(cache.decode(token).getSubject()).isEqualTo("editor");
        }

        assertThat(verifications).hasValue(1);
        assertThat(accountChecks).hasValue(3);
    }

    @Test
    void refusesARememberedTokenOnceTheAccountIsDisabled() {
        String token = remembered(Duration.ofHours(1));

        accountEnabled = false;

        assertRefused(token, "the account is disabled");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anAccountStoreOutageIsNotABadToken() {
        String token = remembered(Duration.ofHours(1));

        accountStoreDown = true;

        // not a BadJwtException: the resource server answers 503, not 401
        assertThatThrownBy(() -> cache.decode(token))
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesARememberedTokenPastItsExpiry() {
        String token = remembered(Duration.ofMinutes(5));

        now = now.plus(Duration.ofMinutes(7)); // past exp and the 60 s clock skew; still within the cache's max age

        assertRefused(token, "expired");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void checksNotBeforeOnEveryUse() {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("qcurate")
                .subject("editor")
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
        cache.decode(token); // verified while valid

        now = now.minus(Duration.ofMinutes(10)); // before nbf, beyond the 60 s clock skew

        assertRefused(token, "Jwt used before");
    }

    @Test
    void neverServesATamperedTokenFromTheCache() {
        String token = remembered(Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("EDITOR", "ADMIN").getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        String flippedSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode(flippedSignature)).isInstanceOf(BadJwtException.class);
        // each attempt is verified from scratch, and again the next time: a failure is never remembered
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(4);
        assertThat(cache.decode(token).getClaimAsStringList("roles")).containsExactly("EDITOR");
    }

    @Test
    void verifiesAgainAfterTheMaximumAge() {
        String token = remembered(Duration.ofHours(1));

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        cache.decode(token);

        assertThat(verifications).hasValue(2);
    }

    private static String flip(String base64) {
        char last = base64.charAt(base64.length() / 2);
        return base64.substring(0, base64.length() / 2)
                + (last == 'A' ? 'B' : 'A')
                + base64.substring(base64.length() / 2 + 1);
    }
}
