package dev.qcurate.web.review;

import dev.qcurate.web.FakeService.Answer;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static dev.qcurate.web.review.ReviewFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The queue page: what each item shows, the controls by their accessible names, and what is asked of the service. */
class ReviewQueuePageTest extends PageTest {

    @Test
    void showsPendingCountFiltersWithCountsAndEachItemAsAnArticle() throws Exception {
        queueOfFour(QUERY);

        Document page = page(get("/review").with(as("reviewer", "REVIEWER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("Review queue");
        assertThat(page.select(".pending-summary").text()).isEqualTo("4 pending");
        assertThat(labelled(page, "Change kind").select("option").eachText())
                .contains("All kinds (4)", "Rewording (1)", "Tag change (1)", "New question (1)", "Merge (1)");
        assertThat(labelled(page, "Tag").attr("name")).isEqualTo("tag");
        assertThat(labelled(page, "Proposer").attr("name")).isEqualTo("proposer");
        assertThat(page.select("article.review-item")).hasSize(4);
        assertThat(page.select("article.review-item > h2").eachText())
                .containsExactly(
                        "Rewording: What is a decorator?", "Tag change: What is a decorator?",
                        "New question: What are decorators in Python?", "Merge: What does a decorator do?");
        assertThat(page.select("[aria-live=polite]")).hasSize(1);
        assertThat(QUERY.last("GET", "/api/proposals").query()).contains("status=PENDING", "page=0", "size=20");
        assertThat(QUERY.last("GET", "/api/proposals").header("Authorization")).isEqualTo("Bearer token-reviewer");
    }

    @Test
    void aRewordingIsDiffedByWordAgainstItsBaseRevisionNotTheLatest() throws Exception {
        queueOfFour(QUERY);

        Element item = item(page(get("/review").with(as("reviewer", "REVIEWER"))), REWORDING);

        assertThat(item.select("h3").first().text()).isEqualTo("Text against revision 1");
        assertThat(item.select(".diff-inline ins").eachText()).containsExactly("added: a Python", "added: & why");
        assertThat(item.select(".diff-inline").text()).startsWith("What is");
        assertThat(item.select(".stale-warning").text())
                .contains("changed since this was proposed")
                .contains("now at revision 2");
        assertThat(item.select(".stale-warning a").attr("href")).isEqualTo("/questions/" + DECORATOR);
        assertThat(item.select("[aria-label=Possible duplicates] a").text()).isEqualTo("What does a decorator do?");
        assertThat(QUERY.last("GET", "/api/duplicates").query()).contains("text=What%20is%20a%20Python%20decorator");
    }

    @Test
    void sideBySideShowsTheBaseAndTheProposedText() throws Exception {
        queueOfFour(QUERY);

        Element item = item(page(get("/review?view=side").with(as("reviewer", "REVIEWER"))), REWORDING);

        Elements columns = item.select(".diff-side-by-side > div");
        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).select("h4").text()).isEqualTo("Revision 1 (base)");
        assertThat(columns.get(0).select("p").text()).isEqualTo("What is decorator?");
        assertThat(columns.get(1).select("ins").eachText()).contains("added: a Python");
        assertThat(item.select(".diff-inline")).isEmpty();
    }

    @Test
    void aTagOnlyEditShowsChipsAndSaysTheTextIsUnchanged() throws Exception {
        queueOfFour(QUERY);

        Element item = item(page(get("/review").with(as("reviewer", "REVIEWER"))), TAGS);

        assertThat(item.text()).contains("text unchanged");
        assertThat(item.select(".chip-added").text()).isEqualTo("+ added tag: functions");
        assertThat(item.select(".chip-removed").text()).isEqualTo("− removed tag: basics");
        assertThat(item.select(".chip:not(.chip-added):not(.chip-removed)").text())
                .isEqualTo("python");
        assertThat(item.select(".text-change")).isEmpty();
    }

    @Test
    void aMergeShowsBothQuestionsSideBySideWithTheirScore() throws Exception {
        queueOfFour(QUERY);

        Element item = item(page(get("/review").with(as("reviewer", "REVIEWER"))), MERGE);

        assertThat(item.select(".merge-change .diff-side-by-side a").eachText())
                .containsExactly("What does a decorator do?", "What is a decorator?");
        assertThat(item.select(".merge-score").text()).isEqualTo("Duplicate score: 87%");
        assertThat(item.text()).contains("Needs 2 approvals; none yet.");
    }

    @Test
    void aNewQuestionShowsItsTagsSourceAndDuplicateCandidates() throws Exception {
        queueOfFour(QUERY);

        Element item = item(page(get("/review").with(as("other", "REVIEWER"))), OWN_NEW);

        Element duplicates = item.selectFirst("[role=region][aria-label=Possible duplicates]");
        assertThat(duplicates).isNotNull();
        assertThat(duplicates.select("a").attr("href")).isEqualTo("/questions/" + DECORATOR);
        assertThat(duplicates.text()).contains("score 91%", "likely duplicate");
        assertThat(item.text()).contains("Source: python.md, line 7");
        assertThat(item.select(".chip-added").text()).contains("python");
    }

    @Test
    void everyItemHasApproveRejectWithReasonAndSkipExceptOwnProposals() throws Exception {
        queueOfFour(QUERY);

        Document page = page(get("/review").with(as("reviewer", "REVIEWER")));

        Element other = item(page, REWORDING);
        assertThat(other.select("button:containsOwn(Approve)")).hasSize(1);
        assertThat(other.select("button:containsOwn(Reject)")).hasSize(1);
        assertThat(other.select("button:containsOwn(Skip)")).hasSize(1);
        Element reason = labelled(other, "Reason");
        assertThat(reason.attr("name")).isEqualTo("reason");
        assertThat(reason.attr("list")).isEqualTo("reject-reasons");
        assertThat(page.select("datalist#reject-reasons option").eachAttr("value"))
                .contains("Not a question", "Unclear or ambiguous", "Off-topic for this question bank");
        assertThat(labelled(other, "Select for bulk approval").attr("form")).isEqualTo("bulk-approve");
        assertThat(page.select("form#bulk-approve button:containsOwn(Approve selected)"))
                .hasSize(1);

        Element own = item(page, OWN_NEW);
        assertThat(own.text()).contains("Your proposal");
        assertThat(own.select("button:containsOwn(Approve)")).isEmpty();
        assertThat(own.select("button:containsOwn(Reject)")).isEmpty();
        assertThat(own.select("input[type=checkbox]")).isEmpty();
        assertThat(own.select("button:containsOwn(Skip)")).hasSize(1);
    }

    @Test
    void keyboardShortcutsComeWithTheirScriptASwitchAndRealButtons() throws Exception {
        queueOfFour(QUERY);

        Document page = page(get("/review").with(as("reviewer", "REVIEWER")));

        assertThat(page.select("main script[src=/js/review.js]")).hasSize(1);
        Element toggle = labelled(page, "Keyboard shortcuts");
        assertThat(toggle.attr("type")).isEqualTo("checkbox");
        assertThat(page.select("#review-keyboard button").eachText())
                .contains("Previous item", "Next item", "Shortcut help");
        assertThat(page.select("#shortcut-help kbd").eachText()).contains("j", "k", "a", "r", "s", "?");
        assertThat(page.select("section#review-queue[aria-label=Pending proposals]"))
                .hasSize(1);
        assertThat(page.select("[data-action]").eachAttr("data-action")).contains("approve", "reject", "skip");
        assertThat(page.select("[style], [onclick], script:not([src])")).isEmpty();
    }

    @Test
    void theItemsFormsWorkWithoutJavaScriptAndWithHtmx() throws Exception {
        queueOfFour(QUERY);

        Element approve = item(
                        page(get("/review?type=REWORDING&tag=python").with(as("reviewer", "REVIEWER"))), REWORDING)
                .selectFirst("form.approve-form");

        assertThat(approve.attr("method")).isEqualTo("post");
        assertThat(approve.attr("action")).isEqualTo("/review/" + REWORDING + "/approve");
        assertThat(approve.attr("hx-post")).isEqualTo("/review/" + REWORDING + "/approve");
        assertThat(approve.attr("hx-target")).isEqualTo("#result-" + REWORDING);
        assertThat(approve.select("input[name=_csrf]")).hasSize(1);
        assertThat(approve.select("input[name=type]").val()).isEqualTo("REWORDING");
        assertThat(approve.select("input[name=tag]").val()).isEqualTo("python");
    }

    @Test
    void filtersGoToTheQueryServiceAndCountsIgnoreTheKind() throws Exception {
        queueOfFour(QUERY);
        String importId = "99999999-9999-9999-9999-999999999999";

        Document page = page(
                get("/review?type=TAG_CHANGE&tag=python&proposer=editor&import=" + importId + "&page=2")
                        .with(as("reviewer", "REVIEWER")),
                status().isOk());

        assertThat(QUERY.last("GET", "/api/proposals").query())
                .contains("type=TAG_CHANGE", "tag=python", "proposer=editor", "importId=" + importId, "page=1");
        assertThat(QUERY.requests())
                .filteredOn(r -> r.path().equals("/api/proposals/counts"))
                .anySatisfy(r -> assertThat(r.query())
                        .contains("tag=python", "importId=" + importId)
                        .doesNotContain("type="));
        assertThat(page.select(".pending-summary").text()).isEqualTo("1 pending under these filters (4 in all)");
        assertThat(labelled(page, "Tag").val()).isEqualTo("python");
        assertThat(labelled(page, "Change kind").select("option[selected]").text())
                .isEqualTo("Tag change (1)");
    }

    @Test
    void aBadFilterValueIsLeftOutWithAMessageNotAnError() throws Exception {
        queueOfFour(QUERY);

        Document page = page(
                get("/review?type=BOGUS&import=not-an-id&page=x&tag=" + "t".repeat(60))
                        .with(as("reviewer", "REVIEWER")),
                status().isOk());

        assertThat(page.select("[role=status]").text())
                .contains("no change kind", "not an import id", "not a page number", "at most 40 characters");
        assertThat(QUERY.last("GET", "/api/proposals").query()).doesNotContain("type=", "importId=", "tag=");
    }

    @Test
    void anEmptyQueueSaysNoTasksLeft() throws Exception {
        QUERY.onJson("GET", "/api/proposals/counts", "{\"total\":0,\"byType\":{}}")
                .onJson("GET", "/api/proposals", "[]");

        Document page = page(get("/review").with(as("reviewer", "REVIEWER")));

        assertThat(page.select(".pending-summary").text()).isEqualTo("0 pending");
        assertThat(page.select("h2").eachText()).contains("No tasks left");
        assertThat(page.select("button:containsOwn(Approve selected)")).isEmpty();
    }

    @Test
    void pagingShowsTheTotalAndLinksKeepTheFilters() throws Exception {
        queueOfFour(QUERY);
        QUERY.onJson("GET", "/api/proposals/counts", "{\"total\":45,\"byType\":{\"NEW_QUESTION\":45}}");

        Document page = page(get("/review?type=NEW_QUESTION&page=2").with(as("reviewer", "REVIEWER")));

        Element pager = page.selectFirst("nav[aria-label=Pages]");
        assertThat(pager.text()).contains("Page 2 of 3");
        assertThat(pager.select("a:containsOwn(Previous page)").attr("href")).isEqualTo("/review?type=NEW_QUESTION");
        assertThat(pager.select("a:containsOwn(Next page)").attr("href")).isEqualTo("/review?type=NEW_QUESTION&page=3");
    }

    @Test
    void theQueueIsForReviewersOnly() throws Exception {
        MvcResult result =
                mvc.perform(get("/review").with(as("editor", "EDITOR"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(QUERY.requests()).isEmpty();
    }

    @Test
    void skippedItemsStayOutOfTheQueueForTheSessionUntilShownAgain() throws Exception {
        queueOfFour(QUERY);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/review/{id}/skip", TAGS)
                        .param("heading", "What is a decorator?")
                        .session(session)
                        .with(as("reviewer", "REVIEWER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document page = page(get("/review").session(session).with(as("reviewer", "REVIEWER")));

        assertThat(page.select("article.review-item")).hasSize(3);
        assertThat(page.getElementById("item-" + TAGS)).isNull();
        assertThat(page.select("button:containsOwn(Show skipped items again)").text())
                .contains("(1)");
        assertThat(COMMAND.requests()).isEmpty();
    }

    static Element item(Document page, java.util.UUID proposalId) {
        Element item = page.getElementById("item-" + proposalId);
        assertThat(item).as("article of " + proposalId).isNotNull();
        assertThat(item.tagName()).isEqualTo("article");
        return item;
    }

    /** The control whose {@code <label for>} reads exactly {@code text}. */
    static Element labelled(Element scope, String text) {
        Element label = scope.select("label").stream()
                .filter(l -> l.text().equals(text))
                .findFirst()
                .orElse(null);
        assertThat(label).as("label " + text).isNotNull();
        Element control = scope.ownerDocument().getElementById(label.attr("for"));
        assertThat(control).as("control for label " + text).isNotNull();
        return control;
    }

    static Answer ok(String json) {
        return Answer.json(200, json);
    }
}
