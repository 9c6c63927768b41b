package dev.qcurate.command.auth;

import dev.qcurate.support.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The dev stack's users (dev profile only): one per role plus a second editor and reviewer for four-eyes checks,
 * all with {@code QCURATE_DEV_PASSWORD}, or a random password printed once when it is not set.
 */
@Component
@ConditionalOnProperty(name = "qcurate.dev-users.enabled", havingValue = "true")
class DevUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DevUsers.class);

    static final Map<String, List<Role>> USERS = Map.of(
            "admin", List.of(Role.ADMIN),
            "editor", List.of(Role.EDITOR),
            "editor2", List.of(Role.EDITOR),
            "reviewer", List.of(Role.REVIEWER),
            "reviewer2", List.of(Role.REVIEWER),
            "reader", List.of(Role.READER));

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final String password;

    DevUsers(UserAccounts accounts, PasswordEncoder encoder, @Value("${qcurate.dev-users.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        String effective = password;
        if (effective == null || effective.isBlank()) {
            effective = HexFormat.of().formatHex(KeyGenerators.secureRandom(12).generateKey());
            log.warn("QCURATE_DEV_PASSWORD is not set; dev users' password for this run: {}", effective);
        }
        String hash = encoder.encode(effective);
        USERS.forEach((username, roles) -> accounts.upsert(username, hash, roles));
        log.info("Dev users ready: {}", USERS.keySet());
    }
}
