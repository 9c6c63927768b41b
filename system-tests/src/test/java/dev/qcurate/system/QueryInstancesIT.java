package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.devstack.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service processes on one read model and topic: whichever of them projects, each keeps its own in-memory
 * state (duplicate index) current from the topic, and {@code minPosition} tells the truth on both; a disabled user is
 * refused by both within seconds, also while the broker is down.
 */
class QueryInstancesIT extends AgainstOneSystem {

    private ServiceProcess second;

    QueryInstancesIT() {
        super("query_instances");
    }

    @BeforeAll
    void startTheSecondInstance() throws Exception {
        second = startAnotherQueryService("second", Map.of());
    }

    @Test
    void questionsProposedAfterTheSecondInstanceStartedAreFoundAsDuplicatesOnBoth() {
        Client editor = qcurate.as("editor");
        List<String> topics = List.of(
                "decorators",
                "generators",
                "metaclasses",
                "descriptors",
                "coroutines",
                "closures",
                "comprehensions",
                "context managers",
                "iterators",
                "slots");
        List<String> ids = new ArrayList<>();
        long last = 0;
        for (String topic : topics) {
            Client.Answer proposed =
                    editor.post("/api/questions", Map.of("text", "How do Python " + topic + " work internally?"));
            assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(202);
            ids.add(proposed.text("questionId"));
            last = Math.max(last, proposed.position());
        }

        for (Client reader : List.of(qcurate.as("reader"), qcurate.as("reader").onQueryService(second.url()))) {
            for (int i = 0; i < topics.size(); i++) {
                String text = URLEncoder.encode("Python " + topics.get(i) + " internally", StandardCharsets.UTF_8);
                Client.Answer found = reader.read("/api/duplicates?text=" + text + "&limit=3", last);
                assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
                List<String> candidates = new ArrayList<>();
                found.body()
                        .forEach(candidate ->
                                candidates.add(candidate.path("questionId").asText()));
                assertThat(candidates).as(topics.get(i)).first().isEqualTo(ids.get(i));
            }
        }
        for (Client reader : List.of(qcurate.as("reader"), qcurate.as("reader").onQueryService(second.url()))) {
            JsonNode health = reader.query("/actuator/health").body();
            assertThat(health.path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void aUserDisabledWhileTheBrokerIsDownIsRefusedByBothInstancesWithinSeconds() throws Exception {
        String admin = RawHttp.signIn(qcurate.commands.url(), "admin", Qcurate.PASSWORD);
        RawHttp.Answer created = RawHttp.send(
                "POST",
                qcurate.commands.url() + "/api/admin/users",
                admin,
                "application/json",
                RawHttp.json(
                        Map.of("username", "ivy", "password", "violet kettle harbour", "roles", List.of("READER"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String ivy = RawHttp.signIn(qcurate.commands.url(), "ivy", "violet kettle harbour");
        List<String> instances = List.of(qcurate.queries.url(), second.url());
        for (String instance : instances) {
            assertThat(RawHttp.send("GET", instance + "/api/questions", ivy, null, (String) null)
                            .status())
                    .isEqualTo(200);
        }

        TestInfrastructure.kafka().stop();
        try {
            RawHttp.Answer disabled = RawHttp.send(
                    "POST", qcurate.commands.url() + "/api/admin/users/ivy/disable", admin, null, (String) null);
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            long disabledAt = System.nanoTime();

            for (String instance : instances) {
                int status;
                do {
                    Thread.sleep(100);
                    status = RawHttp.send("GET", instance + "/api/questions", ivy, null, (String) null)
                            .status();
                } while (status != 401
                        && System.nanoTime() - disabledAt
                                < Duration.ofSeconds(10).toNanos());
                assertThat(status).as("refused by " + instance).isEqualTo(401);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThan(Duration.ofSeconds(5));
            for (String instance : instances) {
                assertThat(RawHttp.send("GET", instance + "/api/questions", admin, null, (String) null)
                                .status())
                        .as("others still read on " + instance)
                        .isEqualTo(200);
            }
        } finally {
            TestInfrastructure.kafka().start();
        }
    }
}
