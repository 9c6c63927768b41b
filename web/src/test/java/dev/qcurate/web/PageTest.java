package dev.qcurate.web;

import dev.qcurate.web.services.SignedInUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the page and fragment tests: the whole web application over MockMvc, with both services replaced by
 * {@link FakeService}s on loopback ports (real HTTP, canned answers), and jsoup to read the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PageTest {

    protected static final FakeService COMMAND = new FakeService();
    protected static final FakeService QUERY = new FakeService();

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("qcurate.web.command-url", COMMAND::url);
        registry.add("qcurate.web.query-url", QUERY::url);
    }

    @BeforeEach
    void resetServices() {
        COMMAND.reset();
        QUERY.reset();
    }

    /** Signed in as {@code username} with {@code roles} and token {@code token-<username>}. */
    protected static RequestPostProcessor as(String username, String... roles) {
        SignedInUser user = new SignedInUser(
                username, Set.of(roles), "token-" + username, Instant.now().plusSeconds(3600));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                Arrays.stream(roles)
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList()));
    }

    /** The control whose {@code <label for>} reads exactly {@code label}. */
    protected static Element labelled(Document page, String label) {
        Element forLabel = page.select("label").stream()
                .filter(l -> l.text().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no label " + label));
        return page.getElementById(forLabel.attr("for"));
    }

    /** A form as the browser posts it: by {@code user}, with its CSRF token; its fields follow as params. */
    protected static MockHttpServletRequestBuilder form(String path, RequestPostProcessor user) {
        return post(path).with(user).with(csrf());
    }

    /** The page {@code request} answers, once the answer met every one of {@code expected}. */
    protected Document page(RequestBuilder request, ResultMatcher... expected) throws Exception {
        return html(answer(request, expected));
    }

    /** The part of a page {@code request} answers (an htmx swap), once the answer met every one of {@code expected}. */
    protected Document fragment(RequestBuilder request, ResultMatcher... expected) throws Exception {
        return Jsoup.parseBodyFragment(answer(request, expected).getResponse().getContentAsString());
    }

    /** The sign-in form as the browser posts it, with its CSRF token. */
    protected static MockHttpServletRequestBuilder signIn(String username, String password) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf());
    }

    private MvcResult answer(RequestBuilder request, ResultMatcher... expected) throws Exception {
        ResultActions answer = mvc.perform(request);
        for (ResultMatcher expectation : expected) {
            answer.andExpect(expectation);
        }
        return answer.andReturn();
    }

    protected static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
