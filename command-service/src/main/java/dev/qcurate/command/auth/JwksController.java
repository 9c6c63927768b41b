package dev.qcurate.command.auth;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public half of the signing key, for the query service (and anyone else) to verify tokens. */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(SigningKey key) {
        this.jwks = new JWKSet(key.jwk().toPublicJWK()).toJSONObject();
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return jwks;
    }
}
