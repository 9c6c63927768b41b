package dev.qcurate.system;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system for a test class: a fresh database and topic on the shared test PostgreSQL and Kafka, and both
 * services as real processes wired like {@code ./qcurate up} wires them; for the browser tests the web too.
 */
final class Qcurate implements AutoCloseable {

    static final String PASSWORD = "system-test-password";

    final ServiceProcess commands;
    final ServiceProcess queries;
    /** The web workspace, or null when the test did not ask for it ({@link #startWithWeb}). */
    ServiceProcess web;

    final String jdbcUrl;

    final String name;
    final String topic;
    final String consumerGroup;
    private final Map<String, String> environment;

    private Qcurate(String name, LocalPostgres postgres) {
        this(name, postgres, Map.of());
    }

    /** {@code extra}: settings of the test's own for both services (e.g. webhooks allowed to call loopback). */
    private Qcurate(String name, LocalPostgres postgres, Map<String, String> extra) {
        this.name = name;
        postgres.createDatabaseIfMissing(name);
        jdbcUrl = postgres.jdbcUrl(name);
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        topic = name + ".events";
        consumerGroup = name + "-query";
        Map<String, String> settings = environment(name, jdbcUrl, topic, commandPort, queryPort);
        settings.put("QCURATE_WEBHOOKS_LIST_VERSIONS_GROUP", name + "-webhooks");
        settings.putAll(extra);
        environment = Map.copyOf(settings);
        commands = new ServiceProcess(name + "-command-service", "qcurate.command-jar", commandPort, environment);
        queries = new ServiceProcess(name + "-query-service", "qcurate.query-jar", queryPort, environment);
    }

    /**
     * What every service process of system {@code name} is started with, wired like {@code ./qcurate up}: the dev
     * profile and password, the database and topic, each other's addresses, one consumer group, and one signing key
     * file for every command instance (tokens stay valid across a restart and across instances behind one address).
     */
    static Map<String, String> environment(String name, String jdbcUrl, String topic, int commandPort, int queryPort) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "dev"),
                Map.entry("QCURATE_DB_URL", jdbcUrl),
                Map.entry("QCURATE_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers()),
                Map.entry("QCURATE_KAFKA_TOPIC", topic),
                Map.entry("QCURATE_DEV_PASSWORD", PASSWORD),
                Map.entry("QCURATE_COMMAND_PORT", Integer.toString(commandPort)),
                Map.entry("QCURATE_QUERY_PORT", Integer.toString(queryPort)),
                Map.entry("QCURATE_QUERY_URL", "http://127.0.0.1:" + queryPort),
                Map.entry("QCURATE_JWKS_URI", "http://127.0.0.1:" + commandPort + "/.well-known/jwks.json"),
                Map.entry("QCURATE_QUERY_GROUP", name + "-query"),
                Map.entry(
                        "QCURATE_JWT_KEY_FILE",
                        Path.of(System.getProperty("qcurate.logs", "target/service-logs"))
                                .toAbsolutePath()
                                .resolve(name + "-signing-key.pem")
                                .toString()),
                Map.entry("AXONIQ_UPDATE_CHECKER_DISABLED", "true")));
    }

    static Qcurate start(String name) throws Exception {
        return start(name, TestInfrastructure.postgres());
    }

    /** The system on a PostgreSQL of the test's own (e.g. one it stops and starts). */
    static Qcurate start(String name, LocalPostgres postgres) throws Exception {
        return start(name, postgres, Map.of());
    }

    /** As {@link #start(String, LocalPostgres)}, with settings of the test's own for both services. */
    static Qcurate start(String name, LocalPostgres postgres, Map<String, String> extra) throws Exception {
        Qcurate system = new Qcurate(name, postgres, extra);
        system.commands.start();
        system.queries.start();
        return system;
    }

    /** The services and, once they are healthy, the web workspace talking to them (as {@code ./qcurate up} does). */
    static Qcurate startWithWeb(String name) throws Exception {
        return startWithWeb(name, Map.of());
    }

    /** As {@link #startWithWeb(String)}, with settings of the test's own for both services. */
    static Qcurate startWithWeb(String name, Map<String, String> extra) throws Exception {
        Qcurate system = new Qcurate(name, TestInfrastructure.postgres(), extra);
        system.commands.start();
        system.queries.start();
        try {
            int webPort = ServiceProcess.freePort();
            system.web = new ServiceProcess(
                    name + "-web",
                    "qcurate.web-jar",
                    webPort,
                    Map.of(
                            "QCURATE_WEB_PORT", Integer.toString(webPort),
                            "QCURATE_COMMAND_URL", system.commands.url(),
                            "QCURATE_QUERY_URL", system.queries.url()));
            system.web.start();
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    /** Another query-service process on the same read database and consumer group, not started yet. */
    ServiceProcess anotherQueryService(String suffix) {
        return anotherQueryService(suffix, Map.of());
    }

    /** As {@link #anotherQueryService(String)}, with settings of its own (e.g. smaller batches). */
    ServiceProcess anotherQueryService(String suffix, Map<String, String> settings) {
        int port = ServiceProcess.freePort();
        Map<String, String> own = new java.util.HashMap<>(environment);
        own.putAll(settings);
        own.put("QCURATE_QUERY_PORT", Integer.toString(port));
        return new ServiceProcess(name + "-query-service-" + suffix, "qcurate.query-jar", port, own);
    }

    Client as(String user) {
        return Client.signIn(commands.url(), queries.url(), user, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        if (web != null) {
            web.close();
        }
        queries.close();
        commands.close();
    }
}
