package dev.qcurate.query;

import dev.qcurate.query.duplicates.DuplicateIndex;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

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

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("duplicates_it");

    private final QuestionId listTuple = QuestionId.random();
    private final QuestionId decorators = QuestionId.random();
    private final QuestionId middleware = QuestionId.random();
    private final QuestionId customMiddleware = QuestionId.random();
    private EventTopicWriter topic;
    private long position;

    @Autowired
    DuplicateIndex index;

    @Autowired
    TopicTail tail;

    @BeforeAll
    void bankWithAMerge() {
        topic = STACK.topic();
        topic.accepted(listTuple, "What is the difference between a list and a tuple?");
        topic.accepted(decorators, "What are Python decorators?");
        topic.accepted(middleware, "What is middleware in Django?");
        topic.accepted(customMiddleware, "How do you implement custom middleware?");
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
        long proposed = topic.proposed(monkeyPatching, "What is monkey patching in Python?", List.of("python"));

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
        long submitted = topic.submittedNew(byHand, proposal, text, List.of(), null, "editor");

        List<Map<String, Object>> queue = get(
                "/api/proposals?status=PENDING&type=NEW_QUESTION&questionId=" + byHand + "&minPosition=" + submitted,
                "REVIEWER");

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

        ResponseEntity<Map> answer = STACK.post("/api/duplicates/batch", body, "EDITOR", Map.class);
        ResponseEntity<Map> asReader = STACK.post("/api/duplicates/batch", body, "READER", Map.class);

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
        long proposed = topic.proposed(walrus, "What does the walrus operator do in Python?", List.of("python"));
        UUID item = UUID.randomUUID();
        Map<String, Object> body = Map.of("items", List.of(Map.of("id", item, "text", "Explain the walrus operator")));

        ResponseEntity<Map> answer =
                STACK.post("/api/duplicates/batch?minPosition=" + proposed, body, "EDITOR", Map.class);

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

    @SuppressWarnings("unchecked")
    private static List<Object> candidateIds(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("candidates"))
                .stream().map(c -> c.get("questionId")).toList();
    }

    private List<Map<String, Object>> get(String path) {
        return get(path, "READER");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> get(String path, String role) {
        return STACK.ok(path, role, List.class);
    }

    private HttpStatusCode status(String path) {
        return STACK.get(path, "READER", String.class).getStatusCode();
    }
}
