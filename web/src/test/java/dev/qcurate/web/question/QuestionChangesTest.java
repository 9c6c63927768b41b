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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

        Document page = page(get("/questions/" + ID + "/reword").with(as("editor", "EDITOR")), status().isOk());

        assertThat(labelled(page, "Question").wholeText()).isEqualTo("What is a Python decorator?");
        assertThat(page.select("input[name=baseRevision]").val()).isEqualTo("2");
        assertThat(page.select("button:containsOwn(Propose rewording)")).hasSize(1);
    }

    @Test
    void aWordingTypedOnTheProposePageIsCarriedOver() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = page(get("/questions/" + ID + "/reword")
                .param("text", "What's a decorator?")
                .with(as("editor", "EDITOR")));

        assertThat(labelled(page, "Question").wholeText()).isEqualTo("What's a decorator?");
    }

    @Test
    void aRewordingIsSentWithItsBaseRevisionAndSaysItWaitsForReview() throws Exception {
        COMMAND.on("POST", "/api/questions/" + ID + "/rewordings", ACCEPTED);

        mvc.perform(form("/questions/" + ID + "/reword", as("editor", "EDITOR"))
                        .param("text", "What does @decorator do?")
                        .param("baseRevision", "2"))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your rewording was proposed and waits for review."));

        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/rewordings").body())
                .isEqualTo("{\"text\":\"What does @decorator do?\",\"baseRevision\":2}");
    }

    @Test
    void aRewordingOfAQuestionThatMovedOnSaysSoShowsTheCurrentTextAndKeepsTheWording() throws Exception {
        COMMAND.onProblem(
                "POST",
                "/api/questions/" + ID + "/rewordings",
                409,
                "the question is at revision 2, but the change was made against revision 1");
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());

        Document page = page(
                form("/questions/" + ID + "/reword", as("editor", "EDITOR"))
                        .param("text", "My own wording?")
                        .param("baseRevision", "1"),
                status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("changed since you opened it", "revision 2");
        assertThat(page.select("blockquote").text()).isEqualTo("What is a Python decorator?");
        assertThat(labelled(page, "Question").wholeText()).isEqualTo("My own wording?");
        assertThat(page.select("input[name=baseRevision]").val()).isEqualTo("2");
    }

    @Test
    void anEmptyOrOverlongWordingIsRefusedBeforeCalling() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        String huge = "w".repeat(20_000);

        Document empty = page(form("/questions/" + ID + "/reword", as("editor", "EDITOR"))
                .param("text", "")
                .param("baseRevision", "2"));
        Document tooLong = page(form("/questions/" + ID + "/reword", as("editor", "EDITOR"))
                .param("text", huge)
                .param("baseRevision", "2"));

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

        Document form = page(get("/questions/" + ID + "/tags").with(as("editor", "EDITOR")));
        mvc.perform(form("/questions/" + ID + "/tags", as("editor", "EDITOR")).param("tags", "Python, Closures"))
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

        Document fragment = page(get("/questions/" + ID + "/tags/preview")
                .param("tags", "python, web")
                .header("HX-Request", "true")
                .with(as("editor", "EDITOR")));
        Document page = page(form("/questions/" + ID + "/tags", as("editor", "EDITOR"))
                .param("tags", "python, web")
                .param("preview", "true"));

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
        COMMAND.onProblem("POST", "/api/questions/" + ID + "/tags", 400, "invalid tag 'a b!'");

        Document same =
                page(form("/questions/" + ID + "/tags", as("editor", "EDITOR")).param("tags", "Decorators, python"));
        assertThat(same.select("[role=alert]").text()).contains("same as before");
        assertThat(COMMAND.requests()).isEmpty();

        Document refused =
                page(form("/questions/" + ID + "/tags", as("editor", "EDITOR")).param("tags", "python, a b!"));
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

        Document page = page(
                get("/questions/" + ID + "/merge")
                        .param("q", "decorator " + "z".repeat(300))
                        .with(as("editor", "EDITOR")),
                status().isOk());

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

        mvc.perform(form("/questions/" + ID + "/merge", as("editor", "EDITOR")).param("targetId", OTHER.toString()))
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
        COMMAND.onProblem("POST", "/api/merges", 409, "question " + OTHER + " is RETIRED");

        Document none =
                page(form("/questions/" + ID + "/merge", as("editor", "EDITOR")).param("q", "closures"));
        Document refused = page(form("/questions/" + ID + "/merge", as("editor", "EDITOR"))
                .param("q", "closures")
                .param("targetId", OTHER.toString()));

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

        Document form = page(get("/questions/" + ID + "/retire").with(as("editor", "EDITOR")));
        Document empty = page(
                form("/questions/" + ID + "/retire", as("editor", "EDITOR")).param("reason", "  "));
        assertThat(COMMAND.requests()).isEmpty();
        mvc.perform(form("/questions/" + ID + "/retire", as("editor", "EDITOR")).param("reason", "Out of scope"))
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
        COMMAND.onProblem("POST", "/api/questions/" + ID + "/retirement", 403, "role EDITOR needed");

        Document page = page(
                form("/questions/" + ID + "/retire", as("editor", "EDITOR")).param("reason", "Out of scope"),
                status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("role EDITOR needed");
        assertThat(labelled(page, "Reason").wholeText()).isEqualTo("Out of scope");
    }

    @Test
    void unmergeIsOfferedOnlyForAMergedQuestionAndSendsAnEmptyBody() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        Document notMerged = page(get("/questions/" + ID + "/unmerge").with(as("editor", "EDITOR")));
        assertThat(notMerged.select("button:containsOwn(Unmerge)")).isEmpty();

        QUERY.onJson(
                "GET",
                "/api/questions/" + ID,
                Fixtures.question(ID, "What is a decorator?", "MERGED", 2, List.of(), OTHER));
        COMMAND.on("POST", "/api/questions/" + ID + "/unmerge", ACCEPTED);
        Document merged = page(get("/questions/" + ID + "/unmerge").with(as("editor", "EDITOR")));
        mvc.perform(form("/questions/" + ID + "/unmerge", as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your unmerge was proposed and waits for review."));

        assertThat(merged.select("button:containsOwn(Unmerge)")).hasSize(1);
        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/unmerge").body())
                .isEqualTo("{}");
    }

    @Test
    void aRefusedUnmergeSaysWhy() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, Fixtures.activeQuestion());
        COMMAND.onProblem(
                "POST",
                "/api/questions/" + ID + "/unmerge",
                409,
                "question " + ID + " is ACTIVE and cannot be unmerged");

        Document page = page(form("/questions/" + ID + "/unmerge", as("editor", "EDITOR")), status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("cannot be unmerged");
    }
}
