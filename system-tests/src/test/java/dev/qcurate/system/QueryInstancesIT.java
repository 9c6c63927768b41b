package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-service processes on one read model and topic: whichever of them projects, each keeps its own in-memory
 * state (duplicate index) current from the topic, and {@code minPosition} tells the truth on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryInstancesIT {

    private Qcurate qcurate;
    private ServiceProcess second;

    @BeforeAll
    void start() throws Exception {
        qcurate = Qcurate.start("query_instances");
        second = qcurate.anotherQueryService("second");
        second.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (qcurate != null) {
            qcurate.close();
        }
    }

    @Test
    void questionsProposedAfterTheSecondInstanceStartedAreFoundAsDuplicatesOnBoth() {
        Client editor = qcurate.as("editor");
        List<String> topics = List.of("decorators", "generators", "metaclasses", "descriptors", "coroutines",
                "closures", "comprehensions", "context managers", "iterators", "slots");
        List<String> ids = new ArrayList<>();
        long last = 0;
        for (String topic : topics) {
            Client.Answer proposed = editor.post("/api/questions",
                    Map.of("text", "How do Python " + topic + " work internally?"));
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
                found.body().forEach(candidate -> candidates.add(candidate.path("questionId").asText()));
                assertThat(candidates).as(topics.get(i)).first().isEqualTo(ids.get(i));
            }
        }
        for (Client reader : List.of(qcurate.as("reader"), qcurate.as("reader").onQueryService(second.url()))) {
            JsonNode health = reader.query("/actuator/health").body();
            assertThat(health.path("status").asText()).isEqualTo("UP");
        }
    }
}
