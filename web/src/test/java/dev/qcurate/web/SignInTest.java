package dev.qcurate.web;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignInTest extends PageTest {

    @Test
    void signingInKeepsTheTokenOnTheServerAndSendsItToTheServices() throws Exception {
        COMMAND.onJson(
                "POST",
                "/api/auth/token",
                "{\"accessToken\":\"secret-token\",\"tokenType\":\"Bearer\",\"expiresIn\":3600,\"roles\":[\"EDITOR\"]}");
        QUERY.onJson("GET", "/api/lists", "[]").onJson("GET", "/api/proposals/counts", "{\"total\":0,\"byType\":{}}");

        MvcResult signIn = mvc.perform(signIn("editor", "pw"))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(signIn.getResponse().getHeaders("Set-Cookie")).noneMatch(c -> c.contains("secret-token"));
        assertThat(COMMAND.last("POST", "/api/auth/token").body()).contains("\"username\":\"editor\"");

        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession();
        Document home = page(get("/").session(session), status().isOk());
        assertThat(QUERY.last("GET", "/api/lists").header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(home.select("a:containsOwn(Propose a question)")).hasSize(2);
        assertThat(home.select("a:containsOwn(Review queue)")).isEmpty();
        assertThat(home.select("button:containsOwn(Sign out)")).hasSize(1);
    }

    @Test
    void aWrongPasswordSaysInvalidAndKeepsTheUsername() throws Exception {
        COMMAND.onProblem("POST", "/api/auth/token", 401, "bad credentials");

        MvcResult failed = mvc.perform(signIn("editor", "wrong"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        Document page =
                page(get("/login").session((MockHttpSession) failed.getRequest().getSession()));

        assertThat(page.select("[role=alert]").text()).contains("Invalid");
        assertThat(page.select("input#username").val()).isEqualTo("editor");
        assertThat(page.select("input#password").val()).isEmpty();
    }

    @Test
    void aLockedOutUserIsToldWhenToTryAgain() throws Exception {
        COMMAND.on(
                "POST",
                "/api/auth/token",
                FakeService.Answer.problem(429, "too many").withHeader("Retry-After", "42"));

        MvcResult failed = mvc.perform(signIn("editor", "x")).andReturn();
        Document page =
                page(get("/login").session((MockHttpSession) failed.getRequest().getSession()));

        assertThat(page.select("[role=alert]").text()).contains("Try again in 42 s");
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        mvc.perform(get("/lists"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "editor").param("password", "pw"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFormFromAnEarlierSessionIsExplainedNotBlamedOnRoles() throws Exception {
        mvc.perform(post("/questions/new")
                        .param("text", "What is a closure?")
                        .with(as("editor", "EDITOR"))
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));

        MvcResult page = mvc.perform(post("/forbidden")
                        .with(as("editor", "EDITOR"))
                        .with(csrf())
                        .requestAttr(WebAttributes.ACCESS_DENIED_403, new MissingCsrfTokenException("stale")))
                .andReturn();

        assertThat(html(page).select("[role=alert]").text())
                .contains("out of date")
                .doesNotContain("role");
    }

    @Test
    void aPageTheRolesDoNotAllowSaysSo() throws Exception {
        mvc.perform(get("/review").with(as("reader", "READER")))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));

        MvcResult page =
                mvc.perform(get("/forbidden").with(as("reader", "READER"))).andReturn();

        assertThat(html(page).select("[role=alert]").text()).contains("does not have the role");
    }
}
