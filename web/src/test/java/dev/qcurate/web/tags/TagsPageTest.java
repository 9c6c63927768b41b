package dev.qcurate.web.tags;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

        Document page = page(get("/tags").with(as("reader", "READER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("Tags");
        assertThat(page.select("tbody tr").eachText()).containsExactly("python 12 py, python3", "java 3 —");
        assertThat(page.select("form[action=/tags/rename]"))
                .as("readers cannot propose")
                .isEmpty();
    }

    @Test
    void editorsGetTheRenameFormWithLabelledFields() throws Exception {
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = page(get("/tags").with(as("editor", "EDITOR")));

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

        mvc.perform(form("/tags/rename", as("editor", "EDITOR"))
                        .param("from", " fp, functional ,fp")
                        .param("to", "functional-programming"))
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
        COMMAND.onProblem(
                "POST", "/api/tag-renames", 400, "unknown tag 'cobol': no proposed or active question carries it");
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = refusedRename("cobol", "legacy");

        assertThat(page.select("[role=alert]").text()).contains("unknown tag 'cobol'");
        assertThat(labelled(page, "Tags to rename").val()).isEqualTo("cobol");
        assertThat(labelled(page, "New name").val()).isEqualTo("legacy");
    }

    @Test
    void anEmptyRenameIsRefusedWithoutCallingTheService() throws Exception {
        QUERY.onJson("GET", "/api/tags", TAGS);

        Document page = refusedRename(" , ", "x");

        assertThat(page.select("[role=alert]").text()).contains("Name at least one tag");
        assertThat(COMMAND.requests()).isEmpty();
    }

    /** An editor's rename of {@code from} into {@code to} that comes back as the page (200) with why not. */
    private Document refusedRename(String from, String to) throws Exception {
        return page(
                form("/tags/rename", as("editor", "EDITOR")).param("from", from).param("to", to), status().isOk());
    }

    @Test
    void readersCannotProposeRenames() throws Exception {
        mvc.perform(form("/tags/rename", as("reader", "READER"))
                        .param("from", "py")
                        .param("to", "python"))
                .andExpect(status().isForbidden());
        assertThat(COMMAND.requests()).isEmpty();
    }
}
