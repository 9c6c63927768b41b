package dev.qcurate.web.review;

import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.qcurate.web.review.ReviewFixtures.DECORATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Claims in the queue: who holds an item, the buttons each reviewer gets, and the link to its conversation. */
class ReviewClaimsPageTest extends PageTest {

    private static final UUID HELD = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final UUID FREE = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

    private static String proposal(UUID id, String claim, int revision, int comments) {
        String json = ReviewFixtures.proposal(
                id,
                "RETIREMENT",
                DECORATOR,
                "editor",
                1,
                "{\"kind\":\"RETIREMENT\",\"questionId\":\"" + DECORATOR
                        + "\",\"reason\":\"obsolete\",\"baseRevision\":2}",
                "[]");
        return json.substring(0, json.length() - 1) + ",\"claim\":" + claim + ",\"revision\":" + revision
                + ",\"comments\":" + comments + "}";
    }

    private static final String RECENT = """
            ,"recentConversation":[{"kind":"COMMENT","author":"editor","text":"Is it *really* obsolete? <i>x</i>",
              "at":"2026-12-01T09:00:00Z"},{"kind":"CHANGES_REQUESTED","author":"reviewer","text":"Cite the source.",
              "at":"2026-12-01T09:05:00Z"}]}""";

    private void queue() {
        String held = proposal(HELD, "{\"holder\":\"reviewer2\",\"expiresAt\":\"2026-12-01T10:15:00Z\"}", 3, 4);
        held = held.substring(0, held.length() - 1) + RECENT;
        QUERY.onJson("GET", "/api/proposals/counts", "{\"total\":2,\"byType\":{\"RETIREMENT\":2}}")
                .onJson("GET", "/api/proposals", "[" + held + "," + proposal(FREE, "null", 1, 0) + "]")
                .onJson("GET", "/api/questions/" + DECORATOR, """
                        {"questionId":"%s","text":"What is a decorator?","status":"ACTIVE","revision":2,
                         "tags":[],"aliases":[],"history":[]}""".formatted(DECORATOR));
    }

    private Element item(String user, UUID id) throws Exception {
        return ReviewQueuePageTest.item(page(get("/review").with(as(user, "REVIEWER"))), id);
    }

    @Test
    void othersSeeTheHolderAndMayTakeOver() throws Exception {
        queue();
        Element held = item("reviewer", HELD);

        assertThat(held.select(".claim-holder").text()).isEqualTo("Held by reviewer2 until 2026-12-01 10:15 UTC");
        assertThat(held.select(".claim-line button").eachText()).containsExactly("Take over");
        assertThat(held.select(".claim-line form").attr("action")).isEqualTo("/proposals/" + HELD + "/claim");
        assertThat(held.select(".claim-line input[name=takeOver]").val()).isEqualTo("true");
        assertThat(held.select("a.conversation-link").text()).isEqualTo("Conversation (4), revision 3");
        assertThat(held.select("a.conversation-link").attr("href")).isEqualTo("/proposals/" + HELD);
    }

    @Test
    void theLatestCommentsAreRenderedSafelyWithFormsToCommentAndRequestChanges() throws Exception {
        queue();
        Element held = item("reviewer", HELD);

        assertThat(held.select("details.discussion summary").text()).isEqualTo("Latest comments (2 of 4)");
        assertThat(held.select("details.discussion").hasAttr("open")).isTrue();
        assertThat(held.select(".comment-body em").text()).isEqualTo("really");
        assertThat(held.select(".comment-body i"))
                .as("HTML in a comment is escaped")
                .isEmpty();
        assertThat(held.select(".comment .badge").text()).isEqualTo("requested changes");
        assertThat(held.select("label[for=comment-" + HELD + "]").text()).isEqualTo("Comment");
        assertThat(held.select("label[for=change-request-" + HELD + "]").text()).isEqualTo("What should change");
        assertThat(held.select("form[action=/proposals/" + HELD + "/request-changes] input[name=from]")
                        .val())
                .isEqualTo("/review");
        Element free = item("reviewer", FREE);
        assertThat(free.select("details.discussion summary").text()).isEqualTo("Discuss");
        assertThat(free.select("details.discussion").hasAttr("open")).isFalse();
    }

    @Test
    void aCommentFromTheQueueGoesBackToTheQueue() throws Exception {
        COMMAND.onJson("POST", "/api/proposals/" + FREE + "/comments", "{\"position\":3}");

        mvc.perform(form("/proposals/" + FREE + "/comments", as("reviewer", "REVIEWER"))
                        .param("text", "Looks fine.")
                        .param("from", "review"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/review"));

        assertThat(COMMAND.last("POST", "/api/proposals/" + FREE + "/comments").body())
                .contains("Looks fine.");
    }

    @Test
    void theHolderMayReleaseAndAFreeItemMayBeClaimed() throws Exception {
        queue();

        assertThat(item("reviewer2", HELD).select(".claim-line button").eachText())
                .containsExactly("Release");
        Element free = item("reviewer", FREE);
        assertThat(free.select(".claim-holder")).isEmpty();
        assertThat(free.select(".claim-line button").eachText()).containsExactly("Claim");
        assertThat(free.select(".claim-line input[name=from]").val()).isEqualTo("/review");
        assertThat(free.select("a.conversation-link").text()).isEqualTo("Conversation (0)");
    }

    @Test
    void theQueuesFormsCarryItsFiltersAndPage() throws Exception {
        queue();
        Element free = ReviewQueuePageTest.item(
                page(get("/review")
                        .param("tag", "c++ & more")
                        .param("type", "RETIREMENT")
                        .with(as("reviewer", "REVIEWER"))),
                FREE);
        assertThat(free.select("input[name=from]").eachAttr("value"))
                .as("claim, comment and request changes")
                .hasSize(3)
                .allMatch("/review?type=RETIREMENT&tag=c%2B%2B%20%26%20more"::equals);
    }

    @Test
    void theProposerGetsNoClaimButton() throws Exception {
        queue();

        assertThat(item("editor", FREE).select(".claim-line button")).isEmpty();
    }

    @Test
    void approvingAnItemSomeoneElseHoldsSaysWhoHoldsItNotThatItIsStale() throws Exception {
        queue();
        COMMAND.onProblem(
                "POST",
                "/api/proposals/" + HELD + "/approval",
                409,
                "proposal " + HELD
                        + " is claimed by reviewer2 until 2026-12-01T10:15:00Z; take over the claim to"
                        + " decide it");

        var fragment = fragment(
                post("/review/{id}/approve", HELD)
                        .param("heading", "What is a decorator?")
                        .param("kindLabel", "Retirement")
                        .param("questionId", DECORATOR.toString())
                        .header("HX-Request", "true")
                        .with(as("reviewer", "REVIEWER"))
                        .with(csrf()),
                status().isConflict());

        assertThat(fragment.select("[role=alert]").text())
                .contains("Not done:", "claimed by reviewer2")
                .doesNotContain("stale");
        assertThat(fragment.select("[role=alert] a"))
                .as("no link to a current text")
                .isEmpty();
    }
}
