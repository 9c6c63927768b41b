package dev.qcurate.web.question;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.qcurate.web.question.Fixtures.ID;
import static dev.qcurate.web.question.Fixtures.OTHER;
import static dev.qcurate.web.question.Fixtures.THIRD;
import static dev.qcurate.web.question.ProposeQuestionPageTest.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class QuestionChangesTest extends PageTest {

    private static final FakeService.Answer ACCEPTED =
            FakeService.Answer.json(202, "{\"proposalId\":\"44444444-4444-4444-4444-444444444444\",\"position\":9}");

    // rewording

    @Test
    void theRewordingFormStartsFromTheCurrentTextAndRevision() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = html(mvc.perform(get("/questions/" + ID + "/reword").with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(labelled(page, "Question").wholeText()).isEqualTo("What is a Python decorator?");
        assertThat(page.select("input[name=baseRevision]").val()).isEqualTo("2");
        assertThat(page.select("button:containsOwn(Propose rewording)")).hasSize(1);
    }

    @Test
    void aWordingTypedOnTheProposePageIsCarriedOver() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = html(mvc.perform(get("/questions/" + ID + "/reword")
                        .param("text", "What's a decorator?")
                        .with(as("editor", "EDITOR")))
                .andReturn());

        assertThat(labelled(page, "Question").wholeText()).isEqualTo("What's a decorator?");
    }

    @Test
    void aRewordingIsSentWithItsBaseRevisionAndSaysItWaitsForReview() throws Exception {
        COMMAND.on("POST", "/api/questions/" + ID + "/rewordings", ACCEPTED);

        mvc.perform(post("/questions/" + ID + "/reword")
                        .param("text", "What does @decorator do?")
                        .param("baseRevision", "2")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your rewording was proposed and waits for review."));

        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/rewordings").body())
                .isEqualTo("{\"text\":\"What does @decorator do?\",\"baseRevision\":2}");
    }

    @Test
    void aRewordingOfAQuestionThatMovedOnSaysSoShowsTheCurrentTextAndKeepsTheWording() throws Exception {
        COMMAND.on(
                "POST",
                "/api/questions/" + ID + "/rewordings",
                FakeService.Answer.problem(
                        409, "the question is at revision 2, but the change was made against revision 1"));
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = html(mvc.perform(post("/questions/" + ID + "/reword")
                        .param("text", "My own wording?")
                        .param("baseRevision", "1")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("[role=alert]").text()).contains("changed since you opened it", "revision 2");
        assertThat(page.select("blockquote").text()).isEqualTo("What is a Python decorator?");
        assertThat(labelled(page, "Question").wholeText()).isEqualTo("My own wording?");
        assertThat(page.select("input[name=baseRevision]").val()).isEqualTo("2");
    }

    @Test
    void anEmptyOrOverlongWordingIsRefusedBeforeCalling() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        String huge = "w".repeat(20_000);

        Document empty = html(mvc.perform(post("/questions/" + ID + "/reword")
                        .param("text", "")
                        .param("baseRevision", "2")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());
        Document tooLong = html(mvc.perform(post("/questions/" + ID + "/reword")
                        .param("text", huge)
                        .param("baseRevision", "2")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());

        assertThat(empty.select("[role=alert]").text()).contains("empty");
        assertThat(tooLong.select("[role=alert]").text()).contains("20,000 characters");
        assertThat(labelled(tooLong, "Question").wholeText()).isEqualTo(huge);
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void aReaderCannotOpenTheChangeForms() throws Exception {
        for (String form : List.of("reword", "tags", "merge", "retire", "unmerge")) {
            mvc.perform(get("/questions/" + ID + "/" + form).with(as("reader", "READER")))
                    .andExpect(status().isForbidden());
        }
        assertThat(QUERY.requests()).isEmpty();
    }

    // tags

    @Test
    void theTagsFormComputesWhatIsAddedAndRemoved() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.on("POST", "/api/questions/" + ID + "/tags", ACCEPTED);

        Document form = html(mvc.perform(get("/questions/" + ID + "/tags").with(as("editor", "EDITOR")))
                .andReturn());
        mvc.perform(post("/questions/" + ID + "/tags")
                        .param("tags", "Python, Closures")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your tag change was proposed and waits for review."));

        assertThat(labelled(form, "Tags").val()).isEqualTo("python, decorators");
        assertThat(form.select("button:containsOwn(Change tags)")).hasSize(1);
        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/tags").body())
                .isEqualTo("{\"add\":[\"closures\"],\"remove\":[\"decorators\"]}");
    }

    @Test
    void theTagChangeIsPreviewedAsChipsWithAndWithoutJavaScript() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document fragment = html(mvc.perform(get("/questions/" + ID + "/tags/preview")
                        .param("tags", "python, web")
                        .header("HX-Request", "true")
                        .with(as("editor", "EDITOR")))
                .andReturn());
        Document page = html(mvc.perform(post("/questions/" + ID + "/tags")
                        .param("tags", "python, web")
                        .param("preview", "true")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());

        for (Document shown : List.of(fragment, page)) {
            assertThat(shown.select(".chip-added").text()).isEqualTo("+added: web");
            assertThat(shown.select(".chip-removed").text()).isEqualTo("−removed: decorators");
        }
        assertThat(labelled(page, "Tags").val()).isEqualTo("python, web");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void unchangedOrTooManyTagsAreRefusedAndTheServicesRefusalKeepsTheInput() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.on("POST", "/api/questions/" + ID + "/tags", FakeService.Answer.problem(400, "invalid tag 'a b!'"));

        Document same = html(mvc.perform(post("/questions/" + ID + "/tags")
                        .param("tags", "Decorators, python")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());
        assertThat(same.select("[role=alert]").text()).contains("same as before");
        assertThat(COMMAND.requests()).isEmpty();

        Document refused = html(mvc.perform(post("/questions/" + ID + "/tags")
                        .param("tags", "python, a b!")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());
        assertThat(refused.select("[role=alert]").text()).contains("invalid tag 'a b!'");
        assertThat(labelled(refused, "Tags").val()).isEqualTo("python, a b!");
    }

    // merge

    @Test
    void theMergeFormOffersTheDuplicateCandidatesAndSearchResults() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion())
                .onJson("GET", "/api/questions/" + ID + "/duplicates", Fixtures.candidates())
                .onJson("GET", "/api/questions", """
                        {"items":[{"questionId":"%s","text":"What is a Python decorator?","status":"ACTIVE","revision":2,"tags":[]},
                                  {"questionId":"%s","text":"What does a decorator do?","status":"ACTIVE","revision":1,"tags":[]},
                                  {"questionId":"55555555-5555-5555-5555-555555555555","text":"Decorators vs macros","status":"ACTIVE","revision":1,"tags":[]}],
                         "page":0,"size":10,"total":3}""".formatted(ID, OTHER));

        Document page = html(mvc.perform(get("/questions/" + ID + "/merge")
                        .param("q", "decorator " + "z".repeat(300))
                        .with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(param("/api/questions", "q")).hasSize(200).startsWith("decorator z");
        assertThat(labelled(page, "Search questions").attr("name")).isEqualTo("q");
        assertThat(page.select("input[type=radio][name=targetId]").eachAttr("value"))
                .containsExactly(OTHER.toString(), THIRD.toString(), "55555555-5555-5555-5555-555555555555");
        assertThat(labelled(page, "What does a decorator do? (score 87%, likely duplicate)")
                        .attr("value"))
                .isEqualTo(OTHER.toString());
        assertThat(page.text()).contains("first 200 were used");
        assertThat(page.select("button:containsOwn(Propose merge)")).hasSize(1);
    }

    @Test
    void aMergeIsSentAsSourceIntoTarget() throws Exception {
        COMMAND.on("POST", "/api/merges", ACCEPTED);

        mvc.perform(post("/questions/" + ID + "/merge")
                        .param("targetId", OTHER.toString())
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your merge was proposed and waits for review."));

        assertThat(COMMAND.last("POST", "/api/merges").body())
                .isEqualTo("{\"sourceId\":\"" + ID + "\",\"targetId\":\"" + OTHER + "\"}");
    }

    @Test
    void aMergeWithoutTargetOrRefusedKeepsTheSearchAndTheChoice() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion())
                .onJson("GET", "/api/questions/" + ID + "/duplicates", Fixtures.candidates())
                .onJson("GET", "/api/questions", "{\"items\":[],\"page\":0,\"size\":10,\"total\":0}");
        COMMAND.on("POST", "/api/merges", FakeService.Answer.problem(409, "question " + OTHER + " is RETIRED"));

        Document none = html(mvc.perform(post("/questions/" + ID + "/merge")
                        .param("q", "closures")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());
        Document refused = html(mvc.perform(post("/questions/" + ID + "/merge")
                        .param("q", "closures")
                        .param("targetId", OTHER.toString())
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());

        assertThat(none.select("[role=alert]").text()).contains("Choose the question");
        assertThat(refused.select("[role=alert]").text()).contains("is RETIRED");
        assertThat(labelled(refused, "Search questions").val()).isEqualTo("closures");
        assertThat(refused.select("input[type=radio][checked]").val()).isEqualTo(OTHER.toString());
    }

    // retire and unmerge

    @Test
    void retiringNeedsAReasonAndSendsIt() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.on("POST", "/api/questions/" + ID + "/retirement", ACCEPTED);

        Document form = html(mvc.perform(get("/questions/" + ID + "/retire").with(as("editor", "EDITOR")))
                .andReturn());
        Document empty = html(mvc.perform(post("/questions/" + ID + "/retire")
                        .param("reason", "  ")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andReturn());
        assertThat(COMMAND.requests()).isEmpty();
        mvc.perform(post("/questions/" + ID + "/retire")
                        .param("reason", "Out of scope")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your retirement was proposed and waits for review."));

        assertThat(labelled(form, "Reason").tagName()).isEqualTo("textarea");
        assertThat(form.select("button:containsOwn(Retire)")).hasSize(1);
        assertThat(empty.select("[role=alert]").text()).contains("Please give a reason");
        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/retirement").body())
                .isEqualTo("{\"reason\":\"Out of scope\"}");
    }

    @Test
    void aForbiddenRetirementShowsTheDetailAndKeepsTheReason() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.on(
                "POST", "/api/questions/" + ID + "/retirement", FakeService.Answer.problem(403, "role EDITOR needed"));

        Document page = html(mvc.perform(post("/questions/" + ID + "/retire")
                        .param("reason", "Out of scope")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("[role=alert]").text()).contains("role EDITOR needed");
        assertThat(labelled(page, "Reason").wholeText()).isEqualTo("Out of scope");
    }

    @Test
    void unmergeIsOfferedOnlyForAMergedQuestionAndSendsAnEmptyBody() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        Document notMerged =
                html(mvc.perform(get("/questions/" + ID + "/unmerge").with(as("editor", "EDITOR")))
                        .andReturn());
        assertThat(notMerged.select("button:containsOwn(Unmerge)")).isEmpty();

        QUERY.onJson(
                "GET",
                "/api/questions/" + ID,
                Fixtures.question(ID, "What is a decorator?", "MERGED", 2, List.of(), OTHER));
        COMMAND.on("POST", "/api/questions/" + ID + "/unmerge", ACCEPTED);
        Document merged = html(mvc.perform(get("/questions/" + ID + "/unmerge").with(as("editor", "EDITOR")))
                .andReturn());
        mvc.perform(post("/questions/" + ID + "/unmerge").with(csrf()).with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your unmerge was proposed and waits for review."));

        assertThat(merged.select("button:containsOwn(Unmerge)")).hasSize(1);
        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/unmerge").body())
                .isEqualTo("{}");
    }

    @Test
    void aRefusedUnmergeSaysWhy() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.on(
                "POST",
                "/api/questions/" + ID + "/unmerge",
                FakeService.Answer.problem(409, "question " + ID + " is ACTIVE and cannot be unmerged"));

        Document page = html(
                mvc.perform(post("/questions/" + ID + "/unmerge").with(csrf()).with(as("editor", "EDITOR")))
                        .andExpect(status().isOk())
                        .andReturn());

        assertThat(page.select("[role=alert]").text()).contains("cannot be unmerged");
    }
}
