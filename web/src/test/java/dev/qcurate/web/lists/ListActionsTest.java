package dev.qcurate.web.lists;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultMatcher;

import static dev.qcurate.web.lists.ListPagesTest.LIST;
import static dev.qcurate.web.lists.ListPagesTest.Q1;
import static dev.qcurate.web.lists.ListPagesTest.Q2;
import static dev.qcurate.web.lists.ListPagesTest.aList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reviewers publish releases; editors propose adding and removing questions. */
class ListActionsTest extends PageTest {

    @Test
    void onlyReviewersSeeTheReleaseForm() throws Exception {
        aList();
        Document reviewer = page(get("/lists/" + LIST).with(as("reviewer", "REVIEWER")));
        assertThat(labelled(reviewer, "Release label").attr("name")).isEqualTo("label");
        assertThat(reviewer.select("button:containsOwn(Publish release)")).hasSize(1);

        Document editor = page(get("/lists/" + LIST).with(as("editor", "EDITOR")));
        assertThat(editor.select("button:containsOwn(Publish release)")).isEmpty();
        assertThat(editor.select("label:containsOwn(Release label)")).isEmpty();
    }

    @Test
    void publishingAReleaseNamesTheShownVersion() throws Exception {
        COMMAND.on(
                "POST",
                "/api/lists/" + LIST + "/releases",
                FakeService.Answer.json(201, "{\"label\":\"2024.1\",\"version\":1,\"position\":9}"));

        mvc.perform(form("/lists/" + LIST + "/releases", as("reviewer", "REVIEWER"))
                        .param("label", " 2024.1 ")
                        .param("version", "1"))
                .andExpect(redirectedUrl("/lists/" + LIST + "?release=2024.1"))
                .andExpect(flash().attribute("notice", "Published release 2024.1 of version 1."));

        assertThat(COMMAND.last("POST", "/api/lists/" + LIST + "/releases").body())
                .isEqualTo("{\"label\":\"2024.1\",\"version\":1}");
    }

    @Test
    void aDuplicateOrBadLabelIsExplainedAndKept() throws Exception {
        aList();
        COMMAND.onProblem("POST", "/api/lists/" + LIST + "/releases", 409, "list already has a release 2024.1");

        Document page = publish("2024.1", status().isConflict());
        assertThat(page.select("section.release [role=alert]").text()).contains("list already has a release 2024.1");
        assertThat(labelled(page, "Release label").val()).isEqualTo("2024.1");
        assertThat(QUERY.last("GET", "/api/lists/" + LIST).query()).isEqualTo("version=2");

        COMMAND.onProblem("POST", "/api/lists/" + LIST + "/releases", 400, "release label must be 1 to 64 letters");
        Document bad = publish("spring release!", status().isBadRequest());
        assertThat(bad.select("section.release [role=alert]").text()).contains("release label must be");
        assertThat(labelled(bad, "Release label").val()).isEqualTo("spring release!");
    }

    @Test
    void anEmptyLabelIsRefusedWithoutCallingTheService() throws Exception {
        aList();
        Document page = publish("  ", status().isBadRequest());
        assertThat(page.select("section.release [role=alert]").text()).contains("Give the release a label");
        assertThat(COMMAND.requests()).isEmpty();
    }

    /** A reviewer publishes version 2 as {@code label}; the page that answers a refusal. */
    private Document publish(String label, ResultMatcher expected) throws Exception {
        return page(
                form("/lists/" + LIST + "/releases", as("reviewer", "REVIEWER"))
                        .param("label", label)
                        .param("version", "2"),
                expected);
    }

