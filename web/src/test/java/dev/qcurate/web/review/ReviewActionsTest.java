package dev.qcurate.web.review;

import dev.qcurate.web.FakeService.Answer;
import dev.qcurate.web.PageTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.qcurate.web.review.ReviewFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Approve, reject, skip and bulk approval, with htmx and as plain forms, and what each service answer shows. */
class ReviewActionsTest extends PageTest {

    private static final String APPROVAL = "/api/proposals/" + REWORDING + "/approval";
    private static final String REJECTION = "/api/proposals/" + REWORDING + "/rejection";

    @Test
    void approvingWithHtmxReplacesTheItemWithItsOutcomeAndAnnouncesHowManyAreLeft() throws Exception {
        queueOfFour(QUERY);
        QUERY.onJson("GET", "/api/proposals/counts", "{\"total\":3,\"byType\":{\"TAG_CHANGE\":3}}");
        COMMAND.on(
                "POST",
                APPROVAL,
                Answer.json(200, "{\"outcome\":\"APPLIED\",\"detail\":\"the change was applied\"," + "\"position\":42}")
                        .withHeader("X-Qcurate-Position", "42"));

        MvcResult result = mvc.perform(htmx(action(REWORDING, "approve")))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#item-" + REWORDING))
                .andExpect(header().string("HX-Reswap", "outerHTML"))
                .andReturn();
        Document answer = Jsoup.parseBodyFragment(result.getResponse().getContentAsString());

        assertThat(COMMAND.last("POST", APPROVAL).header("Authorization")).isEqualTo("Bearer token-reviewer");
        Element outcome = answer.getElementById("item-" + REWORDING);
        assertThat(outcome.tagName()).isEqualTo("article");
        assertThat(outcome.select("h2").text()).isEqualTo("Approved Rewording: What is a decorator?");
        assertThat(answer.select("#pending-count[hx-swap-oob]").text()).isEqualTo("3");
        assertThat(answer.select("#review-announcer[hx-swap-oob]").text())
                .isEqualTo("Approved: \u201cWhat is a decorator?\u201d. 3 pending left.");
        assertThat(QUERY.last("GET", "/api/proposals/counts").query()).contains("minPosition=42");
    }

    @Test
    void anApprovalThatNeedsMoreReviewersSaysItWasRecorded() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onJson(
                "POST",
                "/api/proposals/" + MERGE + "/approval",
                "{\"outcome\":\"RECORDED\",\"detail\":\"1 of 2 approvals\"}");

        Document answer = fragment(htmx(action(MERGE, "approve")), status().isOk());

