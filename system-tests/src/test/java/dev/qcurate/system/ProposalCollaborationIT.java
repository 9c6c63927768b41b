package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, parts 3 and 4, over HTTP against both services as processes on real PostgreSQL and Kafka: claiming a
 * proposal, its conversation, sending it back and amending it; bad input is a 4xx that changes nothing.
 */
class ProposalCollaborationIT extends AgainstOneSystem {

    ProposalCollaborationIT() {
        super("collaboration");
    }

    @Test
    void aClaimHoldsOffOtherReviewersUntilTakenOverOrReleased() {
        String proposal = rewording("What is a closure?", "What is a closure in JavaScript?");

        Client.Answer claimed = reviewer.post("/api/proposals/" + proposal + "/claim", Map.of());
        JsonNode claim = detailAfter(proposal, claimed).path("proposal").path("claim");
        assertThat(claim.path("holder").asText()).isEqualTo("reviewer");
        Instant expires = Instant.parse(claim.path("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        Client.Answer blocked = reviewer2.post("/api/proposals/" + proposal + "/approval", Map.of());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.text("detail")).contains("claimed by reviewer");
        assertThat(reviewer2
                        .post("/api/proposals/" + proposal + "/claim", Map.of())
                        .status())
                .isEqualTo(409);

        Client.Answer takenOver = reviewer2.post("/api/proposals/" + proposal + "/claim", Map.of("takeOver", true));
        assertThat(detailAfter(proposal, takenOver)
                        .path("proposal")
                        .path("claim")
                        .path("holder")
                        .asText())
                .isEqualTo("reviewer2");
        assertThat(reviewer.delete("/api/proposals/" + proposal + "/claim").status())
                .as("the former holder has nothing left to release")
                .isEqualTo(409);

        Client.Answer released = reviewer2.delete("/api/proposals/" + proposal + "/claim");
        JsonNode afterRelease = detailAfter(proposal, released).path("proposal");
        assertThat(afterRelease.path("claim").isObject()).as("nobody holds it").isFalse();
        assertThat(afterRelease.path("status").asText()).isEqualTo("PENDING");

        assertThat(reviewer.post("/api/proposals/" + proposal + "/approval", Map.of())
                        .status())
                .isEqualTo(200);
        Client.Answer late = reviewer2.post("/api/proposals/" + proposal + "/claim", Map.of());
        assertThat(late.status()).as("a claim on a decided proposal").isEqualTo(409);
        assertThat(late.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(editor.post("/api/proposals/" + proposal + "/claim", Map.of())
                        .status())
                .as("editors do not claim")
                .isEqualTo(403);
    }

    @Test
    void reviewerAndProposerDiscussAndTheAmendmentReturnsToTheQueue() {
        String question = activeQuestion("What is hoisting?", List.of());
        String proposal = editor.post(
                        "/api/questions/" + question + "/rewordings", Map.of("text", "What is hoisting in JS?"))
                .text("proposalId");

        assertThat(editor.post("/api/proposals/" + proposal + "/comments", Map.of("text", "Shorter is **better**."))
                        .status())
                .isEqualTo(201);
        Client.Answer asked = reviewer.post(
                "/api/proposals/" + proposal + "/change-request", Map.of("comment", "Please spell out *JavaScript*."));
        JsonNode sentBack = detailAfter(proposal, asked);
        assertThat(sentBack.path("proposal").path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(sentBack.path("proposal").path("comments").asInt()).isEqualTo(2);
        assertThat(sentBack.path("conversation").findValuesAsText("kind"))
                .containsExactly("COMMENT", "CHANGES_REQUESTED");
        assertThat(sentBack.path("conversation").get(1).path("text").asText())
                .isEqualTo("Please spell out *JavaScript*.");
        JsonNode queue = reviewer.read("/api/proposals?status=PENDING&questionId=" + question, asked.position())
                .body();
        assertThat(queue).as("a proposal sent back leaves the queue").isEmpty();
        assertThat(reviewer2
                        .post("/api/proposals/" + proposal + "/approval", Map.of())
                        .status())
                .isEqualTo(409);

        Client.Answer tooLong =
                reviewer.post("/api/proposals/" + proposal + "/comments", Map.of("text", "x".repeat(100_000)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("detail")).isNotBlank();
        Client.Answer stranger = editor2.post(
                "/api/proposals/" + proposal + "/amendments", Map.of("text", "What is hoisting in JavaScript?"));
        assertThat(stranger.status()).as("amend by someone not the proposer").isEqualTo(403);
        Client.Answer wrongKind =
                editor.post("/api/proposals/" + proposal + "/amendments", Map.of("add", List.of("js")));
        assertThat(wrongKind.status()).isEqualTo(400);

        Client.Answer amended = editor.post(
                "/api/proposals/" + proposal + "/amendments", Map.of("text", "What is hoisting in JavaScript?"));
        JsonNode back = detailAfter(proposal, amended);
        assertThat(back.path("proposal").path("status").asText()).isEqualTo("PENDING");
        assertThat(back.path("proposal").path("revision").asInt()).isEqualTo(2);
        assertThat(back.path("proposal").path("comments").asInt())
                .as("the refused comment is not there")
                .isEqualTo(2);
        assertThat(back.path("proposal").path("payload").path("text").asText())
                .isEqualTo("What is hoisting in JavaScript?");
        JsonNode revision = back.path("revisions").get(0);
        assertThat(revision.path("revision").asInt()).isEqualTo(2);
        assertThat(revision.path("amendedBy").asText()).isEqualTo("editor");
        assertThat(revision.path("previous").path("text").asText()).isEqualTo("What is hoisting in JS?");
        assertThat(revision.path("change").path("text").asText()).isEqualTo("What is hoisting in JavaScript?");
        JsonNode queue2 = reviewer.read("/api/proposals?status=PENDING&questionId=" + question, amended.position())
                .body();
        assertThat(queue2.findValuesAsText("proposalId")).containsExactly(proposal);
        assertThat(queue2.get(0).path("recentConversation").findValuesAsText("kind"))
                .as("the queue's answer carries the latest comments")
                .containsExactly("COMMENT", "CHANGES_REQUESTED");
        assertThat(queue2.get(0).path("revision").asInt()).isEqualTo(2);

        Client.Answer approved = reviewer.post("/api/proposals/" + proposal + "/approval", Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(reviewer.read("/api/questions/" + question, approved.position())
                        .body()
                        .path("text")
                        .asText())
                .as("the amended text is what applies")
                .isEqualTo("What is hoisting in JavaScript?");
        Client.Answer afterDecision =
                editor.post("/api/proposals/" + proposal + "/amendments", Map.of("text", "Hoisting?"));
        assertThat(afterDecision.status()).as("amend of a decided proposal").isEqualTo(409);
    }

    @Test
    void tagChangesAreAmendedWithOtherTags() {
        String question = activeQuestion("What is a promise?", List.of());
        String proposal = editor.post("/api/questions/" + question + "/tags", Map.of("add", List.of("js")))
                .text("proposalId");
        Client.Answer amended = editor.post(
                "/api/proposals/" + proposal + "/amendments", Map.of("add", List.of("javascript", "async")));
        JsonNode revision = detailAfter(proposal, amended).path("revisions").get(0);
        assertThat(texts(revision.path("previous").path("add"))).containsExactly("js");
        assertThat(texts(revision.path("change").path("add"))).containsExactlyInAnyOrder("javascript", "async");
        assertThat(reviewer.query("/api/proposals/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aNewQuestionIsAmendedInTheQueueItsHistoryAndTheDuplicateIndex() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Client.Answer proposed =
                editor.post("/api/questions", Map.of("text", "What is a monad " + suffix + "?", "tags", List.of("fp")));
        assertThat(proposed.status()).isEqualTo(202);
        String proposal = proposed.text("proposalId");
        String question = proposed.text("questionId");
        assertThat(reviewer.post("/api/proposals/" + proposal + "/change-request", Map.of("comment", "Functors?"))
                        .status())
                .isEqualTo(200);

        Client.Answer stranger =
                editor2.post("/api/proposals/" + proposal + "/amendments", Map.of("text", "What is a functor?"));
        assertThat(stranger.status()).as("amend by someone not the proposer").isEqualTo(403);
        Client.Answer blank = editor.post("/api/proposals/" + proposal + "/amendments", Map.of("text", "  "));
        assertThat(blank.status()).as(blank.body().toString()).isEqualTo(400);
        Client.Answer same = editor.post(
                "/api/proposals/" + proposal + "/amendments", Map.of("text", "What is a monad " + suffix + "?"));
        assertThat(same.status()).as("an amendment that changes nothing").isEqualTo(400);

        String amendedText = "What is a functor, " + suffix + ", in Haskell?";
        Client.Answer amended = editor.post(
                "/api/proposals/" + proposal + "/amendments",
                Map.of("text", amendedText, "add", List.of("Haskell"), "remove", List.of("fp")));
        JsonNode back = detailAfter(proposal, amended);
        assertThat(back.path("proposal").path("status").asText()).isEqualTo("PENDING");
        assertThat(back.path("proposal").path("revision").asInt()).isEqualTo(2);
        JsonNode revision = back.path("revisions").get(0);
        assertThat(revision.path("previous").path("text").asText()).isEqualTo("What is a monad " + suffix + "?");
        assertThat(revision.path("change").path("text").asText()).isEqualTo(amendedText);
        assertThat(texts(revision.path("change").path("tags"))).containsExactly("haskell");
        JsonNode queued = reviewer.read("/api/proposals?status=PENDING&questionId=" + question, amended.position())
                .body()
                .get(0);
        assertThat(queued.path("payload").path("text").asText()).isEqualTo(amendedText);

        JsonNode proposedQuestion =
                reviewer.read("/api/questions/" + question, amended.position()).body();
        assertThat(proposedQuestion.path("text").asText()).isEqualTo(amendedText);
        assertThat(texts(proposedQuestion.path("tags"))).containsExactly("haskell");
        assertThat(proposedQuestion.path("revision").asInt()).isEqualTo(1);
        JsonNode step = proposedQuestion.path("history").get(1);
        assertThat(step.path("event").asText()).isEqualTo("PROPOSAL_AMENDED");
        assertThat(step.path("text").asText()).isEqualTo(amendedText);
        JsonNode similar = reviewer.read("/api/duplicates?text=" + suffix + "&limit=3", amended.position())
                .body();
        assertThat(similar.get(0).path("questionId").asText()).isEqualTo(question);
        assertThat(similar.get(0).path("text").asText())
                .as("the duplicate index has the amended text")
                .isEqualTo(amendedText);

        Client.Answer approved = reviewer.post("/api/proposals/" + proposal + "/approval", Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        JsonNode active =
                reviewer.read("/api/questions/" + question, approved.position()).body();
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("text").asText())
                .as("the amended text is what is accepted")
                .isEqualTo(amendedText);
        Client.Answer afterDecision =
                editor.post("/api/proposals/" + proposal + "/amendments", Map.of("text", "What is an applicative?"));
        assertThat(afterDecision.status()).as("amend of a decided proposal").isEqualTo(409);
    }

    @Test
    void theReadModelOfClaimsCommentsAndAmendmentsEqualsACleanRebuild() throws Exception {
        String proposal = rewording("What is a generator?", "What is a generator function?");
        assertThat(reviewer.post("/api/proposals/" + proposal + "/claim", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(editor.post("/api/proposals/" + proposal + "/comments", Map.of("text", "Why *function*?"))
                        .status())
                .isEqualTo(201);
        assertThat(reviewer.post("/api/proposals/" + proposal + "/change-request", Map.of("comment", "Say Python."))
                        .status())
                .isEqualTo(200);
        assertThat(editor.post(
                                "/api/proposals/" + proposal + "/amendments",
                                Map.of("text", "What is a generator function in Python?"))
                        .status())
                .isEqualTo(200);
        String newQuestion = editor.post("/api/questions", Map.of("text", "What is a lens?", "tags", List.of("fp")))
                .text("proposalId");
        assertThat(editor.post(
                                "/api/proposals/" + newQuestion + "/amendments",
                                Map.of("text", "What is a lens in Haskell?", "add", List.of("haskell")))
                        .status())
                .isEqualTo(200);
        Client.Answer held = reviewer2.post("/api/proposals/" + proposal + "/claim", Map.of());
        detailAfter(proposal, held);

        new Stores(qcurate).assertEqualsCleanRebuild(qcurate.as("admin"));

        JsonNode rebuilt = detail(proposal, held.position());
        assertThat(rebuilt.path("proposal").path("claim").path("holder").asText())
                .isEqualTo("reviewer2");
        assertThat(rebuilt.path("conversation")).hasSize(2);
        assertThat(rebuilt.path("revisions")).hasSize(1);
    }

    /** The proposal's detail once {@code change}, a request on it, succeeded and is projected. */
    private JsonNode detailAfter(String proposal, Client.Answer change) {
        assertThat(change.status()).as(change.body().toString()).isEqualTo(200);
        return detail(proposal, change.position());
    }

    private JsonNode detail(String proposal, long position) {
        Client.Answer answer = reviewer.read("/api/proposals/" + proposal, position);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private String rewording(String text, String newText) {
        String question = activeQuestion(text, List.of());
        return editor.post("/api/questions/" + question + "/rewordings", Map.of("text", newText))
                .text("proposalId");
    }
}
