package dev.qcurate.system;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, parts 3 and 4, in a real headless Chromium against the whole system: a reviewer claims a rewording in the
 * queue and sends it back with a comment, the proposer amends it from "My proposals", and a second reviewer sees who
 * holds it and takes it over. Controls are found by their accessible names; axe-core checks every page visited.
 */
class ProposalCollaborationBrowserIT extends BrowserAgainstOneSystem {

    ProposalCollaborationBrowserIT() {
        super("collabweb");
    }

    @Test
    void claimSendBackAmendAndTakeOver() {
        String questionText = "What does the walrus operator do?";
        String question = activeQuestion(questionText, List.of("python"));
        Client.Answer proposed =
                editor.post("/api/questions/" + question + "/rewordings", Map.of("text", "What does := do?"));
        assertThat(proposed.status()).isEqualTo(202);
        String proposal = proposed.text("proposalId");
        editor.read("/api/proposals/" + proposal, proposed.position());

        // the reviewer claims it in the queue and opens its conversation
        signIn("reviewer");
        browser.clickToLoad(browser.link("Review queue"));
        browser.clickToLoad(browser.button(browser.article(questionText), "Claim"));
        assertThat(browser.article(questionText).getText()).contains("Held by reviewer");
        browser.clickToLoad(browser.link(browser.article(questionText), "Conversation (0)"));
        assertThat(browser.path()).isEqualTo("/proposals/" + proposal);
        assertThat(browser.buttons(browser.driver(), "Release")).isNotEmpty();

        // and sends it back with a Markdown comment
        browser.type(browser.field("What should change"), "Please name the *assignment expression* <b>too</b>.");
        browser.clickToLoad(browser.button("Request changes"));
        browser.waitForText("went back to its proposer");
        WebElement conversation = browser.region("Conversation");
        assertThat(conversation.findElement(By.cssSelector(".comment-body em")).getText())
                .isEqualTo("assignment expression");
        assertThat(conversation.getText()).as("HTML is shown as typed").contains("<b>too</b>");
        assertThat(browser.bodyText()).contains("CHANGES REQUESTED");

        // the proposer reads the request from "My proposals" and amends
        signIn("editor");
        browser.clickToLoad(browser.link("My proposals"));
        browser.clickToLoad(browser.link("Read the request and amend"));
        browser.type(browser.field("New proposed text"), "What does the := (assignment expression) operator do?");
        browser.clickToLoad(browser.button("Amend proposal"));
        browser.waitForText("back in the review queue");
        WebElement amendments = browser.region("Amendments");
        assertThat(amendments.getText()).contains("Revision 2 by editor");
        assertThat(amendments.findElements(By.tagName("ins")))
                .as("the amendment as a diff")
                .isNotEmpty();
        browser.type(browser.field("Comment"), "Done, **thanks**.");
        browser.clickToLoad(browser.button("Add comment"));
        browser.waitForText("Your comment was added");
        assertThat(browser.region("Conversation")
                        .findElement(By.cssSelector("li:last-child strong"))
                        .getText())
                .isEqualTo("editor");

        // back in the queue: the reviewer claims it again; a colleague sees who holds it and takes it over
        signIn("reviewer");
        browser.open("/proposals/" + proposal);
        browser.clickToLoad(browser.button(browser.region("Claim"), "Claim"));
        signIn("reviewer2");
        browser.clickToLoad(browser.link("Review queue"));
        WebElement item = browser.article(questionText);
        assertThat(item.getText()).contains("Held by reviewer", "Conversation (2), revision 2");
        browser.clickToLoad(browser.button(item, "Take over"));
        assertThat(browser.article(questionText).getText()).contains("Held by reviewer2");
        item = browser.article(questionText);
        assertThat(item.getText()).as("the latest comments, in the queue").contains("Done, thanks.");
        browser.type(browser.field(item, "Comment"), "Taking this one, **sorry**.");
        browser.clickToLoad(browser.button(item, "Add comment"));
        assertThat(browser.path()).isEqualTo("/review");
        assertThat(browser.article(questionText)
                        .findElement(By.cssSelector(".comments li:last-child .comment-body"))
                        .getText())
                .isEqualTo("Taking this one, sorry.");
        browser.clickToLoad(browser.button(browser.article(questionText), "Release"));
        assertThat(browser.article(questionText).getText()).doesNotContain("Held by");
        assertThat(browser.buttons(browser.article(questionText), "Claim")).isNotEmpty();
    }

    @Test
    void theQueueKeepsItsFiltersAndANewQuestionIsAmended() {
        String tag = "walrus-" + Long.toString(System.nanoTime(), 36);
        String questionText = "What is the walrus operator, " + tag + "?";
        Client.Answer proposed = editor.post("/api/questions", Map.of("text", questionText, "tags", List.of(tag)));
        assertThat(proposed.status()).isEqualTo(202);
        String proposal = proposed.text("proposalId");
        editor.read("/api/proposals/" + proposal, proposed.position());

        // claiming, releasing and commenting in a filtered queue come back to the same view
        String queue = "/review?tag=" + tag + "&view=side";
        signIn("reviewer");
        browser.open(queue);
        browser.clickToLoad(browser.button(browser.article(questionText), "Claim"));
        assertThat(browser.path()).isEqualTo(queue);
        assertThat(browser.article(questionText).getText()).contains("Held by reviewer");
        browser.clickToLoad(browser.button(browser.article(questionText), "Release"));
        assertThat(browser.path()).isEqualTo(queue);
        WebElement item = browser.article(questionText);
        item.findElement(By.tagName("summary")).click();
        browser.type(browser.field(item, "Comment"), "Could it name *PEP 572*?");
        browser.clickToLoad(browser.button(item, "Add comment"));
        assertThat(browser.path()).isEqualTo(queue);
        assertThat(browser.bodyText()).contains("Your comment was added");

        // the proposer amends the new question's text and tags on its page
        String amendedText = "What does the := operator (" + tag + ") do?";
        signIn("editor");
        browser.open("/proposals/" + proposal);
        browser.type(browser.field("New proposed text"), amendedText);
        browser.type(browser.field("Tags to add"), "python");
        browser.clickToLoad(browser.button("Amend proposal"));
        browser.waitForText("back in the review queue");
        WebElement amendments = browser.region("Amendments");
        assertThat(amendments.getText()).contains("Revision 2 by editor", "python");
        assertThat(amendments.findElements(By.tagName("ins")))
                .as("the amended text as a diff")
                .isNotEmpty();
        browser.open("/questions/" + proposed.text("questionId"));
        assertThat(browser.bodyText()).contains(amendedText, "Proposal amended");

        // the queue shows the new text
        signIn("reviewer");
        browser.open(queue);
        assertThat(browser.article(amendedText).getText()).contains("python");
    }
}
