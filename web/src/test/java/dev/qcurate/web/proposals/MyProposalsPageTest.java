package dev.qcurate.web.proposals;

import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MyProposalsPageTest extends PageTest {

    private static final UUID QUESTION = UUID.fromString("11111111-1111-1111-1111-111111111111");

    @Test
    void listsTheUsersProposalsNewestFirstWithStatusAndReason() throws Exception {
        QUERY.onJson(
                        "GET",
                        "/api/proposals",
                        "["
                                + String.join(
                                        ",",
                                        row(
                                                "REJECTED",
                                                "REWORDING",
                                                "{\"kind\":\"REWORDING\",\"text\":\"Reworded text\"}",
                                                "\"Unclear or ambiguous\"",
                                                "\"reviewer\""),
                                        row(
                                                "APPROVED",
                                                "TAG_CHANGE",
                                                "{\"kind\":\"TAG_CHANGE\",\"add\":[\"x\"]}",
                                                "null",
                                                "\"reviewer\""),
                                        row(
                                                "STALE",
                                                "RETIREMENT",
                                                "{\"kind\":\"RETIREMENT\"}",
                                                "\"made against revision 1, but the question is at revision 2\"",
                                                "\"reviewer\""),
                                        row(
                                                "PENDING",
                                                "NEW_QUESTION",
                                                "{\"kind\":\"NEW_QUESTION\",\"text\":\"Brand new?\"}",
                                                "null",
                                                "null"))
                                + "]")
                .onJson(
                        "GET",
                        "/api/questions/" + QUESTION,
                        "{\"questionId\":\"" + QUESTION + "\",\"text\":\"Current text\",\"revision\":2}");

        Document page = page(get("/proposals/mine").with(as("editor", "EDITOR")), status().isOk());

        assertThat(QUERY.last("GET", "/api/proposals").query())
                .contains("proposer=me", "sort=NEWEST")
                .doesNotContain("status=");
        assertThat(page.select("h1").text()).isEqualTo("My proposals");
        assertThat(page.select("tbody tr .status").eachText())
                .containsExactly("REJECTED", "APPLIED", "STALE", "PENDING");
        Element rejected = page.select("tbody tr").get(0);
        assertThat(rejected.text())
                .contains("Rewording", "Reworded text", "Reason: Unclear or ambiguous", "by reviewer");
        assertThat(rejected.select("a").attr("href")).isEqualTo("/questions/" + QUESTION);
        assertThat(page.select("tbody tr").get(1).text()).contains("Tag change", "Current text");
        assertThat(page.select("tbody tr").get(2).text()).contains("Stale: made against revision 1");
        assertThat(page.select("tbody tr").get(3).text()).contains("waiting for review");
        assertThat(page.select("label[for=status-filter]").text()).isEqualTo("Status");
    }

    @Test
    void filteringByAppliedAsksForApprovedAndABadStatusShowsAll() throws Exception {
        QUERY.onJson("GET", "/api/proposals", "[]");

        Document applied = page(get("/proposals/mine?status=APPLIED").with(as("editor", "EDITOR")));
        String appliedQuery = QUERY.last("GET", "/api/proposals").query();
        Document bogus = page(get("/proposals/mine?status=<b>").with(as("editor", "EDITOR")), status().isOk());

        assertThat(appliedQuery).contains("status=APPROVED");
        assertThat(applied.select("#status-filter option[selected]").text()).isEqualTo("APPLIED");
        assertThat(applied.text()).contains("None of your proposals is APPLIED.");
        assertThat(bogus.select("[role=status]").text()).contains("no status");
        assertThat(QUERY.last("GET", "/api/proposals").query()).doesNotContain("status=");
    }

    @Test
    void readersCannotOpenIt() throws Exception {
        assertThat(mvc.perform(get("/proposals/mine").with(as("reader", "READER")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theHomePageCountsWithoutFetchingTheProposals() throws Exception {
        QUERY.onJson("GET", "/api/lists", "[]")
                .onJson("GET", "/api/proposals/counts", "{\"total\":7,\"byType\":{\"NEW_QUESTION\":7}}");

        Document home = page(get("/").with(as("reviewer", "REVIEWER")));

        assertThat(home.text()).contains("7 pending");
        assertThat(QUERY.last("GET", "/api/proposals")).isNull();
    }

    private static String row(String status, String type, String payload, String reason, String decidedBy) {
        return """
                {"proposalId":"%s","type":"%s","status":"%s","questionId":"%s","proposer":"editor","payload":%s,
                 "duplicateCandidates":[],"requiredApprovals":1,"approvers":[],"decidedBy":%s,"reason":%s,
                 "createdAt":"2026-11-30T10:00:00Z","decidedAt":%s}""".formatted(
                        UUID.randomUUID(),
                        type,
                        status,
                        QUESTION,
                        payload,
                        decidedBy,
                        reason,
                        "null".equals(decidedBy) ? "null" : "\"2026-11-30T11:00:00Z\"");
    }
}