    @Test
    void editorsSearchActiveQuestionsAndProposeAddingOne() throws Exception {
        aList();
        QUERY.onJson("GET", "/api/questions", """
                {"items":[{"questionId":"%s","text":"What is a closure?","status":"ACTIVE","revision":1,"tags":[]}],
                 "page":0,"size":20,"total":1}""".formatted(Q2));

        Document page = page(get("/lists/" + LIST).param("q", "closure").with(as("editor", "EDITOR")), status().isOk());
        assertThat(QUERY.last("GET", "/api/questions").query()).isEqualTo("q=closure&status=ACTIVE&size=20");
        assertThat(labelled(page, "Find a question").val()).isEqualTo("closure");
        assertThat(page.select(".hits button").text()).isEqualTo("Propose adding “What is a closure?”");
        assertThat(page.select(".add-question").text()).contains("proposals", "review queue");
        assertThat(page.select("ol.entry-list button").eachText())
                .containsExactly("Propose removing “What is a decorator?”", "Propose removing “Tom & Jerry <b>?</b>”");

        COMMAND.on(
                "POST",
                "/api/lists/" + LIST + "/entries",
                FakeService.Answer.json(
                        202, "{\"proposalId\":\"1a000000-0000-4000-8000-000000000009\",\"position\":5}"));
        mvc.perform(form("/lists/" + LIST + "/entries", as("editor", "EDITOR"))
                        .param("questionId", Q2)
                        .param("questionText", "What is a closure?")
                        .param("q", "closure"))
                .andExpect(redirectedUrl("/lists/" + LIST))
                .andExpect(flash().attribute(
                                "notice",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("“What is a closure?”"),
                                        org.hamcrest.Matchers.containsString("proposal"),
                                        org.hamcrest.Matchers.containsString("review queue"))));
        assertThat(COMMAND.last("POST", "/api/lists/" + LIST + "/entries").body())
                .isEqualTo("{\"questionId\":\"" + Q2 + "\"}");
    }

    @Test
    void aRefusedAdditionShowsTheDetailAndKeepsTheSearch() throws Exception {
        aList();
        QUERY.onJson("GET", "/api/questions", "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
        COMMAND.onProblem("POST", "/api/lists/" + LIST + "/entries", 409, "the question is already in the list");

        Document page = page(
                form("/lists/" + LIST + "/entries", as("editor", "EDITOR"))
                        .param("questionId", Q1)
                        .param("q", "decorator"),
                status().isConflict());

        assertThat(page.select("[role=alert]").text()).contains("the question is already in the list");
        assertThat(labelled(page, "Find a question").val()).isEqualTo("decorator");
    }

    @Test
    void aTooLongSearchIsRefusedAtTheWebEdge() throws Exception {
        aList();
        Document page =
                page(get("/lists/" + LIST).param("q", "x".repeat(201)).with(as("editor", "EDITOR")), status().isOk());
        assertThat(page.select(".add-question [role=alert]").text()).contains("at most 200 characters");
        assertThat(labelled(page, "Find a question").val()).hasSize(201);
        assertThat(QUERY.last("GET", "/api/questions")).isNull();
    }

    @Test
    void proposingARemovalSendsADelete() throws Exception {
        COMMAND.on(
                "DELETE",
                "/api/lists/" + LIST + "/entries/" + Q1,
                FakeService.Answer.json(
                        202, "{\"proposalId\":\"1a000000-0000-4000-8000-000000000009\",\"position\":5}"));

        mvc.perform(form("/lists/" + LIST + "/entries/" + Q1 + "/removal", as("editor", "EDITOR"))
                        .param("questionText", "What is a decorator?"))
                .andExpect(redirectedUrl("/lists/" + LIST))
                .andExpect(
                        flash().attribute(
                                        "notice",
                                        org.hamcrest.Matchers.containsString(
                                                "You proposed removing “What is a decorator?” from this list. It is a proposal")));
        assertThat(COMMAND.last("DELETE", "/api/lists/" + LIST + "/entries/" + Q1)
                        .header("Authorization"))
                .isEqualTo("Bearer token-editor");
    }

    @Test
    void anOldVersionOffersNoRemoval() throws Exception {
        QUERY.onJson("GET", "/api/lists/" + LIST, ListPagesTest.content(1, null))
                .onJson("GET", "/api/lists/" + LIST + "/versions", ListPagesTest.VERSIONS)
                .onJson("GET", "/api/lists/" + LIST + "/releases", "[]");
        Document page = page(get("/lists/" + LIST).param("version", "1").with(as("editor", "EDITOR")));
        assertThat(page.select("button:containsOwn(Propose removing)")).isEmpty();
        assertThat(page.select("a:containsOwn(Show the latest version)").attr("href"))
                .isEqualTo("/lists/" + LIST);
    }
}
