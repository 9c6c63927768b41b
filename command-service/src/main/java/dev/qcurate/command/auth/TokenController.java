package dev.qcurate.command.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a signed JWT that both services accept. */
@RestController
@RequiredArgsConstructor
class TokenController {

    private final AuthenticationManager authentication;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    record Credentials(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {}

    @PostMapping("/api/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        var locked = throttle.lockedFor(credentials.username(), address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + (locked.get().toNanosPart() > 0 ? 1 : 0));
            return refused(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Sign-in locked",
                    "too many failed sign-ins for this user or from this address; try again in " + seconds + " s",
                    Long.toString(seconds));
        }
        Authentication user;
        try {
            user = authentication.authenticate(
                    new UsernamePasswordAuthenticationToken(credentials.username(), credentials.password()));
            throttle.succeeded(credentials.username(), address);
        } catch (InternalAuthenticationServiceException e) {
            // the user store could not be read: not a wrong password, and not counted as a failed attempt
            return refused(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "sign-in is unavailable right now; retry later",
                    "5");
        } catch (AuthenticationException e) {
            throttle.failed(credentials.username(), address);
            return refused(
                    HttpStatus.UNAUTHORIZED,
                    "Bad credentials",
                    "unknown user, wrong password or disabled account",
                    null);
        }
        return ResponseEntity.ok(tokens.issue(user));
    }

    /** A refused sign-in as problem+json; {@code retryAfter} (seconds) when trying again later can succeed. */
    private static ResponseEntity<ProblemDetail> refused(
            HttpStatus status, String title, String detail, String retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        var answer = ResponseEntity.status(status);
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return answer.body(problem);
    }
}
