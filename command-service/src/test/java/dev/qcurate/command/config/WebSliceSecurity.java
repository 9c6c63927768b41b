package dev.qcurate.command.config;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.qcurate.command.auth.AccountStatus;
import dev.qcurate.command.auth.SigningKey;
import dev.qcurate.support.QcurateHttpEdge;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The real security rules and problem+json handlers for @WebMvcTest slices, with a throw-away signing key. */
@TestConfiguration
@Import({SecurityConfig.class, QcurateHttpEdge.class})
public class WebSliceSecurity {

    @Bean
    SigningKey signingKey() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        SigningKey signingKey = mock(SigningKey.class);
        when(signingKey.jwk()).thenReturn(key);
        when(signingKey.publicKey()).thenReturn(key.toRSAPublicKey());
        return signingKey;
    }

    /** Slices sign users in with jwt(), not real tokens; account checks are covered by UserAdministrationIT. */
    @Bean
    AccountStatus accountStatus() {
        AccountStatus status = mock(AccountStatus.class);
        when(status.validate(any())).thenReturn(OAuth2TokenValidatorResult.success());
        return status;
    }
}
