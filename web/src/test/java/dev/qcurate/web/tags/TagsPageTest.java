package dev.qcurate.web.tags;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TagsPageTest extends PageTest {

    private static final String TAGS = """
            {"items":[{"tag":"python","questions":12,"synonyms":["py","python3"]},
                      {"tag":"java","questions":3,"synonyms":[]}],
             "synonyms":[]}""";

    @Test
    void theTagsPageListsTagsWithTheirCountsAndOldNames() throws Exception {
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = html(mvc.perform(get("/tags").with(as("reader", "READER")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("h1").text()).isEqualTo("Tags");
        assertThat(page.select("tbody tr").eachText()).containsExactly("python 12 py, python3", "java 3 —");
        assertThat(page.select("form[action=/tags/rename]"))
                .as("readers cannot propose")
                .isEmpty();
    }

    @Test
    void editorsGetTheRenameFormWithLabelledFields() throws Exception {
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page =
                html(mvc.perform(get("/tags").with(as("editor", "EDITOR"))).andReturn());

        assertThat(labelled(page, "Tags to rename").attr("name")).isEqualTo("from");
        assertThat(labelled(page, "New name").attr("name")).isEqualTo("to");
        assertThat(page.select("button:containsOwn(Propose rename)")).hasSize(1);
    }

    @Test
    void aMergeIsSentAsTheListOfTagsAndSaysItWaitsForReview() throws Exception {
        COMMAND.on(
                "POST",
                "/api/tag-renames",
                FakeService.Answer.json(
                        202, "{\"proposalId\":\"44444444-4444-4444-4444-444444444444\",\"position\":9}"));

        mvc.perform(post("/tags/rename")
                        .param("from", " fp, functional ,fp")
                        .param("to", "functional-programming")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(redirectedUrl("/tags"))
                .andExpect(flash().attribute(
                                "notice",
                                "Your merge of fp, functional into functional-programming"
                                        + " was proposed and waits for review."));

        assertThat(COMMAND.last("POST", "/api/tag-renames").body())
                .contains("\"from\":[\"fp\",\"functional\"]")
                .contains("\"to\":\"functional-programming\"");
    }

    @Test
    void aRefusedRenameShowsTheServicesReasonAndKeepsWhatWasTyped() throws Exception {
        COMMAND.on(
                "POST",
                "/api/tag-renames",
                FakeService.Answer.problem(400, "unknown tag 'cobol': no proposed or active question carries it"));
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = html(mvc.perform(post("/tags/rename")
                        .param("from", "cobol")
                        .param("to", "legacy")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("[role=alert]").text()).contains("unknown tag 'cobol'");
        assertThat(labelled(page, "Tags to rename").val()).isEqualTo("cobol");
        assertThat(labelled(page, "New name").val()).isEqualTo("legacy");
    }

    @Test
    void anEmptyRenameIsRefusedWithoutCallingTheService() throws Exception {
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = html(mvc.perform(post("/tags/rename")
                        .param("from", " , ")
                        .param("to", "x")
                        .with(csrf())
                        .with(as("editor", "EDITOR")))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("[role=alert]").text()).contains("Name at least one tag");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void readersCannotProposeRenames() throws Exception {
        mvc.perform(post("/tags/rename")
                        .param("from", "py")
                        .param("to", "python")
                        .with(csrf())
                        .with(as("reader", "READER")))
                .andExpect(status().isForbidden());
        assertThat(COMMAND.requests()).isEmpty();
    }
}
