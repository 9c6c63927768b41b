package dev.qcurate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** 401 and 403 as problem+json, like every other error. */
@Component
@RequiredArgsConstructor
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // the token could not be checked (e.g. the account store is down): not the client's fault
            response.setHeader("Retry-After", "5");
            write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "the sign-in cannot be checked right now; retry later");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "a valid bearer token is required (POST /api/auth/token on the command service)");
    }

    /**
     * Makes the bearer-token filter answer token-check failures through {@link #commence}, including the
     * "could not check" kind (503) that Spring Security would otherwise rethrow as a 500.
     */
    public ObjectPostProcessor<BearerTokenAuthenticationFilter> bearerFailures() {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(this);
        failures.setRethrowAuthenticationServiceException(false);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "your roles do not allow this request");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemResponses.write(json, response, status, title, detail);
    }
}
