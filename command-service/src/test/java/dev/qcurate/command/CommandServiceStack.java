package dev.qcurate.command;

import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Points a command-service test context at the real test PostgreSQL and Kafka broker, one database per test class. */
public final class CommandServiceStack {

    public static final String PASSWORD = "test-password";

    private CommandServiceStack() {}

    public static void register(DynamicPropertyRegistry registry, String database) {
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

    /** A bearer token for one of the dev users, from the service's own sign-in endpoint. */
    @SuppressWarnings("rawtypes")
    public static String token(TestRestTemplate http, String user) {
        ResponseEntity<Map> answer =
                http.postForEntity("/api/auth/token", Map.of("username", user, "password", PASSWORD), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) answer.getBody().get("accessToken");
    }
}
