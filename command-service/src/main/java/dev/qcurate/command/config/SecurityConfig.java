package dev.qcurate.command.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.qcurate.command.auth.AccountStatus;
import dev.qcurate.command.auth.SigningKey;
import dev.qcurate.support.ApiSecurity;
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
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

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
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.chain(
                http,
                List.of("/.well-known/jwks.json"),
                auth -> auth.requestMatchers(HttpMethod.POST, "/api/auth/token")
                        .permitAll()
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
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/proposals/*/comments",
                                "/api/proposals/*/amendments",
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
        return tokenCache.cache(NimbusJwtDecoder.withPublicKey(key.publicKey()).build(), issuer, accountStatus);
    }
}
