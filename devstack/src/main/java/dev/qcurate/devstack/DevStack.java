package dev.qcurate.devstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The local stack behind {@code ./qcurate up}: PostgreSQL (database {@code qcurate}) and Kafka with data under
 * {@code QCURATE_DATA_DIR}, printed as one {@code QCURATE-STACK-READY} line, running until SIGTERM/SIGINT.
 * {@code QCURATE_DB_URL} / {@code QCURATE_KAFKA_BOOTSTRAP} name external servers, which are then not started.
 */
public final class DevStack {

    static final String READY = "QCURATE-STACK-READY";
    static final String DATABASE = "qcurate";
    static final String QCURATE_PG_PORT = "QCURATE_PG_PORT";
    static final String QCURATE_KAFKA_PORT = "QCURATE_KAFKA_PORT";
    static final String QCURATE_KAFKA_CONTROLLER_PORT = "QCURATE_KAFKA_CONTROLLER_PORT";
    private static final Map<String, Integer> PORT_DEFAULTS =
            Map.of(QCURATE_PG_PORT, 15432, QCURATE_KAFKA_PORT, 19092, QCURATE_KAFKA_CONTROLLER_PORT, 19093);

    private final Map<String, String> env;
    private final Object lock = new Object();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean stopping;

    DevStack(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        DevStack stack = new DevStack(System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "qcurate-stack-stop"));
        try {
            System.out.println(stack.start());
        } catch (PortInUseException e) {
            System.err.println(
                    "qcurate: port " + e.port() + " is already in use (set " + stack.variableFor(e.port()) + ")");
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("qcurate: the stack did not start: " + e.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await(); // until a signal runs the shutdown hook
    }

    /** Starts what is not external and returns the READY line. */
    String start() {
        String dbUrl = env.get("QCURATE_DB_URL");
        String bootstrap = env.get("QCURATE_KAFKA_BOOTSTRAP");
        Path dataDir = Path.of(setting("QCURATE_DATA_DIR", "./.qcurate"));
        // check every port first: a clash should not leave half a stack started
        if (isBlank(dbUrl)) {
            Ports.requireFree(port(QCURATE_PG_PORT));
        }
        if (isBlank(bootstrap)) {
            Ports.requireFree(port(QCURATE_KAFKA_PORT));
            Ports.requireFree(port(QCURATE_KAFKA_CONTROLLER_PORT));
        }
        if (isBlank(dbUrl)) {
            LocalPostgres postgres =
                    startAndTrack(() -> LocalPostgres.start(dataDir.resolve("postgres"), port(QCURATE_PG_PORT)));
            postgres.createDatabaseIfMissing(DATABASE);
            dbUrl = postgres.jdbcUrl(DATABASE);
        }
        if (isBlank(bootstrap)) {
            LocalKafka kafka = startAndTrack(() -> LocalKafka.start(
                    dataDir.resolve("kafka"),
                    port(QCURATE_KAFKA_PORT),
                    port(QCURATE_KAFKA_CONTROLLER_PORT),
                    LocalKafka.LONG_RUNNING));
            bootstrap = kafka.bootstrapServers();
        }
        return READY + " db=" + dbUrl + " kafka=" + bootstrap;
    }

    /** Stops what this stack started, newest first; safe to call twice. */
    void stop() {
        synchronized (lock) {
            stopping = true;
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    System.err.println("qcurate: stopping failed: " + e.getMessage());
                }
            }
        }
    }

    // Holding the lock while a server starts makes a signal that arrives mid-start wait, then stop it too.
    private <T extends AutoCloseable> T startAndTrack(Supplier<T> starter) {
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("stopping");
            }
            T server = starter.get();
            started.push(server);
            return server;
        }
    }

    /** The variable that set {@code port}, for the one-line hint on a clash. */
    String variableFor(int port) {
        return PORT_DEFAULTS.keySet().stream()
                .filter(variable -> port(variable) == port)
                .findFirst()
                .orElse("the QCURATE_*_PORT variables");
    }

    private int port(String variable) {
        String value = setting(variable, String.valueOf(PORT_DEFAULTS.get(variable)));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value);
        }
    }

    private String setting(String variable, String fallback) {
        String value = env.get(variable);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Logback's unconfigured default is DEBUG: keep the stack log to our own progress and real warnings. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("dev.qcurate").setLevel(Level.INFO);
        }
    }
}
