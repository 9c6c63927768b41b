package dev.qcurate.command.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * With the {@code prod} profile the service refuses to start — before it opens any connection — when it would run with
 * dev users, a generated signing key, or a default database password. Registered in {@code META-INF/spring.factories}.
 */
class ProductionSafety implements EnvironmentPostProcessor {

    private static final Set<String> DEFAULT_PASSWORDS =
            Set.of("postgres", "password", "qcurate", "qcurate-dev", "changeme", "admin");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            String message = "qcurate refuses to start with the prod profile: " + String.join("; ", problems);
            System.err.println(message);
            throw new IllegalStateException(message);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("qcurate.dev-users.enabled", Boolean.class, false)) {
            problems.add("dev users are enabled (unset qcurate.dev-users.enabled / do not combine the dev profile)");
        }
        if (blank(environment.getProperty("qcurate.jwt.private-key"))) {
            problems.add("QCURATE_JWT_PRIVATE_KEY is not set (an RSA private key, PKCS#8 PEM)");
        }
        String password = environment.getProperty("spring.datasource.password");
        if (blank(password) || DEFAULT_PASSWORDS.contains(password.strip().toLowerCase(java.util.Locale.ROOT))) {
            problems.add("QCURATE_DB_PASSWORD is empty or a default password");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
