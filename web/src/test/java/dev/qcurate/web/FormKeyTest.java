package dev.qcurate.web;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A form sent twice with the same content is one command for the service (Idempotency-Key), another content another. */
class FormKeyTest extends PageTest {

    private static final String KEY = "0b5f7c3e-1f6a-4d3b-9c1e-2a6f0e4d8b71";

    @Test
    void everyPostFormCarriesAFreshFormKeyAndGetFormsNone() throws Exception {
        QUERY.onJson("GET", "/api/proposals/counts", "{\"total\":0,\"byType\":{}}");
        Document first = page(get("/questions/new").with(as("editor", "EDITOR")));
        Document second = page(get("/questions/new").with(as("editor", "EDITOR")));

        String key = first.select("form[method=post] input[name=_formKey]").val();
        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(second.select("form[method=post] input[name=_formKey]").val())
                .isNotEqualTo(key);
        assertThat(first.select("form[method=post] input[name=_csrf]")).isNotEmpty();
    }

    @Test
    void theSameFormSentTwiceIsOneKeyAndOtherContentAnother() throws Exception {
        COMMAND.onJson(
                "POST",
                "/api/questions",
                "{\"questionId\":\"9a000000-0000-4000-8000-000000000001\","
                        + "\"proposalId\":\"9b000000-0000-4000-8000-000000000001\",\"position\":7}");

        String once = propose("What is a metaclass?");
        String again = propose("What is a metaclass?");
        String other = propose("What is a descriptor?");

        assertThat(once).isNotNull().hasSize(64);
        assertThat(again).isEqualTo(once);
        assertThat(other).isNotEqualTo(once);
        mvc.perform(form("/questions/new", as("editor", "EDITOR")).param("text", "What is a slot?"));
        assertThat(COMMAND.last("POST", "/api/questions").header("Idempotency-Key"))
                .as("no form key, no key")
                .isNull();
    }

    private String propose(String text) throws Exception {
        mvc.perform(form("/questions/new", as("editor", "EDITOR"))
                .param("text", text)
                .param("tags", "python")
                .param("_formKey", KEY));
        return COMMAND.last("POST", "/api/questions").header("Idempotency-Key");
    }
}
