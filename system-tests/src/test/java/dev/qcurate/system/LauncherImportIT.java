package dev.qcurate.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./qcurate import} against the running services: the summary a person reads, for clean and repeated files. */
class LauncherImportIT extends AgainstOneSystem {

    LauncherImportIT() {
        super("launcherimport");
    }

    record Run(int exitCode, String output) {}

    @Test
    void summarisesACleanImportWithItsFlaggedItemAndWhereToReviewIt() throws Exception {
        // no rejected line: the case where the summary used to stop before printing anything
        Path document = document("clean.md", """
                # Python
                1. What is a closure in Python and when would you use one?
                2. How does the garbage collector in CPython find reference cycles?
                3. What is a closure in Python and when would you use one?
                """);

        Run first = importFile(document, "launcher-clean");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("clean.md: 3 questions proposed into list 'launcher-clean', 1 flagged as likely"
                        + " duplicates, 0 lines rejected")
                .contains("  line 4: \"What is a closure in Python and when would you use one?\" resembles"
                        + " \"What is a closure in Python and when would you use one?\" (score 1")
                .containsPattern("in the review queue: http://localhost:\\d+/review\\?import=[0-9a-f-]{36}");

        Run again = importFile(document, "launcher-clean");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output())
                .containsPattern("clean.md: imported before \\(import [0-9a-f-]{36}, 20\\d\\d-\\d\\d-\\d\\dT[^)]*\\);"
                        + " nothing new proposed \\(that import proposed 3\\)");
    }

    @Test
    void listsTheRejectedLinesWithTheirReasons() throws Exception {
        Path document = document("rejects.md", """
                1. What does the descriptor protocol let a class customise?
                2. TODO
                """);

        Run run = importFile(document, "launcher-rejects");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("1 questions proposed into list 'launcher-rejects', 0 flagged as likely duplicates,"
                        + " 1 lines rejected")
                .contains("  line 2: rejected, placeholder text");
    }

    private static Path document(String name, String text) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "launcher-import"));
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Run importFile(Path document, String list) throws Exception {
        Path launcher = Path.of("..", "qcurate").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        launcher.toString(),
                        "import",
                        document.toAbsolutePath().toString(),
                        "--list",
                        list)
                .redirectErrorStream(true);
        builder.environment()
                .put(
                        "QCURATE_COMMAND_PORT",
                        Integer.toString(URI.create(qcurate.commands.url()).getPort()));
        builder.environment().put("QCURATE_PASSWORD", Qcurate.PASSWORD);
        builder.environment()
                .put(
                        "QCURATE_DATA_DIR",
                        Path.of("target", "launcher-import").toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
