package dev.qcurate.command.config;

import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * The command service also refuses production with dev users or without its own signing key (a generated one would
 * change at every restart and differ per instance). Registered in {@code META-INF/spring.factories}.
 */
class ProductionSafety extends dev.qcurate.support.ProductionSafety {

    @Override
    public List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("qcurate.dev-users.enabled", Boolean.class, false)) {
            problems.add("dev users are enabled (unset qcurate.dev-users.enabled / do not combine the dev profile)");
        }
        if (blank(environment.getProperty("qcurate.jwt.private-key"))) {
            problems.add("QCURATE_JWT_PRIVATE_KEY is not set (an RSA private key, PKCS#8 PEM)");
        }
        problems.addAll(super.problems(environment));
        return problems;
    }
}
