package dev.qcurate.web.imports;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ImportPagesTest extends PageTest {

    static final String IMPORT = "1b000000-0000-4000-8000-000000000001";
    static final String LIST = "3f1c2a7e-0000-4000-8000-000000000001";
    static final String P1 = "1a000000-0000-4000-8000-000000000001";
    static final String P2 = "1a000000-0000-4000-8000-000000000002";
    static final String DOCUMENT = "# Python\n\n1. What is a decorator?\n2. Hi\n3. What is a generator?\n";

    /** What the command service answers to the upload and, kept, to {@code GET /api/imports/{id}}. */
    static String answer(boolean again) {
        return """
                {"importId":"%s","listId":"%s","list":"python basics","source":"python basics.md","proposed":2,
                 "duplicatesFlagged":1,"rejected":[{"line":4,"text":"Hi","reason":"a question has at least 5 characters"}],
                 "proposalIds":["%s","%s"],"alreadyImported":%s,"position":42}""".formatted(IMPORT, LIST, P1, P2, again);
    }

    /** The import form as an editor posts it, with its CSRF token; the document and list name follow. */
    private static MockMultipartHttpServletRequestBuilder upload() {
        MockMultipartHttpServletRequestBuilder request = multipart("/imports/new");
        request.with(as("editor", "EDITOR")).with(csrf());
        return request;
    }

    static MockMultipartFile document(String name, String content) {
        return new MockMultipartFile("document", name, "text/markdown", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFormHasTheContractsControls() throws Exception {
        Document page = page(get("/imports/new").with(as("editor", "EDITOR")), status().isOk());

        assertThat(page.select("label[for=document]").text()).isEqualTo("Document");
        assertThat(page.select("input#document").attr("type")).isEqualTo("file");
        assertThat(page.select("label[for=listName]").text()).isEqualTo("List name");
        assertThat(page.select("button").eachText()).contains("Import");
        assertThat(page.select("form[enctype=multipart/form-data]").attr("action"))
                .startsWith("/imports/new?_csrf=");
    }

    @Test
    void readersCannotImport() throws Exception {
        mvc.perform(get("/imports/new").with(as("reader", "READER"))).andExpect(status().isForbidden());
    }

    @Test
    void anImportSendsTheRawDocumentAndShowsItsOutcome() throws Exception {
        COMMAND.on("POST", "/api/imports", FakeService.Answer.json(202, answer(false)));
        COMMAND.onJson("GET", "/api/imports/" + IMPORT, answer(false));
        QUERY.onJson("GET", "/api/proposals", """
                [{"proposalId":"%s","type":"NEW_QUESTION","status":"PENDING","questionId":"9a000000-0000-4000-8000-000000000001",
                  "payload":{"kind":"NEW_QUESTION","text":"What is a decorator?","source":{"document":"python basics.md","line":3}},
                  "duplicateCandidates":[{"questionId":"9b000000-0000-4000-8000-000000000001","text":"What's a decorator?","score":0.91,"likelyDuplicate":true}],
                  "likelyDuplicate":true},
                 {"proposalId":"%s","type":"NEW_QUESTION","status":"PENDING","payload":{"text":"What is a generator?"},
                  "duplicateCandidates":[],"likelyDuplicate":false}]""".formatted(P1, P2));

        MvcResult posted = mvc.perform(
                        upload().file(document("python basics.md", DOCUMENT)).param("listName", ""))
                .andExpect(redirectedUrl("/imports/" + IMPORT))
                .andReturn();

        FakeService.Request sent = COMMAND.last("POST", "/api/imports");
        assertThat(java.net.URLDecoder.decode(sent.query(), StandardCharsets.UTF_8))
                .isEqualTo("source=python basics.md&list=python basics");
        assertThat(sent.header("Content-Type")).startsWith("text/markdown");
        assertThat(sent.body()).isEqualTo(DOCUMENT);

        Document page = page(get("/imports/" + IMPORT).with(as("editor", "EDITOR")), status().isOk());

        assertThat(page.select("[role=status]").text()).contains("Imported into the list python basics");
        assertThat(QUERY.last("GET", "/api/proposals").query()).contains("importId=" + IMPORT, "type=NEW_QUESTION");
        assertThat(page.select(".import-numbers").text())
                .contains("2 questions proposed", "1 flagged as likely duplicates", "1 line rejected");
        assertThat(page.select("[role=status]").text()).doesNotContain("Already imported");
        assertThat(page.select("article.flagged-item > h3").eachText()).containsExactly("Line 3: What is a decorator?");
        assertThat(page.select("article.flagged-item section[aria-label=Possible duplicates] a")
                        .text())
                .isEqualTo("What's a decorator?");
        assertThat(page.select("article.flagged-item").text()).contains("score 91%", "likely duplicate");
        assertThat(page.select("table.rejected-lines th").eachText()).containsExactly("Line", "Text", "Reason");
        assertThat(page.select("table.rejected-lines td").eachText())
                .containsExactly("4", "Hi", "a question has at least 5 characters");
        assertThat(page.select("a:containsOwn(Open the list)").attr("href")).isEqualTo("/lists/" + LIST);
        assertThat(page.select("a:containsOwn(Review this import)"))
                .as("editors cannot review")
                .isEmpty();

        // a reviewer opening the editor's link (another session) sees the same outcome
        Document reviewer = page(get("/imports/" + IMPORT).with(as("reviewer", "REVIEWER")), status().isOk());
        assertThat(reviewer.select(".import-numbers").text()).contains("2 questions proposed");
        assertThat(reviewer.select("a:containsOwn(Review this import)").attr("href"))
                .isEqualTo("/review?import=" + IMPORT);
    }

    @Test
    void aTypedListNameIsSent() throws Exception {
        COMMAND.on("POST", "/api/imports", FakeService.Answer.json(202, answer(false)));
        mvc.perform(upload().file(document("a.md", DOCUMENT)).param("listName", " Python Q&A "))
                .andExpect(status().is3xxRedirection());
        assertThat(java.net.URLDecoder.decode(
                        COMMAND.last("POST", "/api/imports").query(), StandardCharsets.UTF_8))
                .isEqualTo("source=a.md&list=Python Q&A");
    }

    @Test
    void aReImportSaysSoPlainly() throws Exception {
        COMMAND.on("POST", "/api/imports", FakeService.Answer.json(200, answer(true)));
        COMMAND.onJson(
                "GET",
                "/api/imports/" + IMPORT,
                answer(false).replace("\"position\":42", "\"position\":42,\"importedAt\":\"2026-12-01T09:05:30Z\""));
        QUERY.onJson("GET", "/api/proposals", "[]");

        mvc.perform(upload().file(document("python basics.md", DOCUMENT)))
                .andExpect(redirectedUrl("/imports/" + IMPORT + "?repeat=true"));
        Document page = page(get("/imports/" + IMPORT + "?repeat=true").with(as("editor", "EDITOR")));

        assertThat(page.select("[role=status]").text())
                .contains("Already imported", "nothing new was proposed", "imported before, on 2026-12-01 09:05 UTC");
        assertThat(page.select("#numbers-heading").text()).isEqualTo("At its first import");
    }

    @Test
    void anEmptyFileOrAWrongTypeIsRefusedWithTheListNameKept() throws Exception {
        Document empty =
                page(upload().file(document("empty.md", "")).param("listName", "My list"), status().isBadRequest());
        assertThat(empty.select("[role=alert]").text()).contains("“empty.md” is empty");
        assertThat(empty.select("input#listName").val()).isEqualTo("My list");

        Document pdf = page(
                upload().file(new MockMultipartFile(
                                "document", "bank.pdf", "application/pdf", new byte[] {37, 80, 68, 70}))
                        .param("listName", "My list"),
                status().isBadRequest());
        assertThat(pdf.select("[role=alert]").text()).contains("not a Markdown or plain-text document");
        assertThat(pdf.select("input#listName").val()).isEqualTo("My list");

        Document none = page(upload().param("listName", "My list"), status().isBadRequest());
        assertThat(none.select("[role=alert]").text()).contains("Choose a document");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void aDocumentOverOneMebibyteIsRefusedBeforeSending() throws Exception {
        Document page = page(
                upload().file(document("big.md", "1. What is it?\n".repeat(80_000)))
                        .param("listName", "Big"),
                status().isBadRequest());
        assertThat(page.select("[role=alert]").text()).contains("too large", "at most 1 MiB");
        assertThat(page.select("input#listName").val()).isEqualTo("Big");
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void theServicesRefusalsAreShownWithTheListNameKept() throws Exception {
        COMMAND.onProblem("POST", "/api/imports", 413, "the document is larger than 1 MiB");
        Document tooLarge =
                page(upload().file(document("a.md", DOCUMENT)).param("listName", "Kept"), status().isPayloadTooLarge());
        assertThat(tooLarge.select("[role=alert]").text()).contains("too large", "the document is larger than 1 MiB");
        assertThat(tooLarge.select("input#listName").val()).isEqualTo("Kept");

        COMMAND.onProblem("POST", "/api/imports", 400, "the document has no numbered questions to import");
        Document none =
                page(upload().file(document("a.md", "hello")).param("listName", "Kept"), status().isBadRequest());
        assertThat(none.select("[role=alert]").text()).contains("no numbered questions");
        assertThat(none.select("input#listName").val()).isEqualTo("Kept");
    }

    @Test
    void anUnknownImportIsA404() throws Exception {
        mvc.perform(get("/imports/" + IMPORT).with(as("editor", "EDITOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/imports/nonsense").with(as("editor", "EDITOR"))).andExpect(status().isNotFound());
    }

    @Test
    void anUploadOverTheMultipartLimitGetsTheFormWithAMessage() {
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var view = new UploadTooLarge()
                .tooLarge(new org.springframework.web.multipart.MaxUploadSizeExceededException(2_000_000), response);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(view.getViewName()).isEqualTo("imports/new");
        assertThat(((ImportForm) view.getModel().get("form")).error()).contains("too large", "at most 1 MiB");
    }
}
