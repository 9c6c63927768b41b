package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of issue 14 (tag rename and merge, revert) in a real headless Chromium against the whole system, in
 * the style of {@link WorkspaceBrowserIT}: controls found by their accessible names, axe-core on every page state.
 * The questions a journey works on are made over the API; the rename, the revert and their review happen in the
 * browser.
 */
class TagsAndRevertBrowserIT extends BrowserAgainstOneSystem {

    TagsAndRevertBrowserIT() {
        super("tags_browser");
    }

    @Test
    void anEditorMergesTwoTagsAReviewerApprovesAndTheOldNameFindsTheNewTag() {
        String first = activeQuestion("What is a Python generator expression?", List.of("py", "generators"));
        String second = activeQuestion("How does yield work in Python?", List.of("python3"));

        signIn("editor");
        browser.clickToLoad(browser.link("Tags"));
        assertThat(browser.heading()).isEqualTo("Tags");
        browser.type(browser.field("Tags to rename"), "python3, nope-no-such-tag");
        browser.type(browser.field("New name"), "python");
        browser.clickToLoad(browser.button("Propose rename"));
        assertRefusedKeeping("unknown tag 'nope-no-such-tag'", "Tags to rename", "python3, nope-no-such-tag");

        browser.type(browser.field("Tags to rename"), "py, python3");
        browser.clickToLoad(browser.button("Propose rename"));
        assertThat(browser.bodyText()).contains("was proposed and waits for review");

        openReviewQueue("Tag rename");
        WebElement item = itemContaining("Merge tags py, python3");
        assertThat(item.getText()).contains("old names stay as synonyms");
        approveInQueue(item);
        browser.checkAccessibility();
        awaitTags(first, List.of("generators", "python"));
        awaitTags(second, List.of("python"));

        browser.open("/questions/" + second);
        assertThat(browser.region("History").getText()).contains("(tag rename)");
        browser.open("/tags?q=python");
        WebElement row = browser.driver().findElement(By.xpath("//tbody/tr[td[1][normalize-space()='python']]"));
        assertThat(row.getText()).contains("2").contains("py, python3");
    }

    @Test
    void anEditorRevertsARewordingFromTheHistoryAndAReviewerSeesTheDiffAgainstTheCurrentText() {
        String original = "What does the walrus operator do in Python?";
        String id = activeQuestion(original, List.of("syntax"));
        long reworded = approve(editor.post(
                "/api/questions/" + id + "/rewordings", Map.of("text", "Explain := in Python 3.8 and later.")));
        reader.read("/api/questions/" + id, reworded);

        signIn("editor");
        browser.open("/questions/" + id);
        WebElement history = browser.region("History");
        WebElement firstRevision =
                history.findElement(By.xpath(".//tbody/tr[td[1][normalize-space()='1']][.//button]"));
        browser.clickToLoad(browser.button(firstRevision, "Revert to this revision"));
        assertThat(browser.heading()).isEqualTo("Revert to revision 1");
        assertThat(browser.region("What the revert changes").getText()).contains("walrus");
        browser.clickToLoad(browser.button("Propose revert"));
        assertThat(browser.bodyText()).contains("Your revert to revision 1 was proposed and waits for review.");

        openReviewQueue("Revert");
        WebElement item = itemContaining("Return this question to revision 1");
        assertThat(item.findElements(By.cssSelector("ins")).stream()
                        .map(WebElement::getText)
                        .toList())
                .as("the word diff against the current text")
                .anyMatch(text -> text.contains("walrus"));
        approveInQueue(item);

        JsonNode question = awaitText(id, original);
        assertThat(question.path("revision").asInt()).isEqualTo(3);
        browser.open("/questions/" + id);
        assertThat(browser.heading()).isEqualTo(original);
        assertThat(browser.region("History").getText())
                .as("one step, the revert")
                .contains("Reverted");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void awaitTags(String id, List<String> tags) {
        await(id, question -> texts(question.path("tags")).equals(tags), "tags " + tags);
    }

    private JsonNode awaitText(String id, String text) {
        return await(id, question -> text.equals(question.path("text").asText()), "text " + text);
    }

    private JsonNode await(String id, java.util.function.Predicate<JsonNode> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode question;
        do {
            question = reader.query("/api/questions/" + id).body();
            if (condition.test(question)) {
                return question;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("question " + id + " never had " + what + ": " + question);
    }
}
