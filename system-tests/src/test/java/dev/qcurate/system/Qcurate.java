package dev.qcurate.system;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;

import java.util.Map;

/**
 * The whole system for a test class: a fresh database and topic on the shared test PostgreSQL and Kafka, and both
 * services as real processes wired like {@code ./qcurate up} wires them.
 */
final class Qcurate implements AutoCloseable {

    static final String PASSWORD = "system-test-password";

    final ServiceProcess commands;
    final ServiceProcess queries;
    final String jdbcUrl;

    private Qcurate(String name) {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing(name);
        jdbcUrl = postgres.jdbcUrl(name);
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> environment = Map.of(
                "SPRING_PROFILES_ACTIVE", "dev",
                "QCURATE_DB_URL", jdbcUrl,
                "QCURATE_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers(),
                "QCURATE_KAFKA_TOPIC", name + ".events",
                "QCURATE_DEV_PASSWORD", PASSWORD,
                "QCURATE_COMMAND_PORT", Integer.toString(commandPort),
                "QCURATE_QUERY_PORT", Integer.toString(queryPort),
                "QCURATE_QUERY_URL", "http://127.0.0.1:" + queryPort,
                "QCURATE_JWKS_URI", "http://127.0.0.1:" + commandPort + "/.well-known/jwks.json",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        commands = new ServiceProcess(name + "-command-service", "qcurate.command-jar", commandPort, environment);
        queries = new ServiceProcess(name + "-query-service", "qcurate.query-jar", queryPort, environment);
    }

    static Qcurate start(String name) throws Exception {
        Qcurate system = new Qcurate(name);
        system.commands.start();
        system.queries.start();
        return system;
    }

    Client as(String user) {
        return Client.signIn(commands.url(), queries.url(), user, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        queries.close();
        commands.close();
    }
}
