package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of issue 12 in a real headless Chromium against the whole system (both services and the web as
 * processes, real PostgreSQL and Kafka), finding every control by the accessible names of UI.md, with axe-core on
 * every page visited. One system start for the class: each journey makes its own questions and lists. Data a
 * journey only needs to exist (an active question to be a duplicate of, a list) is made over the API, as a
 * colleague would have made it earlier; everything the journey is about happens in the browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserIT extends BrowserAgainstOneSystem {

    private static final Path REPO =
            Path.of(System.getProperty("qcurate.repo", "..")).toAbsolutePath().normalize();
    private static final Pattern QUESTION_PATH = Pattern.compile("^/questions/([0-9a-f-]{36})");
    private static final ObjectMapper JSON = new ObjectMapper();

    WorkspaceBrowserIT() {
        super("browser");
    }

    // ------------------------------------------------------------------------------------------ journeys

    @Test
    @Order(1)
    void signInShowsEachRoleItsHome() {
        browser.open("/");
        assertThat(browser.path()).as("a page needs a session").startsWith("/login");

        browser.open("/login");
        browser.type(browser.field("Username"), "editor");
        browser.type(browser.field("Password"), "not-the-password");
        browser.clickToLoad(browser.button("Sign in"));
        assertRefusedKeeping("Invalid", "Username", "editor");

        signIn("editor");
        assertThat(browser.links(browser.driver(), "Lists")).isNotEmpty();
        assertThat(browser.links(browser.driver(), "Propose a question")).isNotEmpty();
        assertThat(browser.links(browser.driver(), "Import a document")).isNotEmpty();
        assertThat(browser.links(browser.driver(), "My proposals")).isNotEmpty();
        assertThat(browser.links(browser.driver(), "Review queue")).isEmpty();
        assertThat(browser.links(browser.driver(), "Users")).isEmpty();

        signIn("reviewer");
        assertThat(browser.links(browser.driver(), "Review queue")).isNotEmpty();
        assertThat(browser.bodyText()).containsPattern("\\d+ pending");

        signIn("admin");
        assertThat(browser.links(browser.driver(), "Users")).isNotEmpty();

        browser.clickToLoad(browser.button("Sign out"));
        assertThat(browser.path()).startsWith("/login");
        browser.open("/");
        assertThat(browser.path()).as("signed out means signed out").startsWith("/login");
    }

    @Test
    @Order(2)
    void editorProposesWithADuplicateHintReviewerApprovesByKeyboardReaderComparesVersionsAndExports() throws Exception {
        String existingText = "What is the difference between a list and a tuple in Python?";
        String existing = activeQuestion(existingText, List.of("python"));
        String listTitle = "Python basics in the browser";
        String listName = "browser-basics";
        String listId = list(listName, listTitle, List.of(existing));
        awaitIndexed(existing, "How is a Python list different from a tuple?");

        signIn("editor");
        browser.clickToLoad(browser.link("Propose a question"));
        String text = "How is a Python list different from a tuple?";
        browser.field("Question").sendKeys(text);
        WebElement duplicates = browser.waitFor(
                "region 'Possible duplicates' listing '" + existingText + "'",
                d -> browser.regions("Possible duplicates").stream()
                        .filter(region -> region.getText().contains(existingText))
                        .findFirst()
                        .orElse(null));
        assertThat(duplicates.findElements(By.cssSelector("a[href*='/questions/" + existing + "']")))
                .as("each candidate links to its question")
                .isNotEmpty();
        assertThat(duplicates.getText()).as("scores shown").containsPattern("\\d");
        browser.checkAccessibility();
        browser.type(browser.field("Tags"), "python, sequences");
        browser.clickToLoad(browser.button("Propose"));
        browser.waitForText("PROPOSED");
        assertThat(browser.heading()).isEqualTo(text);
        String id = questionIdFromPath();

        signIn("reviewer");
        browser.clickToLoad(browser.link("Review queue"));
        assertThat(browser.bodyText()).containsPattern("\\d+ pending");
        browser.article(text);
        focusTheQueueWithTab();
        int items = browser.articles().size();
        for (int i = 0; i < items && !focusedItemHolds(text); i++) {
            browser.press("j");
        }
        assertThat(focusedItemHolds(text))
                .as("j moved the focus to the proposal")
                .isTrue();
        browser.press("a");
        browser.waitFor(
                "the aria-live region to announce the approval",
                d -> browser.announced().toLowerCase().contains("approved"));
        assertThat(browser.focused().getTagName())
                .as("focus stays in the page after an action")
                .isNotEqualTo("body");
        browser.checkAccessibility();
        awaitStatus(id, "ACTIVE");

        // a colleague puts the new question into the list: version 2
        long added = approve(editor.post("/api/lists/" + listId + "/entries", Map.of("questionId", id)));
        reader.read("/api/lists/" + listId + "?version=2", added);

        signIn("reader");
        browser.clickToLoad(browser.link("Lists"));
        browser.clickToLoad(browser.link(listName));
        assertThat(browser.heading()).isEqualTo(listTitle);
        assertThat(entries()).containsExactly(existingText, text);

        Select version = new Select(browser.field("Version"));
        WebElement first = version.getOptions().stream()
                .filter(option -> "1".equals(option.getDomProperty("value"))
                        || option.getText().matches(".*\\b(version|v)?\\s*1\\b.*"))
                .filter(option -> !option.isSelected())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no version 1 in combobox 'Version'"));
        chooseAndShow(version, first);
        browser.waitFor("version 1 of the list", d -> !entries().contains(text));
        assertThat(entries()).containsExactly(existingText);

        browser.clickToLoad(browser.link("Compare versions"));
        for (String region : List.of("Added", "Removed", "Reworded", "Merged")) {
            assertThat(browser.regions(region))
                    .as("region '" + region + "' on the diff page")
                    .isNotEmpty();
        }
        int from = queryInt("from");
        int to = queryInt("to");
        if (from < 2 && to >= 2) {
            assertThat(browser.region("Added").getText()).contains(text);
        } else if (from < 1 && to >= 1) {
            assertThat(browser.region("Added").getText()).contains(existingText);
        }

        browser.open("/lists/" + listId);
        browser.clearDownloads();
        browser.link("Markdown").click();
        Path markdown = browser.awaitDownload(".md");
        assertThat(Files.readString(markdown)).contains(existingText, text);

        HttpResponse<String> csv = browser.fetchWithSession(browser.link("CSV").getDomProperty("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(text);
        HttpResponse<String> json =
                browser.fetchWithSession(browser.link("JSON").getDomProperty("href"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).toString()).contains(text);
    }

    @Test
    @Order(3)
    void aRejectionNeedsAReasonAndTheReasonReachesTheProposer() {
        signIn("editor2");
        String text = "Which sorting algorithm does Python's sorted() use internally?";
        propose(text, "python, algorithms");

        signIn("reviewer");
        browser.clickToLoad(browser.link("Review queue"));
        filterQueue("Proposer", "editor2");
        WebElement item = browser.article(text);
        WebElement reason = browser.field(item, "Reason");
        browser.button(item, "Reject").click();
        assertThat(refusalShown(reason, text))
                .as("a reject without a reason is refused with a readable message")
                .isNotBlank();
        assertThat(browser.announced().toLowerCase()).doesNotContain("rejected");

        item = browser.article(text);
        String why = "Too close to the existing question about Timsort";
        browser.field(item, "Reason").sendKeys(why);
        browser.button(item, "Reject").click();
        browser.waitFor(
                "the aria-live region to announce the rejection",
                d -> browser.announced().toLowerCase().contains("rejected"));
        browser.checkAccessibility();

        signIn("editor2");
        browser.clickToLoad(browser.link("My proposals"));
        WebElement mine = browser.waitFor(
                "the rejected proposal on 'My proposals'",
                d -> d.findElement(
                        By.xpath("//main//*[self::li or self::tr or self::article][contains(normalize-space(), "
                                + Browser.literal(text) + ")]")));
        assertThat(mine.getText()).contains("REJECTED", why);
    }

    @Test
    @Order(4)
    void aMergeAndItsUnmergeThroughTheQuestionPage() {
        String targetText = "What is a generator in Python?";
        String sourceText = "Explain Python generators.";
        String target = activeQuestion(targetText, List.of("python"));
        String source = activeQuestion(sourceText, List.of("generators"));

        signIn("editor");
        browser.open("/questions/" + source);
        assertThat(browser.heading()).isEqualTo(sourceText);
        proposeMergeInto(targetText);

        approveInQueue("Merge", sourceText);
        awaitStatus(source, "MERGED");

        signIn("editor");
        browser.open("/questions/" + source);
        browser.waitForText("MERGED");
        browser.clickToLoad(browser.button("Unmerge"));
        if (!browser.buttons(browser.driver(), "Unmerge").isEmpty()) { // a page that says what unmerging does
            browser.clickToLoad(browser.button("Unmerge"));
        }

        approveInQueue("Unmerge", sourceText);
        awaitStatus(source, "ACTIVE");
        signIn("reader");
        browser.open("/questions/" + source);
        assertThat(browser.bodyText()).contains("ACTIVE");
        assertThat(browser.buttons(browser.driver(), "Unmerge")).isEmpty();
    }

    @Test
    @Order(5)
    void anImportOfBothSeedDocumentsIsReviewedInBulk() throws Exception {
        Path seeds = REPO.resolve("seeds");
        signIn("editor");

        String first = importIdOf(importDocument(seeds.resolve("000_0f91697fe15f572d.txt"), "Django interview"));
        String outcome = browser.bodyText();
        assertThat(outcome).contains("98").containsIgnoringCase("proposed");
        assertThat(outcome).as("rejected lines with line number and reason").contains("101", "102", "placeholder text");

        String secondOutcome = importDocument(seeds.resolve("004_111ccd207ca0913c.txt"), "Python common");
        String second = importIdOf(secondOutcome);
        outcome = browser.bodyText();
        assertThat(outcome).contains("74").containsIgnoringCase("proposed").containsIgnoringCase("duplicate");

        // the editor passes the outcome page's address to a reviewer, who opens its proposals from there
        signIn("reviewer");
        browser.open(secondOutcome);
        assertThat(browser.bodyText()).contains("74").containsIgnoringCase("proposed");
        browser.clickToLoad(browser.link("Review this import's proposals"));
        assertThat(browser.path()).contains("import=" + second);
        assertThat(browser.bodyText()).contains("74 pending");
        browser.screenshot(REPO.resolve("docs/review-queue.png"));
        assertThat(approveAllInBulk()).isEqualTo(74);
        filterQueue("Import", first);
        assertThat(approveAllInBulk()).isEqualTo(98);

        signIn("reader");
        browser.clickToLoad(browser.link("Lists"));
        browser.clickToLoad(browser.link("Python common"));
        browser.waitFor("the imported questions in the list", d -> entries().size() > 10);
        browser.screenshot(REPO.resolve("docs/list-page.png"));
    }

    @Test
    @Order(6)
    void aReviewerCannotApproveTheirOwnProposal() {
        signIn("reviewer");
        String text = "What does the walrus operator do in Python?";
        propose(text, "python");
        browser.clickToLoad(browser.link("Review queue"));
        filterQueue("Proposer", "reviewer");
        WebElement own = browser.article(text);
        assertThat(own.getText()).contains("Your proposal");
        assertThat(browser.buttons(own, "Approve")).isEmpty();
    }

    @Test
    @Order(7)
    void aReaderSeesNoEditingControlsAndCannotOpenTheQueue() {
        String id = activeQuestion("What is a Python virtual environment for?", List.of("tooling"));
        signIn("reader");
        for (String link :
                List.of("Review queue", "Propose a question", "Import a document", "My proposals", "Users")) {
            assertThat(browser.links(browser.driver(), link))
                    .as("link '" + link + "' for a reader")
                    .isEmpty();
        }
        browser.open("/questions/" + id);
        assertThat(browser.heading()).isEqualTo("What is a Python virtual environment for?");
        for (String button : List.of("Propose rewording", "Change tags", "Propose merge", "Retire", "Unmerge")) {
            assertThat(browser.buttons(browser.driver(), button))
                    .as("button '" + button + "' for a reader")
                    .isEmpty();
        }
        browser.open("/review");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.bodyText()).doesNotContainPattern("\\d+ pending");
        browser.open("/questions/new");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    @Test
    @Order(8)
    void wrongInputGetsAReadableMessageAndKeepsWhatWasTyped() {
        signIn("editor");
        browser.clickToLoad(browser.link("Propose a question"));
        browser.type(browser.field("Tags"), "python, empty");
        browser.button("Propose").click();
        assertThat(refusalShown(browser.field("Question"), null))
                .as("an empty question is refused readably")
                .isNotBlank();
        assertThat(browser.value(browser.field("Tags"))).isEqualTo("python, empty");

        browser.open("/questions/new");
        String huge = "Why is this question so long? ".repeat(700).substring(0, 20_000);
        browser.paste(browser.field("Question"), huge);
        browser.type(browser.field("Tags"), "python, long");
        browser.clickToLoad(browser.button("Propose"));
        assertThat(alertIn(null)).as("20,000 characters are refused readably").isNotBlank();
        assertThat(browser.value(browser.field("Question")))
                .as("what was typed survives")
                .isEqualTo(huge);
        assertThat(browser.value(browser.field("Tags"))).isEqualTo("python, long");
    }

    @Test
    @Order(9)
    void approvingAStaleRewordingExplainsTheConflict() {
        String id = activeQuestion("What is a Python decorator?", List.of("python"));
        editor.post(
                "/api/questions/" + id + "/rewordings",
                Map.of("text", "What is a Python decorator, and when would you write one?", "baseRevision", 1));
        Client.Answer second = qcurate.as("editor2")
                .post(
                        "/api/questions/" + id + "/rewordings",
                        Map.of("text", "How do Python decorators wrap a function?", "baseRevision", 1));
        reviewer2.read("/api/proposals?status=PENDING", second.position());

        signIn("reviewer");
        browser.clickToLoad(browser.link("Review queue"));
        filterQueue("Change kind", "Rewording");
        WebElement one = itemContaining("write one");
        browser.button(one, "Approve").click();
        browser.waitFor(
                "the approval announced", d -> browser.announced().toLowerCase().contains("approved"));

        browser.driver().navigate().refresh();
        browser.settle();
        browser.button(itemContaining("wrap a function"), "Approve").click();
        String message = browser.waitFor("a message explaining the stale approval", d -> {
            String shown = alertIn("wrap a function");
            return shown.isBlank() ? null : shown;
        });
        System.out.println("WorkspaceBrowserIT: a stale approval says: " + message);
        assertThat(itemContaining("wrap a function").findElements(By.cssSelector("a[href*='/questions/" + id + "']")))
                .as("a link to the current text")
                .isNotEmpty();
    }

    @Test
    @Order(99)
    void aStoppedQueryServiceShowsAPageLevelMessageAndTheSessionSurvivesItsRestart() throws Exception {
        signIn("editor");
        browser.clickToLoad(browser.link("Propose a question"));
        String typed = "What happens to a Python dict while the read side is down?";
        qcurate.queries.stop();
        try {
            browser.field("Question").sendKeys(typed);
            browser.field("Tags").sendKeys("python");
            Thread.sleep(1_000); // the debounced duplicate lookup has gone out and failed
            browser.settle();
            assertThat(browser.value(browser.field("Question")))
                    .as("typing survives a failed lookup")
                    .isEqualTo(typed);

            browser.clickToLoad(browser.link("Lists"));
            assertThat(browser.heading()).isEqualTo("Not available right now");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[role=alert]"))
                            .getText())
                    .isNotBlank();
        } finally {
            qcurate.queries.start();
        }
        browser.open("/lists");
        assertThat(browser.path()).as("still signed in").startsWith("/lists");
        assertThat(browser.heading()).isNotEqualTo("Not available right now");
    }

    // ------------------------------------------------------------------------------------------ the person's steps

    private void propose(String text, String tags) {
        browser.clickToLoad(browser.link("Propose a question"));
        browser.field("Question").sendKeys(text);
        browser.type(browser.field("Tags"), tags);
        browser.clickToLoad(browser.button("Propose"));
        browser.waitForText("PROPOSED");
    }

    /** Approves every item the filtered queue shows, a page at a time, through "Approve selected"; how many. */
    private int approveAllInBulk() {
        int approved = 0;
        for (int round = 0; round < 10 && !browser.articles().isEmpty(); round++) {
            int shown = browser.articles().size();
            browser.button("Select all on this page").click();
            browser.waitFor("the selection announced", d -> browser.announced().contains(shown + " items selected"));
            browser.clickToLoad(browser.button("Approve selected"));
            assertThat(browser.region("Bulk approval outcome").getText())
                    .as("each item's outcome")
                    .contains(shown + " approved, 0 failed");
            approved += shown;
        }
        assertThat(browser.bodyText()).contains("No tasks left");
        return approved;
    }

    private String importIdOf(String outcomePath) {
        Matcher matcher = Pattern.compile("^/imports/([0-9a-f-]{36})").matcher(outcomePath);
        assertThat(matcher.find())
                .as("on an import's outcome page: " + outcomePath)
                .isTrue();
        return matcher.group(1);
    }

    /** Imports a document into a list through the import page; the outcome page's path. */
    private String importDocument(Path document, String listName) {
        browser.clickToLoad(browser.link("Import a document"));
        browser.field("Document").sendKeys(document.toString());
        browser.type(browser.field("List name"), listName);
        browser.clickToLoad(browser.button("Import"));
        browser.waitFor(
                "the import's outcome", d -> browser.bodyText().toLowerCase().contains("proposed"));
        return browser.path();
    }

    /** From a question's page, propose merging it into the question {@code targetText}: chosen by its label. */
    private void proposeMergeInto(String targetText) {
        browser.clickToLoad(browser.button("Propose merge"));
        String choice = "//label[starts-with(normalize-space(), " + Browser.literal(targetText) + ")]";
        if (browser.driver().findElements(By.xpath(choice)).isEmpty()) { // not among the candidates: search for it
            browser.type(browser.field("Search questions"), targetText);
            browser.clickToLoad(browser.button("Search"));
        }
        WebElement label =
                browser.waitFor("a choice labelled '" + targetText + "'", d -> d.findElement(By.xpath(choice)));
        browser.driver().findElement(By.id(label.getAttribute("for"))).click();
        browser.clickToLoad(browser.button("Propose merge"));
        assertThat(alertIn(null)).as("the merge proposal was accepted").isBlank();
    }

    private void approveInQueue(String kind, String text) {
        openReviewQueue(kind);
        approveInQueue(browser.article(text));
    }

    /** Tab from the top of the page, as a keyboard user does, until the focus is inside a queue item. */
    private void focusTheQueueWithTab() {
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(browser.js("return document.activeElement.closest('article') !== null"))) {
                return;
            }
            browser.press(Keys.TAB);
        }
        throw new AssertionError("80 presses of Tab did not reach a queue item on " + browser.path());
    }

    private boolean focusedItemHolds(String text) {
        Object item = browser.js("const a = document.activeElement.closest('article');"
                + " return a ? a.textContent.replace(/\\s+/g, ' ') : null");
        return item != null && item.toString().contains(text);
    }

    /** Chooses an option in a combobox and shows it: htmx or a script may do that on change, a plain form on submit. */
    private void chooseAndShow(Select select, WebElement option) {
        String before = browser.path();
        String value = option.getDomProperty("value");
        select.selectByValue(value);
        sleepMillis(1_500); // a script or htmx would have acted on the change by now
        if (browser.path().equals(before)) {
            browser.clickToLoad(select.getWrappedElement()
                    .findElement(By.xpath("ancestor::form//*[self::button or self::input[@type='submit']]")));
        }
    }

    /**
     * The message refusing an input: the browser's own (a required field) or an alert in the queue item holding
     * {@code itemText} (the whole page when null).
     */
    private String refusalShown(WebElement field, String itemText) {
        String native_ = field.getDomProperty("validationMessage");
        if (native_ != null && !native_.isBlank()) {
            return native_;
        }
        return browser.waitFor("a message refusing the input", d -> {
            String shown = alertIn(itemText);
            return shown.isBlank() ? null : shown;
        });
    }

    /** What the alerts say in the queue item holding {@code itemText}, or in the whole page when null. */
    private String alertIn(String itemText) {
        WebElement scope =
                itemText == null ? browser.driver().findElement(By.tagName("main")) : itemContaining(itemText);
        return String.join(
                " | ",
                scope.findElements(By.cssSelector("[role=alert]")).stream()
                        .map(WebElement::getText)
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList());
    }

    private List<String> entries() {
        return browser.driver().findElements(By.cssSelector("main ol > li")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .map(entry -> entry.lines().findFirst().orElse(""))
                .toList();
    }

    private String questionIdFromPath() {
        Matcher matcher = QUESTION_PATH.matcher(browser.path());
        assertThat(matcher.find()).as("on a question's page: " + browser.path()).isTrue();
        return matcher.group(1);
    }

    private int queryInt(String name) {
        Matcher matcher = Pattern.compile("[?&]" + name + "=(\\d+)").matcher(browser.path());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Waits until the duplicate index finds {@code questionId} for {@code text} (it is updated after commit). */
    private void awaitIndexed(String questionId, String text) {
        String query = "/api/duplicates?limit=5&text="
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!reader.query(query).body().toString().contains(questionId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the duplicate index never found " + questionId + " for '" + text + "'");
            }
            sleep();
        }
    }

    /** Waits until the read model shows the question in {@code status}. */
    private void awaitStatus(String questionId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode question;
        do {
            question = reader.query("/api/questions/" + questionId).body();
            if (status.equals(question.path("status").asText())) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("question " + questionId + " never became " + status + ": " + question);
    }

    private void sleep() {
        sleepMillis(200);
    }

    private void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
