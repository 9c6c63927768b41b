package dev.qcurate.command.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.qcurate.command.auth.AccountStatus;
import dev.qcurate.command.auth.SigningKey;
import dev.qcurate.support.ApiSecurity;
import dev.qcurate.support.ManagementPortScrape;
import dev.qcurate.support.ProblemAuthenticationHandlers;
import dev.qcurate.support.Role;
import dev.qcurate.support.TokenCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;

import static dev.qcurate.support.Role.ADMIN;
import static dev.qcurate.support.Role.EDITOR;
import static dev.qcurate.support.Role.REVIEWER;

/**
 * Stateless JWT security. The authorization rules per endpoint and role are the matrix in docs/security.md; they are
 * written here once, as request matchers, so they can be read in one place.
 */
@Configuration
class SecurityConfig {

    private static final String[] WRITERS = Role.names(EDITOR, REVIEWER, ADMIN);
    private static final String[] REVIEWERS = Role.names(REVIEWER, ADMIN);

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
                                "/.well-known/jwks.json",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(ManagementPortScrape.on(serverPort, managementPort))
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/proposals/approval",
                                "/api/proposals/*/approval",
                                "/api/proposals/*/rejection",
                                "/api/lists/*/releases")
                        .hasAnyRole(REVIEWERS)
                        .requestMatchers("/api/proposals/*/claim")
                        .hasAnyRole(REVIEWERS)
                        .requestMatchers(HttpMethod.POST, "/api/proposals/*/change-request")
                        .hasAnyRole(REVIEWERS)
                        .requestMatchers(HttpMethod.POST, "/api/proposals/*/comments", "/api/proposals/*/amendments")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/questions",
                                "/api/questions/**",
                                "/api/merges",
                                "/api/lists",
                                "/api/lists/**",
                                "/api/imports",
                                "/api/tag-renames")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/lists/**")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**")
                        .hasAnyRole(WRITERS)
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AuthenticationConfiguration configuration) throws Exception {
        return configuration.getAuthenticationManager();
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKey key) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
    }

    /** Signature, issuer and times once per token; times and the account on every request. */
    @Bean
    JwtDecoder jwtDecoder(
            SigningKey key,
            @Value("${qcurate.jwt.issuer:qcurate}") String issuer,
            AccountStatus accountStatus,
            TokenCacheSettings tokenCache) {
        NimbusJwtDecoder verifier =
                NimbusJwtDecoder.withPublicKey(key.publicKey()).build();
        verifier.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return tokenCache.cache(verifier, accountStatus);
    }
}
