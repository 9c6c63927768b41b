package dev.qcurate.web.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser's side of security: a server-side session (HttpOnly, SameSite=Lax cookie; see application.yml),
 * CSRF on every state-changing request, a Content-Security-Policy without inline script, and page access by role.
 * The services check every call again with the user's token: these rules only keep people off pages they cannot use.
 */
@Configuration
class WebSecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationProvider tokens, AuthenticationFailureHandler failedSignIn)
            throws Exception {
        HttpSessionRequestCache savedPages = new HttpSessionRequestCache();
        savedPages.setMatchingRequestParameterName(null); // back to the page asked for, without "?continue"
        http.authenticationProvider(tokens)
                .requestCache(cache -> cache.requestCache(savedPages))
                .authorizeHttpRequests(pages -> pages.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.svg",
                                "/actuator/health",
                                "/error")
                        .permitAll()
                        .requestMatchers("/review/**")
                        .hasRole("REVIEWER")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/questions/new", "/questions/suggestions", "/imports/**", "/proposals/mine")
                        .hasAnyRole("EDITOR", "REVIEWER")
                        .requestMatchers("/proposals/*", "/proposals/*/*")
                        .hasAnyRole("EDITOR", "REVIEWER")
                        .requestMatchers(
                                "/questions/*/reword",
                                "/questions/*/tags",
                                "/questions/*/tags/preview",
                                "/questions/*/merge",
                                "/questions/*/retire",
                                "/questions/*/unmerge",
                                "/questions/*/revert",
                                "/tags/rename")
                        .hasAnyRole("EDITOR", "REVIEWER")
                        .anyRequest()
                        .authenticated())
                .formLogin(login -> login.loginPage("/login")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failedSignIn))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .invalidateHttpSession(true)
                        .deleteCookies("QCURATE_SESSION"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(signInFirst()).accessDeniedPage("/forbidden"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A page needs a session: to the sign-in page, or for htmx (whose session ended) an HX-Redirect there. */
    private static AuthenticationEntryPoint signInFirst() {
        AuthenticationEntryPoint htmx = (request, response, e) -> {
            response.setHeader("HX-Redirect", "/login?expired");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(
                new LinkedHashMap<>(Map.of(new RequestHeaderRequestMatcher("HX-Request", "true"), htmx)));
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entryPoint;
    }

    /** Every POST form gets a form key beside its CSRF token (see {@link FormKeyFields}). */
    @Bean
    static BeanPostProcessor formKeys() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RequestDataValueProcessor processor && !(bean instanceof FormKeyFields)
                        ? new FormKeyFields(processor)
                        : bean;
            }
        };
    }

    /** ADMIN may do everything; REVIEWER and EDITOR may read. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_REVIEWER
                ROLE_ADMIN > ROLE_EDITOR
                ROLE_REVIEWER > ROLE_READER
                ROLE_EDITOR > ROLE_READER
                """);
    }
}
