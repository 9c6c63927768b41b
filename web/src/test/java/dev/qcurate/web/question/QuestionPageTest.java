package dev.qcurate.web.question;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.qcurate.web.question.Fixtures.ID;
import static dev.qcurate.web.question.Fixtures.OTHER;
import static dev.qcurate.web.question.ProposeQuestionPageTest.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class QuestionPageTest extends PageTest {

    private static final List<String> EDITOR_BUTTONS =
            List.of("Propose rewording", "Change tags", "Propose merge", "Retire", "Unmerge");

    @Test
    void aReaderSeesTextStatusTagsSourceHistoryAndDuplicatesButNoEditingControls() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion())
                .onJson("GET", "/api/questions/" + ID + "/duplicates", Fixtures.candidates());

        Document page = page(get("/questions/" + ID).with(as("reader", "READER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("What is a Python decorator?");
        assertThat(page.select(".status").text()).isEqualTo("ACTIVE");
        assertThat(page.select(".chip").eachText()).containsExactly("python", "decorators");
        assertThat(page.text()).contains("How do decorators work?", "python.md, line 12");
        Element history = page.selectFirst("section[aria-label=History]");
        assertThat(history.select("th").eachText()).containsExactly("Revision", "Change", "Who", "When");
        assertThat(history.select("tbody tr")).hasSize(3);
        assertThat(history.select("tbody tr").get(2).select("td").eachText())
                .containsExactly("2", "Reworded (ACTIVE)", "reviewer", "2026-11-22 10:00 UTC");
        assertThat(page.select("a:containsOwn(Compare revisions)").attr("href"))
                .isEqualTo("/questions/" + ID + "/compare");
        assertThat(page.select("section[aria-label=Possible duplicates] a[href=/questions/" + OTHER + "]")
                        .text())
                .isEqualTo("What does a decorator do?");
        assertThat(param("/api/questions/" + ID + "/duplicates", "limit")).isEqualTo("5");
        for (String button : EDITOR_BUTTONS) {
            assertThat(page.select("button:containsOwn(" + button + ")"))
                    .as(button)
                    .isEmpty();
        }
        assertThat(QUERY.last("GET", "/api/proposals")).isNull(); // readers may not list proposals
    }

    @Test
    void anEditorSeesTheActionsAndWhatWaitsForReview() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion())
                .onJson("GET", "/api/questions/" + ID + "/duplicates", "[]")
                .onJson("GET", "/api/proposals", Fixtures.pendingRewording());

        Document page = page(get("/questions/" + ID).with(as("editor", "EDITOR")), status().isOk());

        for (String button : List.of("Propose rewording", "Change tags", "Propose merge", "Retire")) {
            Element found = page.selectFirst("button:containsOwn(" + button + ")");
            assertThat(found).as(button).isNotNull();
            assertThat(found.parent().attr("method")).isEqualTo("get"); // works without JavaScript
        }
        assertThat(page.select("button:containsOwn(Propose rewording)")
                        .parents()
                        .select("form")
                        .attr("action"))
                .isEqualTo("/questions/" + ID + "/reword");
        assertThat(page.select("button:containsOwn(Unmerge)")).isEmpty();
        assertThat(param("/api/proposals", "questionId")).isEqualTo(ID.toString());
        assertThat(param("/api/proposals", "status")).isEqualTo("PENDING");
        assertThat(page.selectFirst("section[aria-label=Pending proposals]").text())
                .contains("PENDING", "Rewording", "“What is a decorator in Python?”", "editor2");
    }

    /**
     * Question ID as "What is a decorator?", untagged, in {@code status} at {@code revision} since its one history
     * step; no duplicates and nothing pending about it.
     */
    private static FakeService decoratorAlone(
            String status, int revision, UUID mergedInto, String lastEvent, String actor) {
        String text = "What is a decorator?";
        return QUERY.onJson(
                        "GET",
                        "/api/questions/" + ID,
                        Fixtures.question(
                                ID,
                                text,
                                status,
                                revision,
                                List.of(),
                                mergedInto,
                                Fixtures.step(revision, lastEvent, text, status, actor)))
                .onJson("GET", "/api/questions/" + ID + "/duplicates", "[]")
                .onJson("GET", "/api/proposals", "[]");
    }

    @Test
    void aMergedQuestionLinksItsTargetAndOffersUnmerge() throws Exception {
        decoratorAlone("MERGED", 2, OTHER, "MERGED", "reviewer")
                .onJson(
                        "GET",
                        "/api/questions/" + OTHER,
                        Fixtures.question(OTHER, "What does a decorator do?", "ACTIVE", 1, List.of(), null));

        Document page = page(get("/questions/" + ID).with(as("reviewer", "REVIEWER")), status().isOk());

        assertThat(page.select(".status").first().text()).isEqualTo("MERGED");
        assertThat(page.select("a[href=/questions/" + OTHER + "]").text()).isEqualTo("What does a decorator do?");
        assertThat(page.select("button:containsOwn(Unmerge)")).hasSize(1);
        assertThat(page.text()).contains("No proposals about this question wait for review.");
    }

    @Test
    void theNoticeOfAProposalIsShown() throws Exception {
        decoratorAlone("PROPOSED", 1, null, "PROPOSED", "editor");

        Document page = page(get("/questions/" + ID)
                .with(as("editor", "EDITOR"))
                .flashAttr("notice", "Your question was proposed and waits for review."));

        assertThat(page.select("[role=status]").text()).isEqualTo("Your question was proposed and waits for review.");
        assertThat(page.select(".status").first().text()).isEqualTo("PROPOSED");
    }

    @Test
    void aLaggingDuplicateIndexLeavesTheRegionEmptyButShowsThePage() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion())
                .onProblem("GET", "/api/questions/" + ID + "/duplicates", 503, "index behind");

        Document page = page(get("/questions/" + ID).with(as("reader", "READER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("What is a Python decorator?");
        assertThat(page.select("section[aria-label=Possible duplicates]").text())
                .contains("No similar questions");
    }

    @Test
    void anIdThatIsNoUuidIsNotFound() throws Exception {
        Document page = page(get("/questions/not-a-uuid").with(as("reader", "READER")), status().isNotFound());

        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("[role=alert]").text()).contains("no question with the id “not-a-uuid”");
        assertThat(QUERY.requests()).isEmpty();
    }

    @Test
    void anUnknownQuestionShowsTheQueryServicesNotFound() throws Exception {
        QUERY.onProblem("GET", "/api/questions/" + ID, 404, "no question " + ID);

        Document page = page(get("/questions/" + ID).with(as("reader", "READER")), status().isNotFound());

        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("[role=alert]").text()).contains("no question " + ID);
    }

    @Test
    void compareShowsThePreviousAgainstTheCurrentRevisionByDefault() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = page(get("/questions/" + ID + "/compare").with(as("reader", "READER")), status().isOk());

        assertThat(labelled(page, "From revision").select("option[selected]").val())
                .isEqualTo("1");
        assertThat(labelled(page, "To revision").select("option[selected]").val())
                .isEqualTo("2");
        assertThat(labelled(page, "To revision").select("option").eachText()).containsExactly("1", "2");
        assertThat(page.select(".diff-inline ins").text()).isEqualTo("added: Python");
        assertThat(page.select(".diff-side-by-side > div").get(0).select("h3").text())
                .isEqualTo("Revision 1");
        assertThat(page.select(".diff-side-by-side > div").get(1).select("ins").text())
                .isEqualTo("added: Python");
        assertThat(page.select("button:containsOwn(Compare)")).hasSize(1);
    }

    @Test
    void compareTakesAnyTwoRevisionsAndExplainsAnUnknownOne() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document reversed = page(get("/questions/" + ID + "/compare")
                .param("from", "2")
                .param("to", "1")
                .with(as("reader", "READER")));
        Document unknown = page(
                get("/questions/" + ID + "/compare")
                        .param("from", "9")
                        .param("to", "x<script>")
                        .with(as("reader", "READER")),
                status().isOk());

        assertThat(reversed.select(".diff-inline del").text()).isEqualTo("removed: Python");
        assertThat(unknown.select("[role=status]").text()).contains("no such revision", "revision 1 and revision 2");
    }
}
