package dev.qcurate.command;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a command-service test context at the real test PostgreSQL and Kafka broker, one database per test class. */
final class CommandServiceStack {

    static final String PASSWORD = "test-password";

    private CommandServiceStack() {}

    static void register(DynamicPropertyRegistry registry, String database) {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing(database);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
        registry.add(
                "qcurate.kafka.bootstrap-servers",
                () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("qcurate.kafka.topic", () -> database + ".events");
        registry.add("qcurate.dev-users.enabled", () -> "true");
        registry.add("qcurate.dev-users.password", () -> PASSWORD);
    }
}
