package dev.qcurate.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * With the {@code prod} profile a service refuses to start — before it opens any connection, with one line saying
 * why — when it would run with a default database password; a service adds its own checks by overriding
 * {@link #problems}. Each service registers its own in {@code META-INF/spring.factories}.
 */
public class ProductionSafety implements EnvironmentPostProcessor {

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

    /** What is unsafe for production in these settings; empty when nothing is. */
    public List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String password = environment.getProperty("spring.datasource.password");
        if (blank(password) || DEFAULT_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT))) {
            problems.add("QCURATE_DB_PASSWORD is empty or a default password");
        }
        return problems;
    }

    protected static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
