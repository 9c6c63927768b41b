package dev.qcurate.web.question;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProposeQuestionPageTest extends PageTest {

    @Test
    void theFormHasTheContractsNamesAndAsksForSuggestionsWhileTyping() throws Exception {
        Document page = page(get("/questions/new").with(as("editor", "EDITOR")), status().isOk());

        Element question = labelled(page, "Question");
        assertThat(question.tagName()).isEqualTo("textarea");
        assertThat(question.attr("hx-post")).isEqualTo("/questions/suggestions");
        assertThat(question.attr("hx-trigger")).contains("input changed delay:250ms");
        assertThat(labelled(page, "Tags").attr("type")).isEqualTo("text");
        assertThat(page.select("button:containsOwn(Propose)")).hasSize(1);
        assertThat(page.select("section[aria-label=Possible duplicates]")).hasSize(1);
        assertThat(page.select("h1").text()).isEqualTo("Propose a question");
    }

    @Test
    void aReaderCannotOpenIt() throws Exception {
        mvc.perform(get("/questions/new").with(as("reader", "READER"))).andExpect(status().isForbidden());
    }

    @Test
    void suggestionsListTheCandidatesWithScoreLinkAndAWayToRewordOneInstead() throws Exception {
        QUERY.onJson("GET", "/api/duplicates", Fixtures.candidates());

        Document fragment = page(
                post("/questions/suggestions")
                        .param("text", "What is a decorator")
                        .param("tags", "python")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(as("editor", "EDITOR")),
                status().isOk());

        assertThat(param("/api/duplicates", "text")).isEqualTo("What is a decorator");
        assertThat(param("/api/duplicates", "limit")).isEqualTo("5");
        Element region = fragment.selectFirst("section[aria-label=Possible duplicates]");
        assertThat(region.select("a[href=/questions/" + Fixtures.OTHER + "]").text())
                .isEqualTo("What does a decorator do?");
        assertThat(region.text()).contains("score 87%", "likely duplicate", "score 41%");
        assertThat(fragment.select("a[href^=/questions/" + Fixtures.OTHER + "/reword]")
                        .attr("href"))
                .contains("text=What%20is%20a%20decorator");
        assertThat(fragment.select("html > body > main, header")).isEmpty(); // a fragment, not a page
    }

    @Test
    void fewerThanThreeLettersAskNothingAndLeaveTheRegionEmpty() throws Exception {
        Document fragment = page(
                get("/questions/suggestions").param("text", " a1 b 22 ").with(as("editor", "EDITOR")), status().isOk());

        assertThat(QUERY.requests()).isEmpty();
        assertThat(fragment.select("section[aria-label=Possible duplicates] a")).isEmpty();
        assertThat(fragment.text()).contains("at least 3 letters");
    }

    @Test
    void onlyTheFirst200CharactersAreLookedUp() throws Exception {
        QUERY.onJson("GET", "/api/duplicates", "[]");
        String text = "decorator ".repeat(100);

        Document fragment =
                page(form("/questions/suggestions", as("editor", "EDITOR")).param("text", text), status().isOk());

        assertThat(param("/api/duplicates", "text"))
                .hasSize(199)
                .isEqualTo(text.substring(0, 200).strip());
        assertThat(fragment.text()).contains("No similar questions found.");
    }

    @Test
    void aFailingLookUpStillLetsTheEditorPropose() throws Exception {
        QUERY.onProblem("GET", "/api/duplicates", 400, "text must not be blank");

        Document fragment = page(
                get("/questions/suggestions")
                        .param("text", "What is a decorator")
                        .with(as("editor", "EDITOR")),
                status().isOk());

        assertThat(fragment.text()).contains("cannot be looked up right now");
    }

    @Test
    void proposingSendsTextAndTagsAndOpensTheNewQuestion() throws Exception {
        COMMAND.on(
                "POST",
                "/api/questions",
                FakeService.Answer.json(
                                202,
                                "{\"questionId\":\"" + Fixtures.ID + "\",\"proposalId\":\"" + Fixtures.OTHER
                                        + "\",\"position\":7}")
                        .withHeader("X-Qcurate-Position", "7"));

        mvc.perform(proposal("  What is a decorator?  ", "python, Decorators , ,python"))
                .andExpect(redirectedUrl("/questions/" + Fixtures.ID))
                .andExpect(flash().attribute("notice", "Your question was proposed and waits for review."));

        FakeService.Request sent = COMMAND.last("POST", "/api/questions");
        assertThat(sent.body()).isEqualTo("{\"text\":\"What is a decorator?\",\"tags\":[\"python\",\"Decorators\"]}");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer token-editor");
    }

    /** The propose form as an editor sends it. */
    private static MockHttpServletRequestBuilder proposal(String text, String tags) {
        return form("/questions/new", as("editor", "EDITOR"))
                .param("text", text)
                .param("tags", tags);
    }

    @Test
    void anEmptyQuestionIsRefusedAndTheTagsAreKept() throws Exception {
        Document page = page(proposal("   ", "python, basics"), status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("The question is empty");
        assertThat(labelled(page, "Tags").val()).isEqualTo("python, basics");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void twentyThousandCharactersAreRefusedBeforeCallingAndKeptInTheForm() throws Exception {
        QUERY.onJson("GET", "/api/duplicates", "[]");
        String text = "x".repeat(19_990) + " decorator";

        Document page = page(proposal(text, "python"), status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("20,000 characters", "at most 1,000");
        assertThat(labelled(page, "Question").wholeText()).isEqualTo(text);
        assertThat(labelled(page, "Tags").val()).isEqualTo("python");
        assertThat(COMMAND.requests()).isEmpty();
        assertThat(param("/api/duplicates", "text")).isEqualTo("x".repeat(200));
    }

    @Test
    void tooManyOrTooLongTagsAreRefusedBeforeCalling() throws Exception {
        String tags = String.join(
                ",",
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList());

        Document page = page(proposal("What is a decorator?", tags));
        Document longTag = page(proposal("What is a decorator?", "y".repeat(41)));

        assertThat(page.select("[role=alert]").text()).contains("21 tags", "at most 20");
        assertThat(longTag.select("[role=alert]").text()).contains("longer than 40 characters");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void theServicesRefusalIsShownWithEverythingTyped() throws Exception {
        COMMAND.onProblem("POST", "/api/questions", 400, "invalid tag 'c++!!'");
        QUERY.onJson("GET", "/api/duplicates", Fixtures.candidates());

        Document page = page(proposal("What is a decorator?", "c++!!"), status().isOk());

        assertThat(page.select("[role=alert]").text()).contains("invalid tag 'c++!!'");
        assertThat(labelled(page, "Question").wholeText()).isEqualTo("What is a decorator?");
        assertThat(labelled(page, "Tags").val()).isEqualTo("c++!!");
        assertThat(page.select("section[aria-label=Possible duplicates] a").text())
                .contains("What does a decorator do?"); // the hints come back without JavaScript too
    }

    @Test
    void anEndedSessionStillEndsTheSession() throws Exception {
        COMMAND.onProblem("POST", "/api/questions", 401, "token expired");

        MvcResult result = mvc.perform(
                        form("/questions/new", as("editor", "EDITOR")).param("text", "What is a decorator?"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
    }

    /** A query parameter of the last GET {@code path} to the query service, decoded. */
    static String param(String path, String name) {
        FakeService.Request request = QUERY.last("GET", path);
        assertThat(request).as("a GET " + path).isNotNull();
        for (String pair : request.query().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
