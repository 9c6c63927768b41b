package dev.qcurate.command.auth;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Signs the JWT both services accept for a user who has just signed in: their name, roles and the token's life. */
@Component
@RequiredArgsConstructor
class TokenIssuer {

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final SigningKey key;

    /** The answer of a sign-in: the signed token, its type, the seconds it lives and the user's roles. */
    Map<String, Object> issue(Authentication user) {
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
        return Map.of(
                "accessToken",
                token,
                "tokenType",
                "Bearer",
                "expiresIn",
                properties.ttl().toSeconds(),
                "roles",
                roles);
    }
}