        assertThat(answer.select("article h2").text()).startsWith("Approval recorded");
        assertThat(answer.select("article p").text()).contains("1 of 2 approvals");
    }

    @Test
    void approvingWithAPlainFormGoesBackToTheSameFilteredQueueAndSaysWhatHappened() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onJson("POST", APPROVAL, "{\"outcome\":\"APPLIED\",\"detail\":\"the change was applied\"}");

        MvcResult done = mvc.perform(
                        action(REWORDING, "approve").param("type", "REWORDING").param("tag", "py"))
                .andExpect(redirectedUrl("/review?type=REWORDING&tag=py"))
                .andReturn();
        Document page = page(get("/review?type=REWORDING&tag=py")
                .flashAttrs(done.getFlashMap())
                .with(as("reviewer", "REVIEWER")));

        assertThat(page.select(".message-ok[role=status]").text())
                .startsWith("Approved: \u201cWhat is a decorator?\u201d.")
                .contains("pending left");
    }

    @Test
    void aStaleApprovalIsExplainedWithALinkToTheCurrentText() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onProblem(
                "POST", APPROVAL, 409, "proposal is stale: made against revision 1, but the question is at revision 2");

        MvcResult viaHtmx = mvc.perform(htmx(action(REWORDING, "approve")))
                .andExpect(status().isConflict())
                .andReturn();
        Document fragment = Jsoup.parseBodyFragment(viaHtmx.getResponse().getContentAsString());
        Document page = page(action(REWORDING, "approve"), status().isConflict());

        assertThat(viaHtmx.getResponse().getHeader("HX-Retarget")).isNull();
        assertThat(fragment.select("[role=alert]").text())
                .contains("changed since this was proposed", "this proposal is stale")
                .contains("made against revision 1");
        assertThat(fragment.select("a:containsOwn(current text)").attr("href")).isEqualTo("/questions/" + DECORATOR);
        assertThat(page.select("h1").text()).isEqualTo("Review queue");
        assertThat(page.select("main > [role=alert] a").attr("href")).isEqualTo("/questions/" + DECORATOR);
        assertThat(page.select("#result-" + REWORDING + " [role=alert]").text()).contains("stale");
    }

    @Test
    void ownProposalNotFoundAndRefusedInputAreToldInTheItem() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onProblem("POST", "/api/proposals/" + OWN_NEW + "/approval", 403, "own proposal")
                .onProblem("POST", "/api/proposals/" + TAGS + "/approval", 404, "no proposal " + TAGS)
                .onProblem(
                        "POST",
                        "/api/proposals/" + MERGE + "/approval",
                        422,
                        "cannot merge a question" + " into itself");

        String own = mvc.perform(htmx(action(OWN_NEW, "approve")))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String gone = mvc.perform(htmx(action(TAGS, "approve")))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document refused = page(action(MERGE, "approve"), status().is(422));

        assertThat(Jsoup.parse(own).select("[role=alert]").text())
                .contains("Not allowed: own proposal", "their own proposal");
        assertThat(Jsoup.parse(gone).select("[role=alert]").text()).contains("no longer exists");
        assertThat(refused.select("#result-" + MERGE + " [role=alert]").text())
                .contains("cannot merge a question into itself");
        assertThat(refused.select("article.review-item")).hasSize(4);
    }

    @Test
    void aServiceOutageDuringAnApprovalShowsTheOutageMessage() throws Exception {
        queueOfFour(QUERY);
        COMMAND.on("POST", APPROVAL, Answer.problem(503, "busy").withHeader("Retry-After", "5"));

        Document page = page(action(REWORDING, "approve"), status().isServiceUnavailable());

        assertThat(page.select("[role=alert]").text()).contains("try again in 5 s");
    }

    @Test
    void aRejectionSendsTheReason() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onJson("POST", REJECTION, "{\"position\":7}");

        Document answer =
                fragment(htmx(action(REWORDING, "reject").param("reason", "  Unclear or ambiguous ")), status().isOk());

        assertThat(COMMAND.last("POST", REJECTION).body()).isEqualTo("{\"reason\":\"Unclear or ambiguous\"}");
        assertThat(answer.select("article h2").text()).startsWith("Rejected");
        assertThat(answer.select("article p").text()).isEqualTo("Reason: Unclear or ambiguous");
    }

    @Test
    void aRejectionWithoutReasonIsRefusedHereAndTheQueueStaysAsItWas() throws Exception {
        queueOfFour(QUERY);

        Document page = page(action(REWORDING, "reject").param("reason", "   "), status().is(422));
        String fragment = mvc.perform(htmx(action(REWORDING, "reject").param("reason", "")))
                .andExpect(status().is(422))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(COMMAND.requests()).isEmpty();
        assertThat(page.select("article.review-item")).hasSize(4);
        assertThat(page.select("#result-" + REWORDING + " [role=alert]").text()).contains("needs a reason");
        assertThat(Jsoup.parse(fragment).select("[role=alert]").text()).contains("needs a reason");
    }

    @Test
    void aRefusedRejectionKeepsTheTypedReasonAndAnOverlongOneIsNotSent() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onProblem("POST", REJECTION, 403, "own proposal");

        Document refused =
                page(action(REWORDING, "reject").param("reason", "Duplicate of #12"), status().isForbidden());
        Document tooLong = page(action(REWORDING, "reject").param("reason", "x".repeat(1_001)), status().is(422));

        assertThat(refused.getElementById("reason-" + REWORDING).val()).isEqualTo("Duplicate of #12");
        assertThat(tooLong.select("[role=alert]").text()).contains("1001 characters");
        assertThat(tooLong.getElementById("reason-" + REWORDING).val()).hasSize(1_001);
        assertThat(COMMAND.requests()).hasSize(1);
    }

    @Test
    void skippingWithHtmxCallsNoServiceAndMovesOn() throws Exception {
        queueOfFour(QUERY);

        Document answer =
                fragment(htmx(action(TAGS, "skip")), status().isOk(), header().string("HX-Retarget", "#item-" + TAGS));

        assertThat(COMMAND.requests()).isEmpty();
        assertThat(answer.select("article h2").text()).startsWith("Skipped");
        assertThat(answer.select("#review-announcer").text()).contains("Skipped", "4 pending left.");
    }

    @Test
    void bulkApprovalShowsEachItemsOutcome() throws Exception {
        queueOfFour(QUERY);
        COMMAND.onJson(
                "POST",
                "/api/proposals/approval",
                "{\"approved\":[\"" + REWORDING + "\"],\"failed\":[{" + "\"proposalId\":\"" + TAGS
                        + "\",\"reason\":\"stale: made against revision 1\"}],\"position\":9}");

        MvcResult done = mvc.perform(post("/review/approve-selected")
                        .param("proposalIds", REWORDING.toString(), TAGS.toString())
                        .param("type", "")
                        .with(as("reviewer", "REVIEWER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/review"))
                .andReturn();
        Document page = page(get("/review").flashAttrs(done.getFlashMap()).with(as("reviewer", "REVIEWER")));

        assertThat(COMMAND.last("POST", "/api/proposals/approval").body())
                .isEqualTo("{\"proposalIds\":[\"" + REWORDING + "\",\"" + TAGS + "\"]}");
        Element outcome = page.selectFirst("section[aria-labelledby=bulk-outcome-heading]");
        assertThat(outcome.select("h2").text()).isEqualTo("Bulk approval outcome");
        assertThat(outcome.text()).contains("1 approved, 1 failed.");
        assertThat(outcome.select("li").eachText())
                .containsExactly(
                        "approved: Rewording: What is a decorator?",
                        "failed: Tag change: What is a decorator? — stale: made against revision 1");
    }

    @Test
    void bulkApprovalWithNothingSelectedSaysSoAndSendsNothing() throws Exception {
        MvcResult done = mvc.perform(form("/review/approve-selected", as("reviewer", "REVIEWER")))
                .andExpect(redirectedUrl("/review"))
                .andReturn();

        assertThat(done.getFlashMap().get("notice")).asString().contains("select at least one");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void actionsNeedTheCsrfTokenAndTheReviewerRole() throws Exception {
        mvc.perform(post("/review/{id}/approve", REWORDING).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(form("/review/" + REWORDING + "/approve", as("editor", "EDITOR")))
                .andExpect(status().isForbidden());

        assertThat(COMMAND.requests()).isEmpty();
    }

    private static MockHttpServletRequestBuilder action(java.util.UUID id, String action) {
        return post("/review/{id}/" + action, id)
                .param("heading", "What is a decorator?")
                .param("kindLabel", kindOf(id))
                .param("questionId", DECORATOR.toString())
                .with(as("reviewer", "REVIEWER"))
                .with(csrf());
    }

    private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true");
    }

    private static String kindOf(java.util.UUID id) {
        return id.equals(REWORDING)
                ? "Rewording"
                : id.equals(TAGS) ? "Tag change" : id.equals(MERGE) ? "Merge" : "New question";
    }
}
