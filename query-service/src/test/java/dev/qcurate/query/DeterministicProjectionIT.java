package dev.qcurate.query;

import dev.qcurate.query.projection.ReadModelChecksum;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model is a function of the topic alone: a gap is given up by one rule on the events' own times, so a live
 * run (one event per batch) and a rebuild (one big batch) agree; and an event that cannot be decoded stops the
 * projection instead of being marked applied; user access is kept out of a rebuild. The last test leaves the projection stopped, so it runs last.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qcurate.projection.gap-timeout=PT1M")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeterministicProjectionIT {

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("deterministic");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReadModelChecksum checksum;

    /** One writer for the class: positions keep growing across the tests, as they do on the real topic. */
    private final EventTopicWriter topic = STACK.topic();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry metrics;

    @Test
    @Order(1)
    void liveOneEventPerBatchAndARebuildInOneBatchGiveUpTheSameGap() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofHours(1));
        QuestionId early = QuestionId.random();
        QuestionId late = QuestionId.random();
        QuestionId after = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        long first =
                topic.writeAt(topic.reserve(), early, proposed(early, proposal, "What is a closure?"), "editor", t0);
        STACK.awaitApplied(first);
        long lateCommit = topic.reserve(); // taken now, committed (and published) only much later
        STACK.awaitApplied(topic.writeAt(
                topic.reserve(), early, new QuestionAcceptedEvent(early, proposal), "reviewer", t0.plusSeconds(1)));
        // more than the gap timeout after the gap was noticed, by the events' own times: the gap is given up here
        long younger = topic.writeAt(
                topic.reserve(),
                after,
                proposed(after, ProposalId.random(), "What is a coroutine?"),
                "editor",
                t0.plusSeconds(62));
        STACK.awaitApplied(younger);
        long arrivedLate = topic.writeAt(
                lateCommit,
                late,
                proposed(late, ProposalId.random(), "What is a descriptor?"),
                "editor",
                t0.plusMillis(1_500));
        long last = topic.writeAt(
                topic.reserve(),
                after,
                new QuestionAcceptedEvent(after, ProposalId.random()),
                "reviewer",
                t0.plusSeconds(63));
        STACK.awaitApplied(last);
        assertThat(arrivedLate).isLessThan(last);
        assertThat(questionCount(late))
                .as("its gap was given up before it arrived")
                .isZero();
        Map<String, String> live = checksum.compute();

        STACK.rebuildAndAwait(last);

        assertThat(checksum.compute()).isEqualTo(live);
        assertThat(questionCount(late)).isZero();
        assertThat(questionCount(after)).isOne();
    }

    @Test
    @Order(2)
    void aRebuildNeverLetsADisabledUserBackInNotEvenWhileItReplays() throws Exception {
        String user = "zoe";
        topic.write("user:" + user, new UserRegisteredEvent(user, List.of("READER")), "admin");
        topic.write("user:" + user, new UserDisabledEvent(user), "admin");
        topic.write("user:" + user, new UserEnabledEvent(user), "admin");
        long disabled = topic.write("user:" + user, new UserDisabledEvent(user), "admin");
        STACK.awaitApplied(disabled);
        assertThat(enabled(user)).isFalse();
        Map<String, String> before = checksum.compute();

        HttpHeaders admin = STACK.bearer("ADMIN");
        http.exchange("/api/admin/rebuild", HttpMethod.POST, new HttpEntity<>(admin), Map.class);
        boolean everEnabled = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            everEnabled |= enabled(user);
            Map<?, ?> progress = http.exchange("/api/admin/rebuild", HttpMethod.GET, new HttpEntity<>(admin), Map.class)
                    .getBody();
            if ("DONE".equals(progress.get("state"))) {
                break;
            }
            Thread.sleep(10);
        }

        assertThat(everEnabled).as("enabled at some moment of the replay").isFalse();
        assertThat(enabled(user)).isFalse();
        assertThat(checksum.compute()).isEqualTo(before);
    }

    /**
     * The tag counts GET /api/tags reads are kept as questions change, equal to counting the questions' tags, and a
     * rebuild gives the same table.
     */
    @Test
    @Order(2)
    void aTokenIsRefusedAsSoonAsTheDisablingIsProjectedThoughTheAccountWasJustLookedUp() throws Exception {
        String user = "yves";
        long registered = topic.write("user:" + user, new UserRegisteredEvent(user, List.of("READER")), "admin");
        STACK.awaitApplied(registered);
        HttpEntity<Void> yves = new HttpEntity<>(STACK.bearer(user, "READER"));
        // looked up (and cached) twice while enabled
        assertThat(http.exchange("/api/questions", HttpMethod.GET, yves, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/questions", HttpMethod.GET, yves, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        STACK.awaitApplied(topic.write("user:" + user, new UserDisabledEvent(user), "admin"));

        assertThat(http.exchange("/api/questions", HttpMethod.GET, yves, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(3)
    void tagCountsFollowEveryChangeOfTagsAndStatusAndSurviveARebuild() throws Exception {
        QuestionId kept = QuestionId.random();
        QuestionId amended = QuestionId.random();
        QuestionId retired = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        topic.write(kept, tagged(kept, proposal, "haskell", "fp"), "editor");
        topic.write(kept, new QuestionAcceptedEvent(kept, proposal), "reviewer");
        topic.write(amended, tagged(amended, proposal, "fp"), "editor");
        topic.write(
                amended,
                new ProposedQuestionAmendedEvent(amended, proposal, "What is a lens?", List.of("optics"), "editor"),
                "editor");
        topic.write(retired, tagged(retired, proposal, "fp", "monads"), "editor");
        topic.write(retired, new QuestionAcceptedEvent(retired, proposal), "reviewer");
        topic.write(
                kept,
                new QuestionTagsChangedEvent(kept, proposal, 2, List.of(), List.of("fp"), List.of("haskell")),
                "reviewer");
        topic.write(
                kept,
                new QuestionRevertedEvent(
                        kept,
                        proposal,
                        3,
                        1,
                        "What is a monad?",
                        "What is a monad?",
                        List.of("fp"),
                        List.of(),
                        List.of("fp", "haskell"),
                        "editor"),
                "reviewer");
        long last = topic.write(retired, new QuestionRetiredEvent(retired, proposal, 2, "obsolete"), "reviewer");
        STACK.awaitApplied(last);

        assertThat(tagCounts())
                .containsEntry("fp", 1L)
                .containsEntry("haskell", 1L)
                .containsEntry("optics", 1L);
        assertThat(tagCounts())
                .as("no longer carried by a proposed or active question")
                .doesNotContainKey("monads");
        assertThat(tagCounts()).isEqualTo(countedFromQuestions());
        Map<String, String> live = checksum.compute();

        STACK.rebuildAndAwait(last);

        assertThat(checksum.compute()).isEqualTo(live);
        assertThat(tagCounts()).isEqualTo(countedFromQuestions());

        // a run that says DONE may still be dropping the model it replaced: the next start waits for that, no 409
        STACK.rebuildAndAwait(last);

        assertThat(checksum.compute()).isEqualTo(live);
    }

    private static QuestionProposedEvent tagged(QuestionId id, ProposalId proposal, String... tags) {
        return new QuestionProposedEvent(id, proposal, "What is a monad?", List.of(tags), null, "editor");
    }

    private Map<String, Long> tagCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT tag, questions FROM tag_usage", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private Map<String, Long> countedFromQuestions() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT t.tag, count(*) FROM question, unnest(tags) AS t(tag)
                WHERE status IN ('PROPOSED', 'ACTIVE') GROUP BY t.tag""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    @Test
    @Order(4)
    void anUndecodableEventStopsTheProjectionInFrontOfItAndIsNeverMarkedApplied() throws Exception {
        QuestionId before = QuestionId.random();
        STACK.awaitApplied(
                topic.write(before, proposed(before, ProposalId.random(), "What is a generator?"), "editor"));
        long broken = topic.writeRaw(
                before.toString(), QuestionProposedEvent.class.getName(), "2", "{\"questionId\": \"not json", "editor");
        QuestionId behind = QuestionId.random();
        long next = topic.write(behind, proposed(behind, ProposalId.random(), "What is a metaclass?"), "editor");

        Map<?, ?> projection = awaitHealth(Duration.ofSeconds(20));

        assertThat(projection.get("status")).isEqualTo("DOWN");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) projection.get("details");
        assertThat((Map<String, Object>) details.get("stoppedAt"))
                .containsEntry("position", (int) broken)
                .containsEntry("type", QuestionProposedEvent.class.getName());
        assertThat(metrics.counter("qcurate.projection.decode.failures").count())
                .isEqualTo(1.0);
        Thread.sleep(1_000); // retries meanwhile: still one failure, still not applied
        assertThat(metrics.counter("qcurate.projection.decode.failures").count())
                .isEqualTo(1.0);
        assertThat(storedPosition()).isLessThan(broken);
        assertThat(questionCount(behind))
                .as("nothing after it is applied either")
                .isZero();
        assertThat(next).isGreaterThan(broken);
    }

    private static QuestionProposedEvent proposed(QuestionId id, ProposalId proposal, String text) {
        return new QuestionProposedEvent(id, proposal, text, List.of("python"), null, "editor");
    }

    private Map<?, ?> awaitHealth(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ResponseEntity<Map> health = http.exchange(
                    "/actuator/health/projection", HttpMethod.GET, new HttpEntity<>(STACK.bearer("ADMIN")), Map.class);
            Map<?, ?> body = health.getBody();
            if (body != null && "DOWN".equals(body.get("status")) || System.nanoTime() > deadline) {
                return body;
            }
            Thread.sleep(200);
        }
    }

    private boolean enabled(String user) {
        return jdbc.queryForObject("SELECT enabled FROM user_access WHERE username = ?", Boolean.class, user);
    }

    private long storedPosition() {
        return jdbc.queryForObject("SELECT position FROM projection_state", Long.class);
    }

    private int questionCount(QuestionId id) {
        return jdbc.queryForObject("SELECT count(*) FROM question WHERE id = ?", Integer.class, id.value());
    }
}
