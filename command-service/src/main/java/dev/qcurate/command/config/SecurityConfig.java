package dev.qcurate.command.config;

import dev.qcurate.support.ManagementPortScrape;
import dev.qcurate.support.ProblemAuthenticationHandlers;
import dev.qcurate.support.TokenCacheSettings;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.qcurate.command.auth.AccountStatus;
import dev.qcurate.command.auth.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.*;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless JWT security. The authorization rules per endpoint and role are the table in the README; they are
 * written here once, as request matchers, so they can be read in one place.
 */
@Configuration
class SecurityConfig {

    private static final String[] WRITERS = {"EDITOR", "REVIEWER", "ADMIN"};
    private static final String[] REVIEWERS = {"REVIEWER", "ADMIN"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            @Value("${server.port:8080}") int serverPort,
                            @Value("${management.server.port:-1}") int managementPort) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/.well-known/jwks.json", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(ManagementPortScrape.on(serverPort, managementPort)).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/proposals/approval", "/api/proposals/*/approval",
                                "/api/proposals/*/rejection", "/api/lists/*/releases").hasAnyRole(REVIEWERS)
                        .requestMatchers(HttpMethod.POST, "/api/questions", "/api/questions/**", "/api/merges",
                                "/api/lists", "/api/lists/**", "/api/imports").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/lists/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.GET, "/api/imports/**").hasAnyRole(WRITERS)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(problems.bearerFailures()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
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
    JwtDecoder jwtDecoder(SigningKey key, @Value("${qcurate.jwt.issuer:qcurate}") String issuer,
                          AccountStatus accountStatus, TokenCacheSettings tokenCache) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withPublicKey(key.publicKey()).build();
        verifier.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return tokenCache.cache(verifier, accountStatus);
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
