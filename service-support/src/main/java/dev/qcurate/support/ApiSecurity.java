package dev.qcurate.support;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.List;
import java.util.stream.Stream;

/**
 * The part of both services' security that is the same: stateless bearer-token APIs, roles from the token's
 * {@code roles} claim, problem+json for 401/403, the response headers of an API nobody should frame or render, and
 * the rules for health, API docs, the metrics scrape and the admin endpoints. Each service adds only its own
 * authorization rules.
 */
@RequiredArgsConstructor
public final class ApiSecurity {

    private static final String[] OPEN_GETS = {
        "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"
    };

    private final ProblemAuthenticationHandlers problems;
    private final ManagementPortScrape scrape;

    /**
     * The service's filter chain. Health, the API docs and the service's {@code publicGets} are open to anyone, as are
     * the error page and the management-port scrape; every other actuator endpoint and {@code /api/admin/**} is ADMIN
     * only; then {@code serviceRules} decide the rest.
     */
    public SecurityFilterChain chain(
            HttpSecurity http,
            List<String> publicGets,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    serviceRules)
            throws Exception {
        // one array: requestMatchers(GET) with no patterns at all would open every GET
        String[] openGets =
                Stream.concat(Stream.of(OPEN_GETS), publicGets.stream()).toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(problems.bearerFailures()))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> serviceRules.customize(auth.requestMatchers(HttpMethod.GET, openGets)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(scrape)
                        .permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**")
                        .hasRole(Role.ADMIN.name())));
        return http.build();
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
