package dev.qcurate.system;

import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser test class: one headless Chromium and one whole system with the web ({@link Qcurate#startWithWeb}) for
 * all its journeys, and the review-queue steps several journeys take. Data a journey only needs to exist is made over
 * the API and approved by reviewer2, and waited for, as the browser reads without {@code minPosition}.
 */
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserAgainstOneSystem extends AgainstOneSystem {

    private static final Path LOGS = Path.of(System.getProperty("qcurate.logs", "target/service-logs"));

    private final Map<String, String> settings;
    private final long started = System.nanoTime();

    Browser browser;

    BrowserAgainstOneSystem(String name) {
        this(name, Map.of());
    }

    /** {@code settings}: the test's own for both services. */
    BrowserAgainstOneSystem(String name, Map<String, String> settings) {
        super(name);
        this.settings = settings;
    }

    @Override
    Qcurate start(String name) throws Exception {
        // the browser first: without one (CI=true) this fails at once rather than after starting the system
        browser = Browser.start(LOGS.resolve(name + "-downloads"), LOGS.resolve(name + "-chromedriver.log"));
        Qcurate system = Qcurate.startWithWeb(name, settings);
        browser.useSite(system.web.url());
        return system;
    }

    @Override
    Client approver() {
        return reviewer2;
    }

    @Override
    void stopTheSystem() throws Exception {
        try {
            if (browser != null) {
                System.out.printf(
                        "%s: %d page states checked by axe-core; %.0f s in all%n",
                        getClass().getSimpleName(), browser.pagesChecked(), (System.nanoTime() - started) / 1e9);
                browser.close();
            }
        } finally {
            super.stopTheSystem();
        }
    }

    @Override
    String activeQuestion(String text, List<String> tags) {
        String id = super.activeQuestion(text, tags);
        reader.read("/api/questions/" + id, lastPosition);
        return id;
    }

    @Override
    String list(String name, String title, List<String> questions) {
        String list = super.list(name, title, questions);
        reader.read("/api/lists/" + list, lastPosition);
        return list;
    }

    void signIn(String user) {
        browser.signIn(user, Qcurate.PASSWORD);
    }

    /** The page refused a form: an alert says {@code why}, and {@code field} still holds what was typed. */
    void assertRefusedKeeping(String why, String field, String typed) {
        assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                .contains(why);
        assertThat(browser.value(browser.field(field)))
                .as("what was typed survives")
                .isEqualTo(typed);
    }

    /** Signs in as the reviewer and opens the review queue on the changes of one kind. */
    void openReviewQueue(String kind) {
        signIn("reviewer");
        browser.clickToLoad(browser.link("Review queue"));
        filterQueue("Change kind", kind);
    }

    /** Narrows the review queue by one of its filters (a text box or a combobox, by its label). */
    void filterQueue(String filter, String value) {
        WebElement field = browser.field(filter);
        if ("select".equals(field.getTagName())) {
            Select select = new Select(field);
            select.getOptions().stream()
                    .filter(option -> option.getText().strip().startsWith(value))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no option '" + value + "' in " + filter))
                    .click();
        } else {
            browser.type(field, value);
        }
        browser.clickToLoad(browser.button("Filter"));
    }

    WebElement itemContaining(String words) {
        return browser.waitFor(
                "a queue item containing '" + words + "'",
                d -> d.findElement(By.xpath("//article[contains(normalize-space(), " + Browser.literal(words) + ")]")));
    }

    /** Approves a queue item with its own button and waits for the page to announce it. */
    void approveInQueue(WebElement item) {
        browser.button(item, "Approve").click();
        browser.waitFor(
                "the approval announced", d -> browser.announced().toLowerCase().contains("approved"));
    }
}
