package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The curation workflow over HTTP against the real stack: review, staleness, races, merge and unmerge. */
class WorkflowIT extends AgainstOneSystem {

    WorkflowIT() {
        super("workflow");
    }

    @Test
    void aRetriedProposalWithTheSameIdempotencyKeyIsProposedOnce() {
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("text", "What does functools.partial do?", "tags", List.of("python"));

        Client.Answer first = editor.postIdempotently("/api/questions", body, key);
        Client.Answer retry = editor.postIdempotently("/api/questions", body, key);
        Client.Answer otherBody = editor.postIdempotently(
                "/api/questions", Map.of("text", "What does functools.wraps do?", "tags", List.of()), key);
        Client.Answer otherUser = reviewer.postIdempotently("/api/questions", body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.text("questionId")).isEqualTo(first.text("questionId"));
        assertThat(retry.position()).isEqualTo(first.position());
        assertThat(retry.response().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherBody.status()).as("the key reused for another request").isEqualTo(422);
        assertThat(otherUser.status()).as("keys are per user").isEqualTo(202);
        assertThat(otherUser.text("questionId")).isNotEqualTo(first.text("questionId"));
        JsonNode found = reader.read("/api/questions?q=functools.partial", otherUser.position())
                .body();
        assertThat(found.path("items")).hasSize(2);
    }

