package dev.qcurate.system;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's webhook journey in headless Chromium against the whole system, with axe-core on every page: add an
 * endpoint (a receiver started by this test), copy the secret shown once, see a failed delivery with the receiver's
 * answer, resend it once the receiver is fixed, and check the signature with the copied secret.
 */
class WebhooksBrowserIT extends BrowserAgainstOneSystem {

    private static final AtomicInteger answer = new AtomicInteger(500);
    private static final List<String[]> received = new CopyOnWriteArrayList<>(); // timestamp, signature, body

    private HttpServer receiver;

    WebhooksBrowserIT() {
        super(
                "webhooks_browser",
                Map.of(
                        "QCURATE_WEBHOOKS_ALLOW_LOOPBACK", "true",
                        "QCURATE_WEBHOOKS_MAX_ATTEMPTS", "2",
                        "QCURATE_WEBHOOKS_RETRY_BASE", "PT0.2S",
                        "QCURATE_WEBHOOKS_POLL_INTERVAL", "PT0.2S"));
    }

    @BeforeAll
    void startTheReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-Qcurate-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Qcurate-Signature"),
                new String(body, StandardCharsets.UTF_8)
            });
            byte[] text = (answer.get() == 200 ? "thanks" : "<b>receiver broken</b>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopTheReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void adminAddsAnEndpointSeesAFailedDeliveryAndResendsIt() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        signIn("admin");
        browser.clickToLoad(browser.link("Webhooks"));
        assertThat(browser.heading()).isEqualTo("Webhooks");

        browser.type(browser.field("URL"), "ftp://example.org/hook"); // a valid URL to the browser, not to qcurate
        browser.field("A proposal was decided (applied or rejected)").click();
        browser.clickToLoad(browser.button("Add endpoint"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".new-endpoint [role=alert]"))
                        .getText())
                .contains("http or https");
        assertThat(browser.value(browser.field("URL"))).isEqualTo("ftp://example.org/hook");
        assertThat(browser.field("A proposal was decided (applied or rejected)").isSelected())
                .isTrue();

        browser.driver().findElement(By.id("endpoint-url")).clear();
        browser.type(browser.field("URL"), url);
        browser.type(browser.field("Description"), "browser journey");
        browser.clickToLoad(browser.button("Add endpoint"));
        String secret = browser.value(browser.field("Signing secret"));
        assertThat(secret).startsWith("whsec_");

        String proposalId = editor.post("/api/questions", Map.of("text", "Which receiver is broken at first?"))
                .text("proposalId");
        assertThat(reviewer.post("/api/proposals/" + proposalId + "/approval", Map.of())
                        .status())
                .isEqualTo(200);

        browser.clickToLoad(browser.link(url));
        WebElement failed = browser.waitFor("the delivery to fail twice", driver -> {
            browser.open(browser.path());
            List<WebElement> rows = driver.findElements(By.cssSelector(".deliveries-table tbody tr"));
            return !rows.isEmpty()
                            && rows.get(0)
                                    .findElement(By.cssSelector(".status"))
                                    .getText()
                                    .equals("FAILED")
                    ? rows.get(0)
                    : null;
        });
        assertThat(failed.findElement(By.tagName("summary")).getText()).contains("2 attempt(s)", "HTTP 500");
        failed.findElement(By.tagName("summary")).click();
        assertThat(failed.findElement(By.cssSelector("pre.excerpt")).getText()).isEqualTo("<b>receiver broken</b>");
        browser.checkAccessibility();

        answer.set(200);
        String deliveryId = failed.findElement(By.tagName("code")).getText();
        browser.clickToLoad(browser.button("Resend delivery " + deliveryId));
        assertThat(browser.bodyText()).contains("queued to be sent again");
        browser.waitFor("the resend to be delivered", driver -> {
            browser.open(browser.path());
            return driver.findElement(By.cssSelector(".deliveries-table tbody tr .status"))
                    .getText()
                    .equals("DELIVERED");
        });
        assertThat(received).hasSize(3);
        String[] last = received.get(2);
        assertThat(last[1]).isEqualTo("sha256=" + hmac(secret, last[0] + "." + last[2]));
        assertThat(last[2]).contains(proposalId, "\"outcome\":\"APPLIED\"");
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
