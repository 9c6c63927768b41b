package dev.qcurate.command.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Exchanges a username and password for a signed JWT that both services accept. */
@RestController
class TokenController {

    private final AuthenticationManager authentication;
    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final SigningKey key;
    private final LoginThrottle throttle;

    TokenController(
            AuthenticationManager authentication,
            JwtEncoder encoder,
            JwtProperties properties,
            SigningKey key,
            LoginThrottle throttle) {
        this.authentication = authentication;
        this.encoder = encoder;
        this.properties = properties;
        this.key = key;
        this.throttle = throttle;
    }

    record Credentials(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {}

    @PostMapping("/api/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        var locked = throttle.lockedFor(credentials.username(), address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds() + (locked.get().toNanosPart() > 0 ? 1 : 0));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too many failed sign-ins for this user or from this address; try again in " + seconds + " s");
            problem.setTitle("Sign-in locked");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(problem);
        }
        Authentication user;
        try {
            user = authentication.authenticate(
                    new UsernamePasswordAuthenticationToken(credentials.username(), credentials.password()));
            throttle.succeeded(credentials.username(), address);
        } catch (InternalAuthenticationServiceException e) {
            // the user store could not be read: not a wrong password, and not counted as a failed attempt
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "sign-in is unavailable right now; retry later");
            problem.setTitle("Service unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem);
        } catch (AuthenticationException e) {
            throttle.failed(credentials.username(), address);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "unknown user, wrong password or disabled account");
            problem.setTitle("Bad credentials");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        List<String> roles = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.substring("ROLE_".length()))
                .toList();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.getName())
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .claim("roles", roles)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(key.jwk().getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return ResponseEntity.ok(Map.of(
                "accessToken",
                token,
                "tokenType",
                "Bearer",
                "expiresIn",
                properties.ttl().toSeconds(),
                "roles",
                roles));
    }
}
