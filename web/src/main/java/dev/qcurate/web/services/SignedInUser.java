package dev.qcurate.web.services;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * The principal of a signed-in browser session: who it is, the roles command-service gave, and the access token the
 * workspace sends to both services on the user's behalf. It lives in the server-side session only.
 */
public record SignedInUser(String username, Set<String> roles, String accessToken, Instant expiresAt)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean has(String role) {
        return roles.contains(role) || roles.contains("ADMIN");
    }

    public boolean canPropose() {
        return has("EDITOR") || has("REVIEWER");
    }

    public boolean canReview() {
        return has("REVIEWER");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** The user of the current request, or null outside a signed-in request. */
    public static SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @Override
    public String toString() { // never the token, not even in a log line
        return "SignedInUser[" + username + " " + roles + "]";
    }
}
