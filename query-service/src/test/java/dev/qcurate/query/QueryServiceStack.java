package dev.qcurate.query;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a query-service test context at the real test PostgreSQL and Kafka broker: one database, event topic and
 * consumer group per test class, all named after {@code name}, and tokens from the test's own JWK set.
 */
final class QueryServiceStack {

    private QueryServiceStack() {}

    static void register(DynamicPropertyRegistry registry, String name, TestTokens tokens) {
        LocalPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabaseIfMissing(name);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(name));
        registry.add(
                "qcurate.kafka.bootstrap-servers",
                () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("qcurate.kafka.topic", () -> topic(name));
        registry.add("qcurate.kafka.group-id", () -> group(name));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwksUri);
    }

    static String topic(String name) {
        return name + ".events";
    }

    static String group(String name) {
        return name + "-read-model";
    }

    static TestTokens tokens() {
        try {
            return new TestTokens();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test token issuer", e);
        }
    }
}
