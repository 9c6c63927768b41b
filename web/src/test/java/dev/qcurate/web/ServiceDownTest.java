package dev.qcurate.web;

import dev.qcurate.web.services.SignedInUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Both services unreachable (nothing listens on port 9): a clear page-level message, never a stack trace. */
@SpringBootTest(properties = {"qcurate.web.command-url=http://127.0.0.1:9", "qcurate.web.query-url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
class ServiceDownTest {

    @Autowired
    MockMvc mvc;

    @Test
    void signingInWhileTheCommandServiceIsDownSaysSo() throws Exception {
        MvcResult failed = mvc.perform(post("/login")
                        .param("username", "editor")
                        .param("password", "x")
                        .with(csrf()))
                .andReturn();
        Document page = Jsoup.parse(mvc.perform(get("/login")
                        .session((MockHttpSession) failed.getRequest().getSession()))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[role=alert]").text()).contains("not answering");
        assertThat(page.select("input#username").val()).isEqualTo("editor");
    }

    @Test
    void aPageWhoseServiceIsDownShowsAnOutageMessage() throws Exception {
        SignedInUser user =
                new SignedInUser("reader", Set.of("READER"), "t", Instant.now().plusSeconds(60));
        MvcResult result = mvc.perform(get("/").with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority("ROLE_READER"))))))
                .andExpect(status().isServiceUnavailable())
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Not available right now");
        assertThat(page.select("[role=alert]").text()).contains("query-service is not answering");
        assertThat(page.select("a:containsOwn(Try again)").attr("href")).isEqualTo("/");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception");
    }
}
