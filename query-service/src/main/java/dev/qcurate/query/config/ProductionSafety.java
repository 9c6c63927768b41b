package dev.qcurate.query.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Locale;
import java.util.Set;

/**
 * With the {@code prod} profile the service refuses to start, before it opens any connection, with an empty or
 * default database password. Registered in {@code META-INF/spring.factories}.
 */
class ProductionSafety implements EnvironmentPostProcessor {

    private static final Set<String> DEFAULT_PASSWORDS =
            Set.of("postgres", "password", "qcurate", "qcurate-dev", "changeme", "admin");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        String password = environment.getProperty("spring.datasource.password");
        if (password == null || password.isBlank() || DEFAULT_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT))) {
            String message = "qcurate refuses to start with the prod profile: QCURATE_DB_PASSWORD is empty or a default password";
            System.err.println(message);
            throw new IllegalStateException(message);
        }
    }
}
