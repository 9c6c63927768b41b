package dev.qcurate.web.proposals;

import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProposalPageTest extends PageTest {

    private static final UUID PROPOSAL = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID QUESTION = UUID.fromString("11111111-1111-1111-1111-111111111111");

    private static String detail(String status, String claim, String conversation, String revisions) {
        return """
                {"proposal":{"proposalId":"%s","type":"REWORDING","status":"%s","questionId":"%s",
                 "proposer":"editor","payload":{"kind":"REWORDING","questionId":"%s","text":"What is a monad, exactly?",
                 "baseRevision":1},"requiredApprovals":1,"approvers":[],"createdAt":"2026-12-01T10:00:00Z",
                 "claim":%s,"revision":2,"comments":1},
                 "conversation":%s,"revisions":%s}""".formatted(PROPOSAL, status, QUESTION, QUESTION, claim, conversation, revisions);
    }

    private static final String CONVERSATION = """
            [{"kind":"CHANGES_REQUESTED","author":"reviewer",
              "text":"Say **which** <script>alert(1)</script> [x](javascript:alert(1))","at":"2026-12-01T10:05:00Z"}]""";
    private static final String REVISIONS = """
            [{"revision":2,"amendedBy":"editor","previous":{"kind":"REWORDING","text":"What is a monad?"},
              "change":{"kind":"REWORDING","text":"What is a monad, exactly?"},"at":"2026-12-01T10:06:00Z"}]""";

    private void answers(String status, String claim) {
        QUERY.onJson("GET", "/api/proposals/" + PROPOSAL, detail(status, claim, CONVERSATION, REVISIONS))
                .onJson(
                        "GET",
                        "/api/questions/" + QUESTION,
                        "{\"questionId\":\"" + QUESTION + "\",\"text\":\"What is a monad?\",\"revision\":1}");
    }

    private Document page(String user, String role) throws Exception {
        return page(get("/proposals/{id}", PROPOSAL).with(as(user, role)), status().isOk());
    }

    @Test
    void showsTheClaimTheConversationSafelyAndTheAmendmentDiff() throws Exception {
        answers("PENDING", "{\"holder\":\"reviewer2\",\"expiresAt\":\"2026-12-01T10:15:00Z\"}");

        Document page = page("reviewer", "REVIEWER");

        assertThat(page.select(".claim-holder").text()).contains("Held by reviewer2 until 2026-12-01 10:15 UTC");
        assertThat(page.select(".claim button").eachText()).containsExactly("Take over from reviewer2");
        assertThat(page.select(".claim form input[name=takeOver]").val()).isEqualTo("true");
        var body = page.select(".comment-body").first();
        assertThat(body.select("strong").text()).isEqualTo("which");
        assertThat(body.select("script")).as("HTML in a comment is escaped").isEmpty();
        assertThat(body.text()).contains("<script>alert(1)</script>");
        assertThat(body.select("a").attr("href"))
                .as("javascript: URLs are dropped")
                .doesNotContain("javascript");
        assertThat(page.select(".comment .badge").text()).isEqualTo("requested changes");
        assertThat(page.select(".amendment-list h3").text()).contains("Revision 2 by editor");
        assertThat(page.select(".amendment-list ins").text()).contains("exactly");
        assertThat(page.select("label[for=comment-text]").text()).isEqualTo("Comment");
        assertThat(page.select("label[for=change-request-text]").text()).isEqualTo("What should change");
        assertThat(page.select("form.amend-form"))
                .as("only the proposer amends")
                .isEmpty();
    }

    @Test
    void aReviewerWithoutClaimClaimsAndTheHolderReleases() throws Exception {
        answers("PENDING", "null");
        assertThat(page("reviewer", "REVIEWER").select(".claim button").eachText())
                .containsExactly("Claim");

        answers("PENDING", "{\"holder\":\"reviewer\",\"expiresAt\":\"2026-12-01T10:15:00Z\"}");
        assertThat(page("reviewer", "REVIEWER").select(".claim button").eachText())
                .containsExactly("Renew claim", "Release");
    }

    @Test
    void claimingPostsToTheCommandServiceAndReturnsToTheQueueWhenAskedFrom() throws Exception {
        COMMAND.onJson("POST", "/api/proposals/" + PROPOSAL + "/claim", "{\"position\":5}");

        mvc.perform(form("/proposals/" + PROPOSAL + "/claim", as("reviewer", "REVIEWER"))
                        .param("takeOver", "true")
                        .param("from", "review"))
                .andExpect(redirectedUrl("/review"));

        assertThat(COMMAND.last("POST", "/api/proposals/" + PROPOSAL + "/claim").body())
                .contains("\"takeOver\":true");
    }

    @Test
    void aRefusedClaimShowsTheServicesWords() throws Exception {
        answers("APPROVED", "null");
        COMMAND.onProblem(
                "POST",
                "/api/proposals/" + PROPOSAL + "/claim",
                409,
                "proposal is APPROVED, no longer open for review");

        Document page =
                page(form("/proposals/" + PROPOSAL + "/claim", as("reviewer", "REVIEWER")), status().isConflict());

        assertThat(page.select("[role=alert]").text()).contains("proposal is APPROVED, no longer open for review");
    }

    @Test
    void aTooLongCommentIsRefusedHereAndKeptInTheForm() throws Exception {
        answers("PENDING", "null");
        String text = "y".repeat(100_000);

        Document page = page(
                form("/proposals/" + PROPOSAL + "/comments", as("reviewer", "REVIEWER"))
                        .param("text", text),
                status().is(422));

        assertThat(page.select("[role=alert]").text()).contains("100000 characters");
        assertThat(page.select("#comment-text").text()).hasSize(100_000);
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void commentingPostsTheTextAndComesBack() throws Exception {
        COMMAND.onJson("POST", "/api/proposals/" + PROPOSAL + "/comments", "{\"position\":6}");

        MvcResult done = mvc.perform(form("/proposals/" + PROPOSAL + "/comments", as("editor", "EDITOR"))
                        .param("text", " Why *so*? "))
                .andExpect(redirectedUrl("/proposals/" + PROPOSAL))
                .andReturn();

        assertThat(COMMAND.last("POST", "/api/proposals/" + PROPOSAL + "/comments")
                        .body())
                .contains("\"text\":\"Why *so*?\"");
        assertThat(done.getFlashMap().get("notice")).asString().contains("comment was added");
    }

    @Test
    void theProposerAmendsASentBackProposalAndSeesTheRefusalWithTheirText() throws Exception {
        answers("CHANGES_REQUESTED", "null");
        Document page = page("editor", "EDITOR");
        assertThat(page.select(".status").text()).isEqualTo("CHANGES REQUESTED");
        assertThat(page.select("label[for=amend-text]").text()).isEqualTo("New proposed text");
        assertThat(page.select("#amend-text").text()).isEqualTo("What is a monad, exactly?");
        assertThat(page.select("form[action$=/request-changes]"))
                .as("not on one's own proposal")
                .isEmpty();

        COMMAND.onProblem(
                "POST", "/api/proposals/" + PROPOSAL + "/amendments", 400, "the question already has this text");
        Document refused = page(
                form("/proposals/" + PROPOSAL + "/amend", as("editor", "EDITOR"))
                        .param("text", "What is a monad?"),
                status().isBadRequest());

        assertThat(refused.select("[role=alert]").text()).contains("the question already has this text");
        assertThat(refused.select("#amend-text").text()).isEqualTo("What is a monad?");
        assertThat(COMMAND.last("POST", "/api/proposals/" + PROPOSAL + "/amendments")
                        .body())
                .contains("\"text\":\"What is a monad?\"");
    }

    @Test
    void theProposerAmendsANewQuestionsTextAndTagsAndSeesBothCompared() throws Exception {
        QUERY.onJson("GET", "/api/proposals/" + PROPOSAL, """
                {"proposal":{"proposalId":"%s","type":"NEW_QUESTION","status":"PENDING","questionId":"%s",
                 "proposer":"editor","payload":{"kind":"NEW_QUESTION","questionId":"%s","text":"What is a functor?",
                 "tags":["fp","haskell"]},"requiredApprovals":1,"approvers":[],"createdAt":"2026-12-01T10:00:00Z",
                 "claim":null,"revision":2,"comments":0},
                 "conversation":[],
                 "revisions":[{"revision":2,"amendedBy":"editor",
                   "previous":{"kind":"NEW_QUESTION","text":"What is a monad?","tags":["fp"]},
                   "change":{"kind":"NEW_QUESTION","text":"What is a functor?","tags":["fp","haskell"]},
                   "at":"2026-12-01T10:06:00Z"}]}""".formatted(PROPOSAL, QUESTION, QUESTION))
                .onJson(
                        "GET",
                        "/api/questions/" + QUESTION,
                        "{\"questionId\":\"" + QUESTION + "\",\"text\":\"What is a functor?\",\"revision\":1}");
        Document page = page("editor", "EDITOR");
        assertThat(page.select("#amend-text").text()).isEqualTo("What is a functor?");
        assertThat(page.select("label[for=amend-add]").text()).isEqualTo("Tags to add");
        assertThat(page.select(".amendment-list ins").text()).contains("functor");
        assertThat(page.select(".amendment-list .tag-added").text()).contains("haskell");

        COMMAND.onJson("POST", "/api/proposals/" + PROPOSAL + "/amendments", "{\"position\":7}");
        mvc.perform(form("/proposals/" + PROPOSAL + "/amend", as("editor", "EDITOR"))
                        .param("text", "What is a functor in Haskell?")
                        .param("add", "typeclasses")
                        .param("remove", "fp"))
                .andExpect(redirectedUrl("/proposals/" + PROPOSAL));
        assertThat(COMMAND.last("POST", "/api/proposals/" + PROPOSAL + "/amendments")
                        .body())
                .contains(
                        "\"text\":\"What is a functor in Haskell?\"",
                        "\"add\":[\"typeclasses\"]",
                        "\"remove\":[\"fp\"]");
    }

    @Test
    void formsFromAFilteredQueueGoBackToItAndNowhereElse() throws Exception {
        COMMAND.onJson("POST", "/api/proposals/" + PROPOSAL + "/claim", "{\"position\":3}");
        mvc.perform(form("/proposals/" + PROPOSAL + "/claim", as("reviewer", "REVIEWER"))
                        .param("from", "/review?tag=py&page=2"))
                .andExpect(redirectedUrl("/review?tag=py&page=2"));
        for (String elsewhere : new String[] {"https://example.com/review", "//example.com", "/reviewer", "/admin"}) {
            mvc.perform(form("/proposals/" + PROPOSAL + "/claim", as("reviewer", "REVIEWER"))
                            .param("from", elsewhere))
                    .andExpect(redirectedUrl("/proposals/" + PROPOSAL));
        }
    }

    @Test
    void readersCannotOpenIt() throws Exception {
        mvc.perform(get("/proposals/{id}", PROPOSAL).with(as("reader", "READER")))
                .andExpect(status().isForbidden());
    }
}
