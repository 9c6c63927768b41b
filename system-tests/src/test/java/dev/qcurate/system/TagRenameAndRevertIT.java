package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tag renames and merges, and reverts, over HTTP against the real stack (both services as processes, PostgreSQL and
 * Kafka): each is a proposal that shows in the review queue, and approval changes every question it touches.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TagRenameAndRevertIT extends AgainstOneSystem {

    TagRenameAndRevertIT() {
        super("tags_revert");
    }

    @Test
    @Order(1)
    void anApprovedMergeRetagsEveryQuestionAndOldNamesLandOnTheNewTag() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String js = "js-" + suffix;
        String ecma = "ecma-" + suffix;
        String javascript = "javascript-" + suffix;
        String closures = activeQuestion("What is a closure in JS? " + suffix, List.of(js, "functions"));
        String hoisting = activeQuestion("What is hoisting? " + suffix, List.of(ecma));
        String list = list("frontend-" + suffix, "frontend-" + suffix, List.of(closures, hoisting));
        long before = reader.read("/api/lists/" + list, lastPosition)
                .body()
                .path("version")
                .asLong();

        Client.Answer proposed = editor.post("/api/tag-renames", Map.of("from", List.of(js, ecma), "to", javascript));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(202);
        String proposal = proposed.text("proposalId");
        JsonNode queue = reviewer.read("/api/proposals?status=PENDING&type=TAG_RENAME", proposed.position())
                .body();
        assertThat(queue.toString()).contains(proposal).contains(javascript);

        Client.Answer approved = reviewer.post("/api/proposals/" + proposal + "/approval", Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        long position = approved.position();

        JsonNode closure = reader.read("/api/questions/" + closures, position).body();
        assertThat(texts(closure.path("tags"))).containsExactly("functions", javascript);
        JsonNode last = closure.path("history").get(closure.path("history").size() - 1);
        assertThat(last.path("event").asText()).isEqualTo("TAGS_CHANGED");
        assertThat(last.path("proposalType").asText()).isEqualTo("TAG_RENAME");
        assertThat(texts(reader.read("/api/questions/" + hoisting, position)
                        .body()
                        .path("tags")))
                .containsExactly(javascript);

        JsonNode byOldName = reader.read("/api/questions?tag=" + js, position).body();
        assertThat(byOldName.path("items").findValues("questionId").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder(closures, hoisting);
        JsonNode tags = reader.read("/api/tags?q=" + javascript, position).body();
        assertThat(tags.path("items").get(0).path("questions").asInt()).isEqualTo(2);
        assertThat(texts(tags.path("items").get(0).path("synonyms"))).containsExactly(ecma, js);

        JsonNode now = reader.read("/api/lists/" + list, position).body();
        assertThat(now.path("version").asLong())
                .as("one new list version for the whole merge")
                .isEqualTo(before + 1);
        assertThat(now.toString()).contains(javascript).doesNotContain(js);
        JsonNode earlier = reader.read("/api/lists/" + list + "?version=" + before, position)
                .body();
        assertThat(earlier.toString())
                .as("earlier versions are unchanged")
                .contains(js)
                .doesNotContain(javascript);
        String export = reader.queryText("/api/lists/" + list + "/export?format=csv")
                .response()
                .body();
        assertThat(export).contains(javascript).doesNotContain(js);

        Client.Answer rewording = editor.post(
                "/api/questions/" + closures + "/rewordings",
                Map.of("text", "What is a closure in JavaScript? " + suffix));
        JsonNode queuedByOldName = reviewer.read("/api/proposals?status=PENDING&tag=" + js, rewording.position())
                .body();
        assertThat(queuedByOldName.toString())
                .as("the queue's tag filter follows the rename")
                .contains(rewording.text("proposalId"));

        Client.Answer tagged = editor.post(
                "/api/questions", Map.of("text", "What is a promise? " + suffix, "tags", List.of(ecma.toUpperCase())));
        approve(tagged.text("proposalId"));
        assertThat(texts(reader.read("/api/questions/" + tagged.text("questionId"), lastPosition)
                        .body()
                        .path("tags")))
                .as("an old name lands on the new tag")
                .containsExactly(javascript);
    }

    @Test
    @Order(1)
    void badRenamesAreRefusedAndChangeNothing() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String tag = "rust-" + suffix;
        activeQuestion("What is a borrow checker? " + suffix, List.of(tag));

        Client.Answer unknown = editor.post("/api/tag-renames", Map.of("from", List.of("nope-" + suffix), "to", tag));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("unknown tag");
        Client.Answer ontoItself =
                editor.post("/api/tag-renames", Map.of("from", List.of(tag.toUpperCase()), "to", tag));
        assertThat(ontoItself.status()).isEqualTo(400);
        assertThat(ontoItself.text("detail")).contains("onto itself");
        Client.Answer empty = editor.post("/api/tag-renames", Map.of("from", List.of(), "to", tag));
        assertThat(empty.status()).isEqualTo(400);
        Client.Answer asReader = reader.post("/api/tag-renames", Map.of("from", List.of(tag), "to", "x-" + suffix));
        assertThat(asReader.status()).isEqualTo(403);

        JsonNode queue = reviewer.read("/api/proposals?status=PENDING&type=TAG_RENAME&size=500", lastPosition)
                .body();
        assertThat(queue.toString()).doesNotContain(suffix);
    }

    @Test
    @Order(1)
    void anApprovedRevertReturnsTextAndTagsToTheEarlierRevision() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String id = activeQuestion("What is a goroutine? " + suffix, List.of("go"));
        approve(editor.post("/api/questions/" + id + "/rewordings", Map.of("text", "Goroutines, explained " + suffix))
                .text("proposalId"));
        String concurrency = "concurrency-" + suffix;
        approve(editor.post(
                        "/api/questions/" + id + "/tags", Map.of("add", List.of(concurrency), "remove", List.of("go")))
                .text("proposalId"));
        assertThat(tagCount(concurrency)).as("counted in GET /api/tags").isEqualTo(1);

        Client.Answer missing = editor.post("/api/questions/" + id + "/reverts", Map.of("toRevision", 9));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).contains("revision 9 does not exist");
        Client.Answer current = editor.post("/api/questions/" + id + "/reverts", Map.of("toRevision", 3));
        assertThat(current.status()).isEqualTo(400);

        Client.Answer proposed = editor.post("/api/questions/" + id + "/reverts", Map.of("toRevision", 1));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(202);
        String proposal = proposed.text("proposalId");
        JsonNode queued = reviewer.read("/api/proposals?questionId=" + id + "&type=REVERT", proposed.position())
                .body()
                .get(0);
        assertThat(queued.path("proposalId").asText()).isEqualTo(proposal);
        assertThat(queued.path("payload").path("text").asText()).isEqualTo("What is a goroutine? " + suffix);
        assertThat(texts(queued.path("payload").path("tags"))).containsExactly("go");

        approve(proposal);
        JsonNode question = reader.read("/api/questions/" + id, lastPosition).body();
        assertThat(question.path("text").asText()).isEqualTo("What is a goroutine? " + suffix);
        assertThat(texts(question.path("tags"))).containsExactly("go");
        assertThat(question.path("revision").asInt())
                .as("a revert is one revision")
                .isEqualTo(4);
        JsonNode last = question.path("history").get(question.path("history").size() - 1);
        assertThat(last.path("event").asText()).isEqualTo("REVERTED");
        assertThat(last.path("proposalType").asText()).isEqualTo("REVERT");
        assertThat(last.path("revision").asInt()).isEqualTo(4);
        assertThat(texts(last.path("tags"))).containsExactly("go");
        long revertSteps = 0;
        for (JsonNode step : question.path("history")) {
            revertSteps += "REVERT".equals(step.path("proposalType").asText()) ? 1 : 0;
        }
        assertThat(revertSteps).as("one step in the history").isEqualTo(1);
        assertThat(tagCount(concurrency)).as("no question carries it any more").isZero();
    }

    /** The count GET /api/tags gives for exactly {@code tag}, 0 when it does not list it. */
    private long tagCount(String tag) {
        JsonNode tags = reader.read("/api/tags?q=" + tag, lastPosition).body().path("items");
        for (JsonNode item : tags) {
            if (item.path("tag").asText().equals(tag)) {
                return item.path("questions").asLong();
            }
        }
        return 0;
    }

    /** Measures one approval that re-tags a few hundred questions: its transaction holds every question's event. */
    @Test
    @Order(1)
    void aRenameOfThreeHundredQuestionsIsOneBoundedApproval() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String tag = "bulk-" + suffix;
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            proposals.add(editor.post(
                            "/api/questions",
                            Map.of(
                                    "text",
                                    "Bulk question " + i + " about " + suffix + "?",
                                    "tags",
                                    List.of(tag, "other")))
                    .text("proposalId"));
        }
        Client.Answer accepted = reviewer.post("/api/proposals/approval", Map.of("proposalIds", proposals));
        assertThat(accepted.body().path("approved")).hasSize(300);
        String rename = editor.post("/api/tag-renames", Map.of("from", List.of(tag), "to", "renamed-" + suffix))
                .text("proposalId");

        long started = System.nanoTime();
        Client.Answer approved = reviewer.post("/api/proposals/" + rename + "/approval", Map.of());
        long approvalMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        started = System.nanoTime();
        JsonNode renamed = reader.read("/api/questions?tag=renamed-" + suffix + "&size=500", approved.position())
                .body();
        long visibleMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "TagRenameAndRevertIT: renaming a tag on 300 questions: approval %d ms, then visible on"
                        + " the query side %d ms later%n",
                approvalMillis, visibleMillis);
        assertThat(renamed.path("total").asInt()).isEqualTo(300);
        assertThat(reader.read("/api/questions?tag=" + tag, approved.position())
                        .body()
                        .path("total")
                        .asInt())
                .as("the old name finds them too")
                .isEqualTo(300);
    }

    /**
     * Both sides are deterministic after the renames and reverts above: the read model equals a clean rebuild from
     * the topic, and the command side's tag index equals what its migration derives from the event store alone.
     */
    @Test
    @Order(100)
    void afterRenamesAndRevertsBothSidesEqualWhatTheEventsAloneGive() throws Exception {
        Stores stores = new Stores(qcurate);
        stores.assertEqualsCleanRebuild(qcurate.as("admin"));
        String derived = """
                SELECT coalesce(md5(string_agg(r::text, E'\n' ORDER BY r::text)), '') FROM (
                  SELECT DISTINCT latest.aggregate_identifier::uuid AS question_id,
                         jsonb_array_elements_text(convert_from(latest.payload, 'UTF8')::jsonb -> 'tags') AS tag
                  FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload_type, payload
                        FROM qcurate_command.domain_event_entry
                        WHERE payload_type LIKE 'dev.qcurate.shared.question.%'
                          AND payload_type NOT IN ('dev.qcurate.shared.question.QuestionAcceptedEvent',
                                                   'dev.qcurate.shared.question.QuestionRewordedEvent')
                        ORDER BY aggregate_identifier, sequence_number DESC) latest
                  WHERE latest.payload_type NOT IN ('dev.qcurate.shared.question.QuestionRejectedEvent',
                                                    'dev.qcurate.shared.question.QuestionRetiredEvent',
                                                    'dev.qcurate.shared.question.QuestionMergedEvent')) r""";
        String indexed = """
                SELECT coalesce(md5(string_agg(r::text, E'\n' ORDER BY r::text)), '') FROM (
                  SELECT question_id, tag FROM qcurate_command.question_tag) r""";
        assertThat(stores.strings(indexed)).isEqualTo(stores.strings(derived));
        assertThat(stores.number("SELECT count(*) FROM qcurate_command.question_tag"))
                .isGreaterThan(300);
    }
}
