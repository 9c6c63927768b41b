package dev.qcurate.web.signin;

import dev.qcurate.web.services.ServiceDown;
import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.SignedInUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;

/** Signs in by asking command-service for a token; the token becomes part of the session's principal. */
@Component
@RequiredArgsConstructor
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final Services services;

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        if (username.isBlank() || password.isEmpty()) {
            throw new BadCredentialsException("Enter your username and password.");
        }
        SignedInUser user;
        try {
            user = services.signIn(username.trim(), password);
        } catch (ServiceProblem problem) {
            throw switch (problem.status()) {
                case 401, 400 -> new BadCredentialsException("Invalid username or password.");
                case 429 ->
                    new LockedException("Too many failed attempts. "
                            + problem.retryAfter()
                                    .map(after -> "Try again in " + after.toSeconds() + " s.")
                                    .orElse("Try again later."));
                default ->
                    new AuthenticationServiceException("Signing in is not possible right now: " + problem.detail());
            };
        } catch (ServiceDown down) {
            throw new AuthenticationServiceException("Signing in is not possible right now: the command-service is"
                    + " not answering. Please try again in a moment.");
        }
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
