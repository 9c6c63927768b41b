package dev.qcurate.query;

import dev.qcurate.query.duplicates.SentenceModel;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.shared.question.QuestionId;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentence vectors of indexed questions are kept in PostgreSQL: a reload of the whole index (what a restart or a
 * second instance does) reads them instead of running the model again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextEmbeddingsIT {

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("text_embeddings_it");

    private EventTopicWriter topic;
    private long position;

    @Autowired
    TopicTail tail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void twoQuestions() {
        topic = STACK.topic();
        topic.accepted(QuestionId.random(), "What is a closure in Python?");
        position = topic.accepted(QuestionId.random(), "How does the with statement work in Python?");
    }

    @Test
    void aReloadReadsTheStoredVectorsInsteadOfEmbeddingAgain() {
        assertThat(STACK.get("/api/duplicates?text=closures in python&minPosition=" + position, "READER", List.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM text_embedding WHERE model_id = ?", Long.class, SentenceModel.MODEL_ID))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT model_id) FROM text_embedding", Long.class))
                .isEqualTo(1);
        double computedBefore = count("model");
        double storedBefore = count("stored");

        tail.reload(); // loads the whole index again from one snapshot, as a restart does

        assertThat(count("model")).as("texts embedded by the model").isEqualTo(computedBefore);
        assertThat(count("stored")).as("stored vectors read").isGreaterThanOrEqualTo(storedBefore + 2);
    }

    @Test
    void aReloadWithoutStoredVectorsServesAtOnceAndEmbedsAfterwards() throws InterruptedException {
        QuestionId question = QuestionId.random();
        String text = "Why would you pick a generator expression over a list comprehension?";
        long at = topic.accepted(question, text);
        assertThat(find(text, at).getStatusCode()).isEqualTo(HttpStatus.OK);
        jdbc.update("DELETE FROM text_embedding"); // as if no instance had embedded anything yet

        tail.reload();

        List<?> found = find(text, at).getBody();
        assertThat(found).as("found by its terms while its vector is computed").isNotEmpty();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (meters.get("qcurate.duplicates.embedding.backlog").gauge().value() > 0) {
            assertThat(System.nanoTime()).as("the backlog drains").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM text_embedding", Long.class))
                .as("every indexed text embedded and stored again")
                .isGreaterThanOrEqualTo(3);
        Map<?, ?> best = (Map<?, ?>) find(text, at).getBody().get(0);
        assertThat(best.get("questionId")).isEqualTo(question.value().toString());
        assertThat(((Number) best.get("score")).doubleValue())
                .as("its own text, vectors included")
                .isGreaterThan(0.99);
    }

    private org.springframework.http.ResponseEntity<List> find(String text, long minPosition) {
        return STACK.http()
                .exchange(
                        "/api/duplicates?text={text}&minPosition=" + minPosition,
                        HttpMethod.GET,
                        new HttpEntity<>(STACK.bearer("READER")),
                        List.class,
                        text);
    }

    private double count(String source) {
        return meters.get("qcurate.duplicates.embeddings")
                .tag("source", source)
                .counter()
                .count();
    }
}
