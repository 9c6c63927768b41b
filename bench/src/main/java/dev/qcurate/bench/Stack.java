package dev.qcurate.bench;

import dev.qcurate.devstack.LocalKafka;
import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.ServiceJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system under test: either started here (embedded PostgreSQL and Kafka from devstack, both services from their
 * packaged jars with the benchmark's JVM flags, fresh data under {@code bench/target/stack}), or one already running
 * whose URLs were given.
 */
final class Stack implements AutoCloseable {

    static final String PASSWORD = "bench-password";

    /**
     * PostgreSQL settings for the embedded server. fsync and synchronous_commit stay on (LocalPostgres enforces it):
     * an acknowledged command must survive a crash. Bigger buffers and WAL segments only cut I/O.
     */
    static final Map<String, String> POSTGRES_SETTINGS = Map.of(
            "shared_buffers", "256MB",
            "max_connections", "200",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min",
            "wal_buffers", "16MB");

    final Options options;
    String commandUrl;
    String queryUrl;
    String jdbcUrl;
    String kafkaBootstrap;
    String password;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private ServiceJar commands;
    private ServiceJar queries;
    private final List<ServiceJar> extra = new ArrayList<>();
    private Path root;

    private Stack(Options options) {
        this.options = options;
    }

    static Stack start(Options options) throws Exception {
        Stack stack = new Stack(options);
        if (options.commandUrl() != null) {
            stack.commandUrl = options.commandUrl();
            stack.queryUrl = options.queryUrl();
            stack.jdbcUrl = options.dbUrl();
            stack.kafkaBootstrap = options.kafka();
            stack.password = options.password();
            return stack;
        }
        try {
            stack.startLocal();
        } catch (Exception | Error e) {
            stack.close(); // whatever did start (PostgreSQL, the broker, a service) must not be left behind
            throw e;
        }
        return stack;
    }

    private void startLocal() throws Exception {
        root = Path.of("bench", "target", "stack").toAbsolutePath();
        deleteTree(root);
        System.out.println("bench: starting PostgreSQL and Kafka under " + root);
        Map<String, String> settings = new HashMap<>(POSTGRES_SETTINGS);
        settings.putAll(options.postgresSettings());
        postgres = LocalPostgres.startDurable(root.resolve("postgres"), 0, settings);
        kafka = LocalKafka.start(root.resolve("kafka"), 0, 0, LocalKafka.LONG_RUNNING);
        postgres.createDatabaseIfMissing("qcurate");
        jdbcUrl = postgres.jdbcUrl("qcurate");
        kafkaBootstrap = kafka.bootstrapServers();
        password = PASSWORD;
        int commandPort = ServiceJar.freePort();
        int queryPort = ServiceJar.freePort();
        commandUrl = "http://127.0.0.1:" + commandPort;
        queryUrl = "http://127.0.0.1:" + queryPort;
        Map<String, String> environment = environment(jdbcUrl, "qcurate.events", "qcurate-query");
        commands = new ServiceJar(
                "command-service",
                options.commandJar(),
                options.serviceJvm(),
                commandPort,
                withPort(environment, commandPort),
                root.resolve("logs/command-service.log"));
        queries = new ServiceJar(
                "query-service",
                options.queryJar(),
                options.serviceJvm(),
                queryPort,
                withPort(environment, queryPort),
                root.resolve("logs/query-service.log"));
        System.out.println("bench: starting command-service and query-service (" + options.serviceJvm() + ")");
        commands.start(java.time.Duration.ofMinutes(6)); // a loaded machine starts JVMs slowly
        queries.start(java.time.Duration.ofMinutes(6));
    }

    boolean started() {
        return root != null;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    long commandPid() {
        return commands == null ? -1 : commands.pid();
    }

    long kafkaPid() {
        return kafka == null ? -1 : kafka.pid();
    }

    /** PostgreSQL's {@code postmaster.pid} (its first line is the postmaster's process id), null when not ours. */
    Path postgresPidFile() {
        return postgres == null ? null : postgres.dataDir().resolve("postmaster.pid");
    }

    long queryPid() {
        return queries == null ? -1 : queries.pid();
    }

    /** Stops the main query service (e.g. while a second one rebuilds), freeing its CPU for the measurement. */
    void stopQueries() throws InterruptedException {
        if (queries != null) {
            queries.close();
        }
    }

    /** A second query service on its own database, topic and consumer group, validating tokens of the main one. */
    ServiceJar extraQueryService(String database, String topic, String group) throws Exception {
        postgres.createDatabaseIfMissing(database);
        int port = ServiceJar.freePort();
        Map<String, String> environment = withPort(environment(postgres.jdbcUrl(database), topic, group), port);
        ServiceJar service = new ServiceJar(
                "query-" + database,
                options.queryJar(),
                options.serviceJvm(),
                port,
                environment,
                root.resolve("logs/query-" + database + ".log"));
        extra.add(service);
        service.start(java.time.Duration.ofMinutes(10));
        return service;
    }

    private Map<String, String> environment(String db, String topic, String group) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "dev",
                "QCURATE_DB_URL", db,
                "QCURATE_KAFKA_BOOTSTRAP", kafkaBootstrap,
                "QCURATE_KAFKA_TOPIC", topic,
                "QCURATE_QUERY_GROUP", group,
                "QCURATE_DEV_PASSWORD", PASSWORD,
                "QCURATE_QUERY_URL", queryUrl,
                "QCURATE_JWKS_URI", commandUrl + "/.well-known/jwks.json",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"));
        environment.putAll(options.serviceEnvironment());
        return environment;
    }

    private static Map<String, String> withPort(Map<String, String> environment, int port) {
        Map<String, String> result = new HashMap<>(environment);
        result.put("SERVER_PORT", Integer.toString(port));
        result.put("QCURATE_COMMAND_PORT", Integer.toString(port));
        result.put("QCURATE_QUERY_PORT", Integer.toString(port));
        return result;
    }

    private boolean closed;

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        for (ServiceJar service : extra) {
            service.close();
        }
        if (queries != null) {
            queries.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
