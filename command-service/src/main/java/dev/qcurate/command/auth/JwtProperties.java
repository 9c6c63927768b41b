package dev.qcurate.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Token settings. {@code privateKey}: PEM (PKCS#8) RSA key from the environment ({@code QCURATE_JWT_PRIVATE_KEY}),
 * required in production; {@code keyFile}: where a generated key is kept across restarts when none is given.
 */
@ConfigurationProperties("qcurate.jwt")
record JwtProperties(String issuer, Duration ttl, String privateKey, String keyFile) {

    JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "qcurate" : issuer;
        ttl = ttl == null ? Duration.ofHours(1) : ttl;
    }
}
