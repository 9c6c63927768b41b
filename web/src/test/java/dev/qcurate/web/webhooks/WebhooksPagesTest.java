package dev.qcurate.web.webhooks;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class WebhooksPagesTest extends PageTest {

    static final String ID = "926c70f5-f7f6-44b9-aa01-64a6bbdad6fc";
    static final String DELIVERY = "28f4a4d0-719a-464a-bf5b-469d30574ba8";
    static final String ENDPOINT = """
            {"id":"%s","url":"https://hooks.example.org/qcurate","events":["proposal.decided","release.published"],
             "description":"CI","createdBy":"admin","createdAt":"2026-12-01T23:00:00Z"}""".formatted(ID);
    static final String DELIVERIES = """
            [{"id":"%s","endpointId":"%s","eventId":"e1","event":"proposal.decided","position":29,"state":"FAILED",
              "attempts":2,"createdAt":"2026-12-01T23:22:53Z","history":[
                {"attempt":1,"startedAt":"2026-12-01T23:22:54Z","durationMs":7,"error":"ConnectException"},
                {"attempt":2,"startedAt":"2026-12-01T23:22:55Z","durationMs":31,"status":503,
                 "responseExcerpt":"<h1>down for maintenance</h1>","error":"answered 503"}]},
             {"id":"00000000-0000-0000-0000-000000000002","endpointId":"%s","eventId":"e2","event":"proposal.decided",
              "position":31,"state":"PENDING","attempts":0,"nextAttemptAt":"2026-12-01T23:30:00Z",
              "createdAt":"2026-12-01T23:29:59Z","history":[]}]""".formatted(DELIVERY, ID, ID);

    @Test
    void onlyAdminsOpenTheWebhookPages() throws Exception {
        mvc.perform(get("/admin/webhooks").with(as("reviewer", "REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(form("/admin/webhooks", as("editor", "EDITOR"))
                        .param("url", "https://x.example")
                        .param("events", "proposal.decided"))
                .andExpect(status().isForbidden());
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void theListShowsEachEndpointAndALabelledForm() throws Exception {
        COMMAND.onJson("GET", "/api/admin/webhooks", "[" + ENDPOINT + "]");

        Document page = page(get("/admin/webhooks").with(as("admin", "ADMIN")), status().isOk());

        assertThat(COMMAND.last("GET", "/api/admin/webhooks").header("Authorization"))
                .isEqualTo("Bearer token-admin");
        Element link = page.selectFirst("tbody th a");
        assertThat(link.text()).isEqualTo("https://hooks.example.org/qcurate");
        assertThat(link.attr("href")).isEqualTo("/admin/webhooks/" + ID);
        assertThat(page.select("tbody td").first().text()).isEqualTo("proposal.decided, release.published");
        assertThat(page.select("label[for=endpoint-url]").text()).isEqualTo("URL");
        assertThat(page.select("label[for=endpoint-description]").text()).isEqualTo("Description");
        assertThat(page.select(".new-endpoint legend").text()).isEqualTo("Events");
        assertThat(page.select(".new-endpoint input[type=checkbox]").eachAttr("value"))
                .containsExactly("proposal.decided", "release.published", "list.version-published");
        for (Element box : page.select(".new-endpoint input[type=checkbox]")) {
            assertThat(page.select("label[for=" + box.id() + "]").text()).isNotBlank();
        }
        assertThat(page.select("button:containsOwn(Add endpoint)")).hasSize(1);
        assertThat(page.select("script:not([src])"))
                .as("no inline script (CSP)")
                .isEmpty();
        assertThat(page.select("[style]")).as("no inline style (CSP)").isEmpty();
        assertThat(page.select("nav a").eachText()).contains("Webhooks");
    }

    @Test
    void addingAnEndpointShowsItsSecretOnceAfterTheRedirect() throws Exception {
        COMMAND.on(
                "POST",
                "/api/admin/webhooks",
                FakeService.Answer.json(
                        201,
                        "{\"id\":\"" + ID
                                + "\",\"url\":\"https://hooks.example.org/qcurate\",\"secret\":\"whsec_abc123\"}"));
        COMMAND.onJson("GET", "/api/admin/webhooks", "[" + ENDPOINT + "]");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/admin/webhooks")
                        .param("url", " https://hooks.example.org/qcurate ")
                        .param("events", "proposal.decided", "release.published")
                        .param("description", "CI")
                        .session(session)
                        .with(as("admin", "ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attributeExists("newSecret"));

        assertThat(COMMAND.last("POST", "/api/admin/webhooks").body())
                .isEqualTo(
                        "{\"url\":\"https://hooks.example"
                                + ".org/qcurate\",\"events\":[\"proposal.decided\",\"release.published\"],\"description\":\"CI\"}");
        Document page = page(get("/admin/webhooks").session(session).with(as("admin", "ADMIN")), status().isOk());
        assertThat(page.select("input#new-secret").val()).isEqualTo("whsec_abc123");
        assertThat(page.select("label[for=new-secret]").text()).isEqualTo("Signing secret");
        assertThat(page.select(".new-secret").text()).contains("shown only this once");

        Document again = page(get("/admin/webhooks").session(session).with(as("admin", "ADMIN")), status().isOk());
        assertThat(again.html()).doesNotContain("whsec_abc123");
    }

    @Test
    void aRefusedUrlShowsTheServicesDetailAndKeepsWhatWasTyped() throws Exception {
        COMMAND.onJson("GET", "/api/admin/webhooks", "[]");
        COMMAND.onProblem(
                "POST",
                "/api/admin/webhooks",
                400,
                "the host of 'url' resolves to a link-local address (e.g. a cloud metadata service)");

        Document page = page(
                form("/admin/webhooks", as("admin", "ADMIN"))
                        .param("url", "http://169.254.169.254/")
                        .param("events", "release.published")
                        .param("description", "metadata?"),
                status().isBadRequest());

        assertThat(page.select(".new-endpoint [role=alert]").text()).contains("link-local");
        assertThat(page.select("input#endpoint-url").val()).isEqualTo("http://169.254.169.254/");
        assertThat(page.select("input#endpoint-description").val()).isEqualTo("metadata?");
        assertThat(page.select(".new-endpoint input[checked]").eachAttr("value"))
                .containsExactly("release.published");
    }

    @Test
    void noEventTickedIsRefusedBeforeAnythingIsSent() throws Exception {
        COMMAND.onJson("GET", "/api/admin/webhooks", "[]");

        Document page = page(
                form("/admin/webhooks", as("admin", "ADMIN")).param("url", "https://hooks.example.org/q"),
                status().isBadRequest());

        assertThat(page.select("[role=alert]").text()).contains("Tick at least one event");
        assertThat(COMMAND.last("POST", "/api/admin/webhooks")).isNull();
    }

    @Test
    void theEndpointPageShowsDeliveriesWithTheirAnswersAndResendButtons() throws Exception {
        COMMAND.onJson("GET", "/api/admin/webhooks/" + ID, ENDPOINT);
        COMMAND.onJson("GET", "/api/admin/webhooks/" + ID + "/deliveries", DELIVERIES);

        Document page = page(get("/admin/webhooks/" + ID).with(as("admin", "ADMIN")), status().isOk());

        assertThat(COMMAND.last("GET", "/api/admin/webhooks/" + ID + "/deliveries")
                        .query())
                .contains("limit=50");
        assertThat(page.select("h1").text()).isEqualTo("Webhook endpoint https://hooks.example.org/qcurate");
        Element failed = page.getElementById("delivery-" + DELIVERY);
        assertThat(failed.select(".status").text()).isEqualTo("FAILED");
        assertThat(failed.select("summary").text()).isEqualTo("2 attempt(s); last: HTTP 503 — answered 503");
        assertThat(failed.select(".attempts li").eachText()).hasSize(2);
        assertThat(failed.select(".attempts li").get(0).text()).contains("no answer", "ConnectException");
        assertThat(failed.select("pre.excerpt").text()).isEqualTo("<h1>down for maintenance</h1>");
        assertThat(failed.select("pre.excerpt h1"))
                .as("an excerpt is text, never markup")
                .isEmpty();
        assertThat(failed.select("button").text()).isEqualTo("Resend delivery " + DELIVERY);
        Element pending = page.getElementById("delivery-00000000-0000-0000-0000-000000000002");
        assertThat(pending.select("button"))
                .as("a queued delivery is not resent")
                .isEmpty();
        assertThat(pending.text()).contains("PENDING", "next attempt 2026-12-01T23:30:00Z", "Not attempted yet.");
        assertThat(page.select("button").eachText()).contains("Rotate secret", "Delete endpoint");
    }

    @Test
    void resendCallsTheServiceAndARefusalIsShownOnThePage() throws Exception {
        COMMAND.on(
                "POST",
                "/api/admin/webhooks/" + ID + "/deliveries/" + DELIVERY + "/resend",
                FakeService.Answer.json(202, "{\"id\":\"" + DELIVERY + "\",\"state\":\"PENDING\"}"));
        mvc.perform(form("/admin/webhooks/" + ID + "/deliveries/" + DELIVERY + "/resend", as("admin", "ADMIN")))
                .andExpect(redirectedUrl("/admin/webhooks/" + ID))
                .andExpect(flash().attribute("notice", "Delivery " + DELIVERY + " is queued to be sent again."));
        assertThat(COMMAND.last("POST", "/api/admin/webhooks/" + ID + "/deliveries/" + DELIVERY + "/resend"))
                .isNotNull();

        COMMAND.onJson("GET", "/api/admin/webhooks/" + ID, ENDPOINT);
        COMMAND.onJson("GET", "/api/admin/webhooks/" + ID + "/deliveries", DELIVERIES);
        COMMAND.onProblem(
                "POST",
                "/api/admin/webhooks/" + ID + "/deliveries/" + DELIVERY + "/resend",
                409,
                "the delivery is already queued for its next attempt");
        Document page = page(
                form("/admin/webhooks/" + ID + "/deliveries/" + DELIVERY + "/resend", as("admin", "ADMIN")),
                status().isConflict());
        assertThat(page.select("[role=alert]").text()).contains("already queued");
    }

    @Test
    void rotatingTheSecretShowsTheNewOneOnceAndDeletingReturnsToTheList() throws Exception {
        COMMAND.on(
                "POST",
                "/api/admin/webhooks/" + ID + "/secret",
                FakeService.Answer.json(200, "{\"id\":\"" + ID + "\",\"secret\":\"whsec_rotated\"}"));
        COMMAND.on(
                "DELETE",
                "/api/admin/webhooks/" + ID,
                new FakeService.Answer(204, "application/json", "", java.util.Map.of()));

        mvc.perform(form("/admin/webhooks/" + ID + "/secret", as("admin", "ADMIN")))
                .andExpect(redirectedUrl("/admin/webhooks/" + ID))
                .andExpect(flash().attribute("newSecret", new WebhooksPage.NewSecret(ID, null, "whsec_rotated")));
        mvc.perform(form("/admin/webhooks/" + ID + "/delete", as("admin", "ADMIN")))
                .andExpect(redirectedUrl("/admin/webhooks"));
        assertThat(COMMAND.last("DELETE", "/api/admin/webhooks/" + ID)).isNotNull();
    }
}
