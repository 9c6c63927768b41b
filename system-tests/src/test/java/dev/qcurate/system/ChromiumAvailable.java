package dev.qcurate.system;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed, so that {@code ./mvnw verify}
 * passes on a JDK-only machine (skipped, with one warning line saying what to install). With {@code CI=true} they
 * always run: a CI machine without the browser must fail, not pass quietly.
 */
final class ChromiumAvailable implements ExecutionCondition {

    // Debian's paths; the properties only exist to try the skip on a machine that has them
    static final Path CHROMIUM = Path.of(System.getProperty("qcurate.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qcurate.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (onCi()) {
            return ConditionEvaluationResult.enabled("CI=true: the browser tests must run (and fail without Chromium)");
        }
        String reason = "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + " (" + INSTALL + ")";
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("WARNING: " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
