package dev.qcurate.web.question;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.qcurate.web.question.Fixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Revert to this revision" on the question page, its confirmation with the diff, and the proposal it sends. */
class RevertPageTest extends PageTest {

    /** ACTIVE at revision 3: proposed, accepted, reworded, then re-tagged by a tag rename. */
    private static String question() {
        return Fixtures.question(
                ID,
                "What is a Python decorator?",
                "ACTIVE",
                3,
                List.of("python"),
                null,
                step(1, "PROPOSED", "What is a decorator?", "PROPOSED", "[\"py\"]", null),
                step(1, "ACCEPTED", "What is a decorator?", "ACTIVE", "[\"py\"]", null),
                step(2, "REWORDED", "What is a Python decorator?", "ACTIVE", "[\"py\"]", "REWORDING"),
                step(3, "TAGS_CHANGED", "What is a Python decorator?", "ACTIVE", "[\"python\"]", "TAG_RENAME"));
    }

    private static String step(int revision, String event, String text, String status, String tags, String type) {
        return """
                {"revision":%d,"event":"%s","text":"%s","status":"%s","at":"2026-11-2%dT10:00:00Z","actor":"editor",
                 "proposalId":null,"tags":%s,"proposalType":%s}""".formatted(revision, event, text, status, revision, tags, type == null ? "null" : "\"" + type + "\"");
    }

    @Test
    void eachEarlierRevisionOffersOneRevertButtonAndTheHistorySaysWhatCausedAChange() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, question());
        QUERY.onJson("GET", "/api/questions/" + ID + "/duplicates", "[]");
        QUERY.onJson("GET", "/api/proposals", "[]");

        Document page = page(get("/questions/" + ID).with(as("editor", "EDITOR")), status().isOk());

        var rows = page.select("section.history tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).select("button:containsOwn(Revert to this revision)"))
                .as("not the last step of 1")
                .isEmpty();
        assertThat(rows.get(1).select("button:containsOwn(Revert to this revision)"))
                .hasSize(1);
        assertThat(rows.get(1).select("input[name=revision]").val()).isEqualTo("1");
        assertThat(rows.get(2).select("button:containsOwn(Revert to this revision)"))
                .hasSize(1);
        assertThat(rows.get(3).select("button")).as("the current revision").isEmpty();
        assertThat(rows.get(3).text()).contains("(tag rename)");
    }

    @Test
    void readersSeeNoRevertButtons() throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, question());
        QUERY.onJson("GET", "/api/questions/" + ID + "/duplicates", "[]");

        Document page = page(get("/questions/" + ID).with(as("reader", "READER")), status().isOk());

        assertThat(page.select("button:containsOwn(Revert to this revision)")).isEmpty();
    }

    @Test
    void theConfirmationShowsTheWordDiffAgainstTheCurrentTextAndTheTagChange() throws Exception {
        Document page = confirmation("1");

        assertThat(page.select("h1").text()).isEqualTo("Revert to revision 1");
        assertThat(page.select(".diff-inline del").text()).contains("Python");
        assertThat(page.select(".chip-added").text()).contains("py");
        assertThat(page.select(".chip-removed").text()).contains("python");
        assertThat(page.select("input[name=toRevision]").val()).isEqualTo("1");
        assertThat(page.select("input[name=baseRevision]").val()).isEqualTo("3");
        assertThat(page.select("button:containsOwn(Propose revert)")).hasSize(1);
    }

    @Test
    void aRevisionThatDoesNotExistOffersNoButton() throws Exception {
        Document page = confirmation("7");

        assertThat(page.select("[role=alert]").text()).contains("no earlier revision 7");
        assertThat(page.select("button:containsOwn(Propose revert)")).isEmpty();
    }

    /** The confirmation an editor sees for reverting the question to {@code revision}. */
    private Document confirmation(String revision) throws Exception {
        QUERY.onJson("GET", "/api/questions/" + ID, question());
        return page(
                get("/questions/" + ID + "/revert").param("revision", revision).with(as("editor", "EDITOR")),
                status().isOk());
    }

    @Test
    void aRevertIsSentWithItsRevisionsAndSaysItWaitsForReview() throws Exception {
        COMMAND.on(
                "POST",
                "/api/questions/" + ID + "/reverts",
                FakeService.Answer.json(
                        202, "{\"proposalId\":\"44444444-4444-4444-4444-444444444444\",\"position\":9}"));

        mvc.perform(form("/questions/" + ID + "/revert", as("editor", "EDITOR"))
                        .param("toRevision", "1")
                        .param("baseRevision", "3"))
                .andExpect(redirectedUrl("/questions/" + ID))
                .andExpect(flash().attribute("notice", "Your revert to revision 1 was proposed and waits for review."));

        assertThat(COMMAND.last("POST", "/api/questions/" + ID + "/reverts").body())
                .isEqualTo("{\"toRevision\":1,\"baseRevision\":3}");
    }

    @Test
    void aRefusedRevertShowsTheServicesReason() throws Exception {
        COMMAND.onProblem(
                "POST",
                "/api/questions/" + ID + "/reverts",
                409,
                "the question is at revision 4, but the change was made against revision 3");
        QUERY.onJson("GET", "/api/questions/" + ID, question());

        Document page = page(
                form("/questions/" + ID + "/revert", as("editor", "EDITOR"))
                        .param("toRevision", "1")
                        .param("baseRevision", "3"),
                status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("made against revision 3");
    }

    @Test
    void readersCannotProposeReverts() throws Exception {
        mvc.perform(form("/questions/" + ID + "/revert", as("reader", "READER"))
                        .param("toRevision", "1")
                        .param("baseRevision", "3"))
                .andExpect(status().isForbidden());
        assertThat(COMMAND.requests()).isEmpty();
    }
}