    @Test
    void rewordingFromAnOldRevisionIsStale() {
        String id = activeQuestion("What is a decorator?", List.of("python"));
        String first = editor.post(
                        "/api/questions/" + id + "/rewordings",
                        Map.of("text", "What is a decorator in Python?", "baseRevision", 1))
                .text("proposalId");
        String second = editor.post(
                        "/api/questions/" + id + "/rewordings",
                        Map.of("text", "Explain Python decorators.", "baseRevision", 1))
                .text("proposalId");

        assertThat(reviewer.post("/api/proposals/" + first + "/approval", Map.of())
                        .status())
                .isEqualTo(200);
        Client.Answer stale = reviewer.post("/api/proposals/" + second + "/approval", Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("stale");

        Client.Answer late =
                editor.post("/api/questions/" + id + "/rewordings", Map.of("text", "Decorators?", "baseRevision", 1));
        assertThat(late.status()).as("proposing against an old revision").isEqualTo(409);

        long position = stale.body().path("position").asLong();
        JsonNode queue = editor.read("/api/proposals?questionId=" + id + "&type=REWORDING", position)
                .body();
        assertThat(statusOf(queue, second)).isEqualTo("STALE");
        JsonNode question = reader.read("/api/questions/" + id, position).body();
        assertThat(question.path("text").asText()).isEqualTo("What is a decorator in Python?");
        assertThat(question.path("revision").asInt()).isEqualTo(2);
    }

    @Test
    void ofConcurrentConflictingApprovalsExactlyOneWins() throws Exception {
        String id = activeQuestion("What is a metaclass?", List.of());
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            proposals.add(editor.post(
                            "/api/questions/" + id + "/rewordings",
                            Map.of("text", "What is a metaclass, variant " + i + "?", "baseRevision", 1))
                    .text("proposalId"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(proposals.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String proposal : proposals) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return reviewer2
                            .post("/api/proposals/" + proposal + "/approval", Map.of())
                            .status();
                }));
            }
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).containsOnly(200, 409);
            assertThat(answers.stream().filter(status -> status == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        long position = editor.post("/api/questions", Map.of("text", "Marker question for positions?"))
                .position();
        assertThat(reader.read("/api/questions/" + id, position)
                        .body()
                        .path("revision")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void mergeAndUnmergeRestoreBothQuestionsExactly() {
        String target = activeQuestion("What is the difference between a list and a tuple?", List.of("python"));
        String source = activeQuestion("list vs tuple ?", List.of("basics", "python"));

        String merge = editor.post("/api/merges", Map.of("sourceId", source, "targetId", target))
                .text("proposalId");
        Client.Answer merged = reviewer.post("/api/proposals/" + merge + "/approval", Map.of());
        assertThat(merged.status()).isEqualTo(200);

        JsonNode sourceView =
                reader.read("/api/questions/" + source, merged.position()).body();
        JsonNode targetView =
                reader.read("/api/questions/" + target, merged.position()).body();
        assertThat(sourceView.path("status").asText()).isEqualTo("MERGED");
        assertThat(sourceView.path("mergedInto").asText()).isEqualTo(target);
        assertThat(texts(targetView.path("aliases"))).containsExactly("list vs tuple ?");
        assertThat(texts(targetView.path("tags"))).containsExactly("basics", "python");

        String unmerge =
                editor.post("/api/questions/" + source + "/unmerge", Map.of()).text("proposalId");
        Client.Answer unmerged = reviewer2.post("/api/proposals/" + unmerge + "/approval", Map.of());
        assertThat(unmerged.status()).isEqualTo(200);

        sourceView =
                reader.read("/api/questions/" + source, unmerged.position()).body();
        targetView =
                reader.read("/api/questions/" + target, unmerged.position()).body();
        assertThat(sourceView.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(sourceView.path("mergedInto").isMissingNode()).isTrue();
        assertThat(sourceView.path("text").asText()).isEqualTo("list vs tuple ?");
        assertThat(texts(sourceView.path("tags"))).containsExactly("basics", "python");
        assertThat(texts(targetView.path("aliases"))).isEmpty();
        assertThat(texts(targetView.path("tags"))).containsExactly("python");
        List<String> steps = texts(sourceView.path("history").findValues("event"));
        assertThat(steps).containsExactly("PROPOSED", "ACCEPTED", "MERGED", "UNMERGED");
    }

    @Test
    void mergingTwoListedQuestionsShowsTheTargetOnceInEachListAndUnmergeRestoresBoth() {
        String a = activeQuestion("What is a Python closure?", List.of("python"));
        String b = activeQuestion("Explain closures in Python", List.of("functions"));
        String c = activeQuestion("What is a Python iterator?", List.of("python"));
        String first = list("closures-first-" + System.nanoTime(), "closures-first", List.of(a, c, b));
        String second = list("closures-second-" + System.nanoTime(), "closures-second", List.of(b, c, a));

        String merge =
                editor.post("/api/merges", Map.of("sourceId", b, "targetId", a)).text("proposalId");
        Client.Answer merged = reviewer.post("/api/proposals/" + merge + "/approval", Map.of());
        assertThat(merged.status()).isEqualTo(200);
        assertThat(entries(first, merged.position())).containsExactly(a, c);
        assertThat(entries(second, merged.position()))
                .as("the target takes the earlier position")
                .containsExactly(a, c);

        String unmerge =
                editor.post("/api/questions/" + b + "/unmerge", Map.of()).text("proposalId");
        Client.Answer unmerged = reviewer.post("/api/proposals/" + unmerge + "/approval", Map.of());
        assertThat(unmerged.status()).isEqualTo(200);
        assertThat(entries(first, unmerged.position())).containsExactly(a, c, b);
        assertThat(entries(second, unmerged.position())).containsExactly(b, c, a);
        JsonNode restored =
                reader.read("/api/lists/" + second, unmerged.position()).body();
        assertThat(restored.path("entries").get(0).path("text").asText()).isEqualTo("Explain closures in Python");
        assertThat(texts(restored.path("entries").get(0).path("tags"))).containsExactly("functions");

        JsonNode history =
                reader.read("/api/questions/" + b, unmerged.position()).body().path("history");
        List<String> actors = new ArrayList<>();
        history.forEach(step -> actors.add(
                step.path("event").asText() + " by " + step.path("actor").asText()));
        assertThat(actors)
                .containsExactly(
                        "PROPOSED by editor", "ACCEPTED by reviewer", "MERGED by reviewer", "UNMERGED by reviewer");
    }

    @Test
    void mergeCyclesAreImpossible() {
        String a = activeQuestion("What is GIL in python?", List.of());
        String b = activeQuestion("Explain the Global Interpreter Lock.", List.of());
        approve(editor.post("/api/merges", Map.of("sourceId", a, "targetId", b)).text("proposalId"));

        Client.Answer cycle = editor.post("/api/merges", Map.of("sourceId", b, "targetId", a));
        String proposal = cycle.text("proposalId");
        Client.Answer refused = reviewer.post("/api/proposals/" + proposal + "/approval", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("cycle");
    }

    @Test
    void bulkApprovalReportsEachFailureAndRejectionReasonReachesTheProposer() {
        String ok1 = editor.post("/api/questions", Map.of("text", "What is a context manager?"))
                .text("proposalId");
        String ok2 = editor.post("/api/questions", Map.of("text", "What is a coroutine?"))
                .text("proposalId");
        String own = reviewer.post("/api/questions", Map.of("text", "What is asyncio?"))
                .text("proposalId");
        String rejected = editor.post("/api/questions", Map.of("text", "x marks the spot?"))
                .text("proposalId");

        assertThat(reviewer.post("/api/proposals/" + rejected + "/rejection", Map.of())
                        .status())
                .isEqualTo(400);
        Client.Answer rejection =
                reviewer.post("/api/proposals/" + rejected + "/rejection", Map.of("reason", "not a real question"));
        assertThat(rejection.status()).isEqualTo(200);

        Client.Answer bulk =
                reviewer.post("/api/proposals/approval", Map.of("proposalIds", List.of(ok1, ok2, own, rejected)));
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(texts(bulk.body().path("approved"))).containsExactly(ok1, ok2);
        assertThat(texts(bulk.body().path("failed").findValues("proposalId"))).containsExactly(own, rejected);

        JsonNode mine =
                editor.read("/api/proposals?proposer=me", bulk.position()).body();
        assertThat(statusOf(mine, ok1)).isEqualTo("APPROVED");
        assertThat(statusOf(mine, rejected)).isEqualTo("REJECTED");
        for (JsonNode proposal : mine) {
            if (proposal.path("proposalId").asText().equals(rejected)) {
                assertThat(proposal.path("reason").asText()).isEqualTo("not a real question");
                assertThat(proposal.path("decidedBy").asText()).isEqualTo("reviewer");
            }
        }
    }

    private List<String> entries(String list, long position) {
        return texts(reader.read("/api/lists/" + list, position)
                .body()
                .path("entries")
                .findValues("questionId"));
    }

    private static String statusOf(JsonNode proposals, String proposalId) {
        for (JsonNode proposal : proposals) {
            if (proposal.path("proposalId").asText().equals(proposalId)) {
                return proposal.path("status").asText();
            }
        }
        throw new AssertionError("proposal " + proposalId + " not listed in " + proposals);
    }
}
