package dev.qcurate.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables in docs/ that mirror code are kept in step with it here, so a new endpoint or variable cannot be added
 * without its documentation (or documented after it is gone).
 */
class DocumentedTablesTest {

    private static final Path ROOT = repositoryRoot();

    /** {@code ${QCURATE_X}} or {@code ${QCURATE_X:default}} in Spring configuration. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(QCURATE_[A-Z0-9_]*[A-Z0-9])");
    /** Any mention in the launcher or in code that reads the environment itself. */
    private static final Pattern VARIABLE = Pattern.compile("QCURATE_[A-Z0-9_]*[A-Z0-9]");

    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (`QCURATE_[^|]*)\\|");

    @Test
    void theAuthorizationMatrixInTheSecurityDocIsTheOneSecurityMatrixItChecks() {
        assertThat(read(ROOT.resolve("docs/security.md"))).contains(SecurityMatrixIT.markdown());
    }

    @Test
    void everyVariableTheSystemReadsIsInTheConfigurationTableAndNothingElseIs() {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT, 5)) {
            files.filter(file -> file.toString().matches(".*/src/main/resources/application[^/]*\\.(yml|properties)"))
                    .forEach(file -> read.addAll(matches(PLACEHOLDER, read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read.addAll(matches(VARIABLE, read(ROOT.resolve("qcurate"))));
        try (Stream<Path> files = Files.walk(ROOT.resolve("devstack/src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> read.addAll(matches(VARIABLE, read(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(read(ROOT.resolve("docs/configuration.md")));
        while (row.find()) {
            documented.addAll(matches(VARIABLE, row.group(1)));
        }

        assertThat(read)
                .as("variables read by the services, the web or the launcher")
                .isNotEmpty();
        assertThat(documented).as("the variables of docs/configuration.md").isEqualTo(read);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(matcher.groupCount()));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        return Files.exists(module.resolve("mvnw")) ? module : module.getParent();
    }
}
