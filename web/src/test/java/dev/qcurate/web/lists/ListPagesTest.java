package dev.qcurate.web.lists;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListPagesTest extends PageTest {

    static final String LIST = "3f1c2a7e-0000-4000-8000-000000000001";
    static final String Q1 = "9a000000-0000-4000-8000-000000000001";
    static final String Q2 = "9a000000-0000-4000-8000-000000000002";

    static final String CONTENT = """
            {"listId":"%s","name":"python-basics","title":"Python basics","description":"Week one",
             "version":%d,"at":"2024-05-01T12:00:00Z","release":%s,"size":2,
             "entries":[{"questionId":"%s","text":"What is a decorator?","tags":["python","functions"],"revision":1},
                        {"questionId":"%s","text":"Tom & Jerry <b>?</b>","tags":[],"revision":2}]}""";

    static final String VERSIONS = """
            [{"version":0,"at":"2024-04-30T09:00:00Z","cause":{"type":"CuratedListCreatedEvent","actor":"editor"},"size":0,"releases":[]},
             {"version":1,"at":"2024-05-01T10:00:00Z","cause":{"type":"QuestionAcceptedEvent","proposalId":"1a000000-0000-4000-8000-000000000001","actor":"reviewer"},"size":1,"releases":[]},
             {"version":2,"at":"2024-05-01T12:00:00Z","cause":{"type":"ListEntryAddedEvent","actor":"reviewer"},"size":2,"releases":["2024.1"]}]""";

    static String content(int version, String release) {
        return CONTENT.formatted(LIST, version, release == null ? "null" : "\"" + release + "\"", Q1, Q2);
    }

    /** The list at version 2 of three, with no release yet. */
    static void aList() {
        QUERY.onJson("GET", "/api/lists/" + LIST, content(2, null))
                .onJson("GET", "/api/lists/" + LIST + "/versions", VERSIONS)
                .onJson("GET", "/api/lists/" + LIST + "/releases", "[]");
    }

    void aListWithThreeVersions(int shown) {
        QUERY.onJson("GET", "/api/lists/" + LIST, content(shown, null))
                .onJson("GET", "/api/lists/" + LIST + "/versions", VERSIONS)
                .onJson(
                        "GET",
                        "/api/lists/" + LIST + "/releases",
                        "[{\"label\":\"2024.1\",\"version\":2,\"at\":\"2024-05-01T12:30:00Z\",\"actor\":\"reviewer\"}]");
    }

    @Test
    void theIndexTablesEveryListAndLinksItsName() throws Exception {
        QUERY.onJson("GET", "/api/lists", """
                [{"listId":"%s","name":"python-basics","title":"Python basics","version":4,"size":12}]""".formatted(LIST));

        Document page = page(get("/lists").with(as("reader", "READER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("Lists");
        assertThat(page.select("th").eachText()).containsExactly("Name", "Title", "Version", "Size");
        assertThat(page.select("td a").attr("href")).isEqualTo("/lists/" + LIST);
        assertThat(page.select("td").eachText()).contains("python-basics", "Python basics", "4", "12 questions");
        assertThat(page.select("button:containsOwn(Create list)"))
                .as("readers create no lists")
                .isEmpty();
    }

    @Test
    void anEditorCreatesAListAndLandsOnIt() throws Exception {
        QUERY.onJson("GET", "/api/lists", "[]");
        COMMAND.on("POST", "/api/lists", FakeService.Answer.json(201, "{\"listId\":\"" + LIST + "\",\"position\":7}"));

        mvc.perform(form("/lists", as("editor", "EDITOR"))
                        .param("name", "python-basics")
                        .param("title", "Python basics")
                        .param("description", ""))
                .andExpect(redirectedUrl("/lists/" + LIST));

        assertThat(COMMAND.last("POST", "/api/lists").body())
                .isEqualTo("{\"name\":\"python-basics\",\"title\":\"Python basics\"}");
    }

    @Test
    void aRefusedNewListKeepsWhatWasTyped() throws Exception {
        QUERY.onJson("GET", "/api/lists", "[]");
        COMMAND.onProblem("POST", "/api/lists", 409, "a list named python-basics exists");

        Document page = page(
                form("/lists", as("editor", "EDITOR"))
                        .param("name", "python-basics")
                        .param("title", "Py")
                        .param("description", "Week one"),
                status().isConflict());

        assertThat(page.select("[role=alert]").text()).contains("a list named python-basics exists");
        assertThat(page.select("input[name=name]").val()).isEqualTo("python-basics");
        assertThat(page.select("input[name=title]").val()).isEqualTo("Py");
        assertThat(page.select("textarea[name=description]").text()).isEqualTo("Week one");
    }

    @Test
    void theListPageShowsTheLatestVersionWithItsEntriesVersionsAndDownloads() throws Exception {
        aListWithThreeVersions(2);

        Document page = page(get("/lists/" + LIST).with(as("reader", "READER")), status().isOk());

        assertThat(page.select("h1").text()).isEqualTo("Python basics");
        assertThat(page.select("#shown-version").text())
                .startsWith("Showing the latest version, version 2")
                .contains("Released as 2024.1");
        Element version = labelled(page, "Version");
        assertThat(version.tagName()).isEqualTo("select");
        assertThat(version.select("option").eachAttr("value")).containsExactly("2", "1", "0");
        assertThat(version.select("option[selected]").val()).isEqualTo("2");
        assertThat(version.select("option").first().text())
                .contains("2024-05-01 12:00 UTC", "list entry added", "by reviewer", "release 2024.1");
        assertThat(version.closest("form").select("button").text()).isEqualTo("Show version");
        assertThat(labelled(page, "As of").attr("type")).isEqualTo("datetime-local");

        assertThat(page.select("ol.entry-list > li > a").eachText())
                .containsExactly("What is a decorator?", "Tom & Jerry <b>?</b>");
        assertThat(page.select("ol.entry-list > li > a").first().attr("href")).isEqualTo("/questions/" + Q1);
        assertThat(page.select("ol.entry-list > li").first().select(".chip").eachText())
                .containsExactly("python", "functions");
        assertThat(page.select("a:containsOwn(Compare versions)").attr("href"))
                .isEqualTo("/lists/" + LIST + "/diff?from=1&to=2");
        assertThat(page.select("a:containsOwn(Markdown)").attr("href"))
                .isEqualTo("/lists/" + LIST + "/export?format=markdown&version=2");
        assertThat(page.select("a:containsOwn(CSV)").attr("href")).endsWith("format=csv&version=2");
        assertThat(page.select("a:containsOwn(JSON)").attr("href")).endsWith("format=json&version=2");

        assertThat(page.select("button:containsOwn(Publish release)"))
                .as("readers publish nothing")
                .isEmpty();
        assertThat(page.select("button:containsOwn(Propose removing)")).isEmpty();
        assertThat(page.select("input#q")).isEmpty();
    }

    @Test
    void aVersionReleaseOrTimeIsAskedForAndSaidInWords() throws Exception {
        aListWithThreeVersions(1);

        Document byVersion = page(get("/lists/" + LIST).param("version", "1").with(as("reader", "READER")));
        assertThat(QUERY.last("GET", "/api/lists/" + LIST).query()).isEqualTo("version=1");
        assertThat(byVersion.select("#shown-version").text()).startsWith("Showing version 1 (the latest is version 2)");
        assertThat(labelled(byVersion, "Version").select("option[selected]").val())
                .isEqualTo("1");
        assertThat(byVersion.select("a:containsOwn(Markdown)").attr("href")).endsWith("version=1");
        assertThat(byVersion.select("a:containsOwn(Compare versions)").attr("href"))
                .endsWith("from=0&to=1");

        Document byRelease =
                page(get("/lists/" + LIST).param("release", "2024.1").with(as("reader", "READER")));
        assertThat(QUERY.last("GET", "/api/lists/" + LIST).query()).isEqualTo("release=2024.1");
        assertThat(byRelease.select("#shown-version").text()).startsWith("Showing release 2024.1, which is version 1");

        Document asOf =
                page(get("/lists/" + LIST).param("asOf", "2024-05-01T11:00").with(as("reader", "READER")));
        assertThat(java.net.URLDecoder.decode(
                        QUERY.last("GET", "/api/lists/" + LIST).query(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("asOf=2024-05-01T11:00:00Z");
        assertThat(asOf.select("#shown-version").text())
                .startsWith("Showing the list as it was at 2024-05-01 11:00 UTC: version 1");
        assertThat(labelled(asOf, "As of").val()).isEqualTo("2024-05-01T11:00");
    }

    @Test
    void aNonNumericVersionIsAClear400() throws Exception {
        MvcResult result = mvc.perform(
                        get("/lists/" + LIST).param("version", "latest").with(as("reader", "READER")))
                .andExpect(status().isBadRequest())
                .andReturn();

        assertThat(html(result).select("[role=alert]").text()).contains("“latest” is not a version number");
        assertThat(QUERY.requests()).isEmpty();
    }

    @Test
    void anUnknownListOrVersionIsA404Page() throws Exception {
        QUERY.onProblem("GET", "/api/lists/" + LIST, 404, "list has versions 0 to 2, not 9");

        Document page =
                page(get("/lists/" + LIST).param("version", "9").with(as("reader", "READER")), status().isNotFound());
        assertThat(page.select("h1").text()).isEqualTo("Not found");
        assertThat(page.select("[role=alert]").text()).contains("not 9");

        mvc.perform(get("/lists/not-a-list").with(as("reader", "READER"))).andExpect(status().isNotFound());
    }

    @Test
    void theExportPassesTheServicesFileThrough() throws Exception {
        QUERY.on(
                "GET",
                "/api/lists/" + LIST + "/export",
                new FakeService.Answer(
                        200,
                        "text/csv;charset=UTF-8",
                        "questionId,text\n1,What?\n",
                        java.util.Map.of("Content-Disposition", "attachment; filename=\"python-basics-v1.csv\"")));

        mvc.perform(get("/lists/" + LIST + "/export")
                        .param("format", "csv")
                        .param("version", "1")
                        .with(as("reader", "READER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"python-basics-v1.csv\""))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).isEqualTo("questionId,text\n1,What?\n"));
        assertThat(QUERY.last("GET", "/api/lists/" + LIST + "/export").query()).isEqualTo("format=csv&version=1");
        assertThat(QUERY.last("GET", "/api/lists/" + LIST + "/export").header("Authorization"))
                .isEqualTo("Bearer token-reader");
    }

    @Test
    void anExportWithoutAFileNameGetsOne() throws Exception {
        QUERY.on(
                "GET",
                "/api/lists/" + LIST + "/export",
                new FakeService.Answer(200, "text/markdown", "# Python basics\n", java.util.Map.of()));

        mvc.perform(get("/lists/" + LIST + "/export")
                        .param("format", "markdown")
                        .param("version", "2")
                        .with(as("reader", "READER")))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("filename=\"list-" + LIST + "-v2.md\"")));
    }

    @Test
    void anUnknownExportFormatIsA400() throws Exception {
        mvc.perform(get("/lists/" + LIST + "/export").param("format", "pdf").with(as("reader", "READER")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/lists/" + LIST + "/export")
                        .param("format", "csv")
                        .param("version", "x")
                        .with(as("reader", "READER")))
                .andExpect(status().isBadRequest());
        assertThat(QUERY.requests()).isEmpty();
    }
}
