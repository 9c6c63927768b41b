package dev.qcurate.query.config;

import dev.qcurate.support.ManagementPortScrape;
import dev.qcurate.support.ProblemAuthenticationHandlers;
import dev.qcurate.support.TokenCacheSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import dev.qcurate.query.user.AccountStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Verifies the command service's tokens with its public keys (JWK set), so this service can check tokens but never
 * mint them. Authorization per endpoint and role: see the README's table.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            @Value("${server.port:8080}") int serverPort,
                            @Value("${management.server.port:-1}") int managementPort) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(ManagementPortScrape.on(serverPort, managementPort)).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/proposals", "/api/proposals/**").hasAnyRole("EDITOR", "REVIEWER", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("READER", "EDITOR", "REVIEWER", "ADMIN")
                        // the command service checks an import on behalf of the importing user, with their token
                        .requestMatchers(HttpMethod.POST, "/api/duplicates/batch").hasAnyRole("EDITOR", "REVIEWER", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
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

    /** Signature, issuer and times once per token; times and the account on every request. */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, @Value("${qcurate.jwt.issuer:qcurate}") String issuer,
                          AccountStatus accountStatus, TokenCacheSettings tokenCache) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSetUri(properties.getJwt().getJwkSetUri()).build();
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
