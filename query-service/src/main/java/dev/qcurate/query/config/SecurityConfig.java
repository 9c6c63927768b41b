package dev.qcurate.query.config;

import dev.qcurate.query.user.AccountStatus;
import dev.qcurate.support.ApiSecurity;
import dev.qcurate.support.Role;
import dev.qcurate.support.TokenCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

import static dev.qcurate.support.Role.ADMIN;
import static dev.qcurate.support.Role.EDITOR;
import static dev.qcurate.support.Role.READER;
import static dev.qcurate.support.Role.REVIEWER;

/**
 * Verifies the command service's tokens with its public keys (JWK set), so this service can check tokens but never
 * mint them. Authorization per endpoint and role: the matrix in docs/security.md.
 */
@Configuration
class SecurityConfig {

    private static final String[] READERS = Role.names(READER, EDITOR, REVIEWER, ADMIN);
    private static final String[] WRITERS = Role.names(EDITOR, REVIEWER, ADMIN);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.chain(
                http,
                List.of(),
                auth -> auth.requestMatchers("/api/proposals", "/api/proposals/**")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(READERS)
                        // the command service checks an import on behalf of the importing user, with their token
                        .requestMatchers(HttpMethod.POST, "/api/duplicates/batch")
                        .hasAnyRole(WRITERS)
                        .anyRequest()
                        .hasRole(ADMIN.name()));
    }

    /** Signature, issuer and times once per token; times and the account on every request. */
    @Bean
    JwtDecoder jwtDecoder(
            OAuth2ResourceServerProperties properties,
            @Value("${qcurate.jwt.issuer:qcurate}") String issuer,
            AccountStatus accountStatus,
            TokenCacheSettings tokenCache) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSetUri(
                        properties.getJwt().getJwkSetUri())
                .build();
        return tokenCache.cache(verifier, issuer, accountStatus);
    }
}
