package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.query.duplicates.DuplicateIndex;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate endpoints against the real read model: events arrive through Kafka exactly as the relay writes
 * them, and the index follows the topic on the instance's own tail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesIT {

    private static final String TOPIC = QueryServiceStack.topic("duplicates_it");
    private static final TestTokens TOKENS = QueryServiceStack.tokens();

    private final QuestionId listTuple = QuestionId.random();
    private final QuestionId decorators = QuestionId.random();
    private final QuestionId middleware = QuestionId.random();
    private final QuestionId customMiddleware = QuestionId.random();
    private EventTopicWriter topic;
    private long position;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        QueryServiceStack.register(registry, "duplicates_it", TOKENS);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    DuplicateIndex index;

    @Autowired
    TopicTail tail;

    @BeforeAll
    void bankWithAMerge() {
        topic = new EventTopicWriter(TestInfrastructure.kafka().bootstrapServers(), TOPIC, json);
        accepted(listTuple, "What is the difference between a list and a tuple?");
        accepted(decorators, "What are Python decorators?");
        accepted(middleware, "What is middleware in Django?");
        accepted(customMiddleware, "How do you implement custom middleware?");
        ProposalId merge = ProposalId.random();
        topic.write(customMiddleware, new QuestionMergedEvent(customMiddleware, middleware, merge, 2), "reviewer");
        position = topic.write(
                middleware,
                new DuplicateAbsorbedEvent(
                        middleware,
                        customMiddleware,
                        merge,
                        2,
                        "How do you implement custom middleware?",
                        List.of(),
                        List.of()),
                "reviewer");
    }

    @AfterAll
    void close() throws Exception {
        topic.close();
        TOKENS.close();
    }

    @Test
    void findsTheListTupleQuestionFirstForAShortComparison() {
        List<Map<String, Object>> candidates = get("/api/duplicates?text=list vs tuple&minPosition=" + position);

        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0))
                .containsEntry("questionId", listTuple.toString())
                .containsEntry("text", "What is the difference between a list and a tuple?")
                .containsEntry("likelyDuplicate", true);
        assertThat((Double) candidates.get(0).get("score")).isBetween(0.6, 1.0);
    }

    @Test
    void aNewQuestionIsFindableAsSoonAsMinPositionSaysItIsProjected() {
        QuestionId monkeyPatching = QuestionId.random();
        long proposed = topic.write(
                monkeyPatching,
                new QuestionProposedEvent(
                        monkeyPatching,
                        ProposalId.random(),
                        "What is monkey patching in Python?",
                        List.of("python"),
                        null,
                        "editor"),
                "editor");

        List<Map<String, Object>> candidates =
                get("/api/duplicates?text=Explain monkey patching&minPosition=" + proposed);

        assertThat(candidates).extracting(c -> c.get("questionId")).first().isEqualTo(monkeyPatching.toString());
    }

    @Test
    void leavesOutWhatIsMergedIntoTheQuestionAndFindsTheTargetByItsAlias() {
        List<Map<String, Object>> ofTarget =
                get("/api/questions/" + middleware + "/duplicates?minPosition=" + position);
        List<Map<String, Object>> ofText = get("/api/duplicates?text=How to write a custom middleware ?&limit=5");

        assertThat(ofTarget)
                .extracting(c -> c.get("questionId"))
                .doesNotContain(customMiddleware.toString(), middleware.toString());
        assertThat(ofText)
                .extracting(c -> c.get("questionId"))
                .doesNotContain(customMiddleware.toString())
                .first()
                .isEqualTo(middleware.toString());
    }

    @Test
    void reviewQueueShowsLiveCandidatesForAQuestionProposedByHand() {
        QuestionId byHand = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        String text = "What is a decorator in python ?";
        topic.write(byHand, new QuestionProposedEvent(byHand, proposal, text, List.of(), null, "editor"), "editor");
        long submitted = topic.write(
                proposal,
                new ProposalSubmittedEvent(
                        proposal,
                        new ProposedChange.NewQuestion(byHand, text, List.of(), null, null),
                        "editor",
                        1,
                        List.of()),
                "editor");

        List<Map<String, Object>> queue = get(
                "/api/proposals?status=PENDING&type=NEW_QUESTION&questionId=" + byHand + "&minPosition=" + submitted,
                TOKENS.token("reviewer", "REVIEWER"));

        assertThat(queue).hasSize(1);
        assertThat(queue.get(0)).containsEntry("likelyDuplicate", true);
        @SuppressWarnings("unchecked")
        var candidates = (List<Map<String, Object>>) queue.get(0).get("duplicateCandidates");
        assertThat(candidates.get(0))
                .containsEntry("questionId", decorators.toString())
                .containsEntry("likelyDuplicate", true);
    }

    @Test
    void batchComparesEachItemWithTheBankAndTheItemsBeforeIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "limit",
                3,
                "items",
                List.of(
                        Map.of("id", first, "text", "list vs tuple ?"),
                        Map.of("id", second, "text", "Difference between list and tuple in python?")));

        ResponseEntity<Map> answer = http.exchange(
                "/api/duplicates/batch",
                HttpMethod.POST,
                new HttpEntity<>(body, bearer(TOKENS.token("editor", "EDITOR"))),
                Map.class);
        ResponseEntity<Map> asReader = http.exchange(
                "/api/duplicates/batch",
                HttpMethod.POST,
                new HttpEntity<>(body, bearer(TOKENS.token("reader", "READER"))),
                Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) answer.getBody().get("items");
        assertThat(items).extracting(item -> item.get("id")).containsExactly(first.toString(), second.toString());
        assertThat(candidateIds(items.get(0))).contains(listTuple.toString()).doesNotContain(second.toString());
        assertThat(candidateIds(items.get(1))).contains(listTuple.toString(), first.toString());
        assertThat(asReader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(index.candidates("list vs tuple", 10, Set.of()))
                .extracting(c -> c.questionId())
                .doesNotContain(first, second);
    }

    @Test
    void aBatchWithMinPositionSeesTheQuestionWrittenJustBefore() {
        QuestionId walrus = QuestionId.random();
        long proposed = topic.write(
                walrus,
                new QuestionProposedEvent(
                        walrus,
                        ProposalId.random(),
                        "What does the walrus operator do in Python?",
                        List.of("python"),
                        null,
                        "editor"),
                "editor");
        UUID item = UUID.randomUUID();
        Map<String, Object> body = Map.of("items", List.of(Map.of("id", item, "text", "Explain the walrus operator")));

        ResponseEntity<Map> answer = http.exchange(
                "/api/duplicates/batch?minPosition=" + proposed,
                HttpMethod.POST,
                new HttpEntity<>(body, bearer(TOKENS.token("editor", "EDITOR"))),
                Map.class);

        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) answer.getBody().get("items");
        assertThat(candidateIds(items.get(0))).first().isEqualTo(walrus.toString());
    }

    @Test
    void rejectsBadLimitsAndTexts() {
        assertThat(status("/api/duplicates?text=list vs tuple&limit=0")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/duplicates?text=list vs tuple&limit=51")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/duplicates?text=" + "a".repeat(1_001))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/duplicates?text=")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/questions/" + UUID.randomUUID() + "/duplicates"))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void reloadingFromTheReadModelGivesTheSameAnswers() {
        get("/api/duplicates?text=list vs tuple&minPosition=" + position);
        List<Map<String, Object>> before = get("/api/questions/" + middleware + "/duplicates");

        tail.reload();

        assertThat(get("/api/questions/" + middleware + "/duplicates")).isEqualTo(before);
        assertThat(tail.local().highest()).isGreaterThanOrEqualTo(position);
    }

    private void accepted(QuestionId id, String text) {
        ProposalId proposal = ProposalId.random();
        topic.write(id, new QuestionProposedEvent(id, proposal, text, List.of(), null, "editor"), "editor");
        topic.write(id, new QuestionAcceptedEvent(id, proposal), "reviewer");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> candidateIds(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("candidates"))
                .stream().map(c -> c.get("questionId")).toList();
    }

    private List<Map<String, Object>> get(String path) {
        return get(path, TOKENS.token("reader", "READER"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> get(String path, String token) {
        ResponseEntity<List> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), List.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private HttpStatusCode status(String path) {
        return http.exchange(
                        path, HttpMethod.GET, new HttpEntity<>(bearer(TOKENS.token("reader", "READER"))), String.class)
                .getStatusCode();
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
