package dev.qcurate.command.auth;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Whether a token still counts: answered 200 only after {@link AccountStatus} has checked the account against the
 * user table (401 for a disabled account or a voided token). The query service asks this with the caller's own
 * token, so a lock-out holds there within seconds even when the user events cannot reach it (Kafka down, rebuild).
 */
@RestController
class SessionController {

    record Session(String username, List<String> roles) {}

    @GetMapping("/api/auth/session")
    Session session(@AuthenticationPrincipal Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Session(token.getSubject(), roles == null ? List.of() : roles);
    }
}
