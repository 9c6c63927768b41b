package dev.qcurate.web.lists;

import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultMatcher;

import static dev.qcurate.web.lists.ListPagesTest.LIST;
import static dev.qcurate.web.lists.ListPagesTest.Q1;
import static dev.qcurate.web.lists.ListPagesTest.aList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListDiffTest extends PageTest {

    static final String Q3 = "9a000000-0000-4000-8000-000000000003";

    @Test
    void theFourRegionsShowWhatChanged() throws Exception {
        aList();
        QUERY.onJson("GET", "/api/lists/" + LIST + "/diff", """
                {"listId":"%s","from":0,"to":2,
                 "added":[{"questionId":"%s","text":"What is a generator?","tags":["python"],"revision":1}],
                 "removed":[],
                 "reworded":[{"questionId":"%s","before":"What is decorator & why?","after":"What is a decorator & why?"}],
                 "merged":[{"sourceId":"%s","targetId":"%s"}]}""".formatted(LIST, Q3, Q1, Q3, Q1));

        Document page = diff("0", "2", status().isOk());

        assertThat(QUERY.last("GET", "/api/lists/" + LIST + "/diff").query()).isEqualTo("from=0&to=2");
        assertThat(region(page, "Added").select("a").text()).isEqualTo("What is a generator?");
        assertThat(region(page, "Removed").text()).contains("Nothing removed");
        Element reworded = region(page, "Reworded");
        assertThat(reworded.select("ins").text()).isEqualTo("added: a");
        assertThat(reworded.select(".word-diff").html()).contains("&amp; why?").doesNotContain("& why");
        Element merged = region(page, "Merged");
        assertThat(merged.select("a").eachAttr("href")).containsExactly("/questions/" + Q3, "/questions/" + Q1);
        assertThat(merged.text()).contains("merged into", "What is a decorator?");
        assertThat(labelled(page, "From version").select("option[selected]").val())
                .isEqualTo("0");
        assertThat(labelled(page, "To version").select("option[selected]").val())
                .isEqualTo("2");
        assertThat(page.select("button:containsOwn(Compare)")).hasSize(1);
    }

    @Test
    void withoutVersionsItComparesTheLatestWithTheOneBefore() throws Exception {
        aList();
        QUERY.onJson("GET", "/api/lists/" + LIST + "/diff", """
                {"from":1,"to":2,"added":[],"removed":[],"reworded":[],"merged":[]}""");

        Document page = page(get("/lists/" + LIST + "/diff").with(as("reader", "READER")), status().isOk());

        assertThat(QUERY.last("GET", "/api/lists/" + LIST + "/diff").query()).isEqualTo("from=1&to=2");
        assertThat(page.select("section[aria-label]").eachAttr("aria-label"))
                .containsExactly("Added", "Removed", "Reworded", "Merged");
        assertThat(page.select("section[aria-label] .hint").eachText())
                .containsExactly("Nothing added.", "Nothing removed.", "Nothing reworded.", "Nothing merged.");
    }

    @Test
    void badVersionsAre400AndUnknownOnes404() throws Exception {
        mvc.perform(get("/lists/" + LIST + "/diff").param("from", "one").with(as("reader", "READER")))
                .andExpect(status().isBadRequest());
        aList();
        QUERY.onProblem("GET", "/api/lists/" + LIST + "/diff", 404, "list has versions 0 to 2, not 7");
        Document page = diff("1", "7", status().isNotFound());
        assertThat(page.select("[role=alert]").text()).contains("not 7");
    }

    /** The diff page a reader asks for between versions {@code from} and {@code to}. */
    private Document diff(String from, String to, ResultMatcher expected) throws Exception {
        return page(
                get("/lists/" + LIST + "/diff")
                        .param("from", from)
                        .param("to", to)
                        .with(as("reader", "READER")),
                expected);
    }

    static Element region(Document page, String name) {
        return page.selectFirst("section[aria-label=" + name + "]");
    }
}
