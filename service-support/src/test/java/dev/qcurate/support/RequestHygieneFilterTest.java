package dev.qcurate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHygieneFilterTest {

    private final RequestHygieneFilter filter =
            new RequestHygieneFilter(DataSize.ofBytes(100), DataSize.ofBytes(1_000), new ObjectMapper());

    @Test
    void anOrdinaryRequestPassesUnchanged() throws Exception {
        MockHttpServletRequest request = get("/api/questions/7", "q=list");
        Outcome outcome = run(request);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.chain.getRequest()).isSameAs(request);
    }

    @Test
    void anUnknownMethodIs405NotTheContainers501() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("BREW", "/api/questions");
        Outcome outcome = run(request);
        assertThat(outcome.response.getStatus()).isEqualTo(405);
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void aControlCharacterInAQueryValueIs400NamingTheParameter() throws Exception {
        MockHttpServletRequest request = get("/api/questions", "q=a%00b");
        request.addParameter("q", "a\u0000b");
        Outcome outcome = run(request);
        assertThat(outcome.response.getStatus()).isEqualTo(400);
        assertThat(outcome.body()).contains("query parameter 'q' contains a control character (U+0000)");
        assertThat(outcome.response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void aBidiOverrideInThePathIs400() throws Exception {
        Outcome outcome = run(get("/api/lists/%E2%80%AEabc", null));
        assertThat(outcome.response.getStatus()).isEqualTo(400);
        assertThat(outcome.body()).contains("the path contains a bidirectional override character (U+202E)");
    }

    @Test
    void aBadlyEncodedPathIs400() throws Exception {
        Outcome outcome = run(get("/api/lists/%zz", null));
        assertThat(outcome.response.getStatus()).isEqualTo(400);
        assertThat(outcome.body()).contains("not validly URL-encoded");
    }

    @Test
    void aDeclaredJsonBodyOverTheLimitIs413BeforeAnythingReadsIt() throws Exception {
        MockHttpServletRequest request = post("application/json", new byte[101]);
        Outcome outcome = run(request);
        assertThat(outcome.response.getStatus()).isEqualTo(413);
        assertThat(outcome.body()).contains("101 bytes; at most 100");
    }

    @Test
    void documentsHaveTheirOwnLargerLimit() throws Exception {
        assertThat(run(post("text/markdown", new byte[999])).passed()).isTrue();
        assertThat(run(post("text/markdown", new byte[1_001])).response.getStatus())
                .isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithoutLengthIsCountedAndRefusedOverTheLimit() throws Exception {
        MockHttpServletRequest request = chunked(new byte[101]);
        assertThat(run(request).response.getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheChainIntact() throws Exception {
        byte[] body = "{\"text\":\"fine\"}".getBytes(StandardCharsets.UTF_8);
        Outcome outcome = run(chunked(body));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
    }

    private record Outcome(MockHttpServletResponse response, MockFilterChain chain) {
        boolean passed() {
            return chain.getRequest() != null;
        }

        String body() throws IOException {
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
    }

    private Outcome run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response, chain);
    }

    private static MockHttpServletRequest get(String uri, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setQueryString(query);
        return request;
    }

    private static MockHttpServletRequest post(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/questions");
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/questions") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body);
        return request;
    }
}
