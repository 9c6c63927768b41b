package dev.qcurate.query.config;

import dev.qcurate.query.user.AccountStatus;
import dev.qcurate.support.ApiSecurity;
import dev.qcurate.support.ManagementPortScrape;
import dev.qcurate.support.ProblemAuthenticationHandlers;
import dev.qcurate.support.Role;
import dev.qcurate.support.TokenCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

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
    SecurityFilterChain api(
            HttpSecurity http,
            ProblemAuthenticationHandlers problems,
            @Value("${server.port:8080}") int serverPort,
            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        ApiSecurity.statelessResourceServer(http, problems)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(ManagementPortScrape.on(serverPort, managementPort))
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/api/proposals", "/api/proposals/**")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(READERS)
                        // the command service checks an import on behalf of the importing user, with their token
                        .requestMatchers(HttpMethod.POST, "/api/duplicates/batch")
                        .hasAnyRole(WRITERS)
                        .anyRequest()
                        .hasRole(ADMIN.name()));
        return http.build();
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
        verifier.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return tokenCache.cache(verifier, accountStatus);
    }
}
