package dev.qcurate.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A person at a headless Chromium (Debian's, driven through its own chromedriver by path: Selenium Manager never
 * runs, nothing is downloaded). Controls are found the way assistive technology finds them, by the accessible names
 * of UI.md: a control by its label's text, a button or link by its text, a region by its name. axe-core checks every
 * new page the moment the test first looks at it.
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHECKED_MARK = "__qcurateAxeChecked";
    private static final String LEAVING_MARK = "__qcurateLeavingPage";

    private final ChromeDriver driver;
    private final Path downloads;
    private String baseUrl = "http://127.0.0.1";
    private int pagesChecked;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static Browser start(Path downloads, Path driverLog) throws IOException {
        if (!ChromiumAvailable.installed()) {
            throw new IllegalStateException("no " + ChromiumAvailable.CHROMIUM + " or " + ChromiumAvailable.CHROMEDRIVER
                    + " (CI=true: the browser tests must run): " + ChromiumAvailable.INSTALL);
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", ChromiumAvailable.CHROMEDRIVER.toString());
        Files.createDirectories(downloads);
        Files.createDirectories(driverLog.getParent());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumAvailable.CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, downloads);
    }

    /** The site that {@link #open} paths are relative to. */
    void useSite(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    int pagesChecked() {
        return pagesChecked;
    }

    // ------------------------------------------------------------------------------------------- navigation

    /** Types an address into the address bar. */
    void open(String path) {
        driver.get(baseUrl + path);
        settle();
    }

    /** Clicks something that loads a new page, and waits for that page. */
    void clickToLoad(WebElement element) {
        // a mark on the old page's window: gone once the new page is there. (Waiting for the old <html> element to
        // go stale raced with the navigation: chromedriver then answered "Node … does not belong to the document".)
        js("window." + LEAVING_MARK + " = true");
        element.click();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> !Boolean.TRUE.equals(js("return window." + LEAVING_MARK + " === true")));
        settle();
    }

    /** Signs out whoever is signed in, then signs in as {@code user} through the sign-in page. */
    void signIn(String user, String password) {
        signOut();
        open("/login");
        type(field("Username"), user);
        type(field("Password"), password);
        clickToLoad(button("Sign in"));
        if (path().startsWith("/login")) {
            throw new AssertionError("sign-in as " + user + " failed: " + bodyText());
        }
    }

    void signOut() {
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            List<WebElement> signOut = buttons(driver, "Sign out");
            if (!signOut.isEmpty()) {
                clickToLoad(signOut.get(0));
                return;
            }
        }
        driver.manage().deleteAllCookies();
    }

    /** Waits for the page to be loaded and htmx to be idle; a page not checked by axe yet is checked now. */
    void settle() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(d -> "complete".equals(js("return document.readyState")));
        wait.until(d -> Boolean.TRUE.equals(js("return document.querySelector('.htmx-request') === null")));
        if (!Boolean.TRUE.equals(js("return window." + CHECKED_MARK + " === true"))) {
            checkAccessibility();
            js("window." + CHECKED_MARK + " = true");
        }
    }

    /** axe-core on the page as it is now (e.g. after htmx has swapped a part of it). */
    void checkAccessibility() {
        Accessibility.check(driver, driver.getCurrentUrl() + " (" + driver.getTitle() + ")");
        pagesChecked++;
    }

    /** Waits until {@code condition} gives something other than null/false, ignoring elements not there yet. */
    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            T value = new WebDriverWait(driver, WAIT)
                    .ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
            settle();
            return value;
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "waited " + WAIT.toSeconds() + " s for " + what + " on " + path() + "; the page says:\n"
                            + bodyText(),
                    e);
        }
    }

    void waitForText(String text) {
        waitFor("the text '" + text + "'", d -> bodyText().contains(text));
    }

    // ------------------------------------------------------------------------------- controls by their name

    /** The form control labelled {@code label} (its {@code <label for>}). */
    WebElement field(String label) {
        return field(driver, label);
    }

    WebElement field(SearchContext within, String label) {
        settle();
        WebElement labelElement = within.findElement(By.xpath(".//label[normalize-space()=" + literal(label) + "]"));
        String id = labelElement.getAttribute("for");
        if (id == null || id.isBlank()) {
            throw new AssertionError("the label '" + label + "' has no for= attribute on " + path());
        }
        return driver.findElement(By.id(id));
    }

    WebElement button(String text) {
        return button(driver, text);
    }

    WebElement button(SearchContext within, String text) {
        return first(buttons(within, text), "button '" + text + "'");
    }

    List<WebElement> buttons(SearchContext within, String text) {
        settle();
        return within.findElements(By.xpath(".//button[normalize-space()=" + literal(text) + "]"
                + " | .//input[(@type='submit' or @type='button') and @value=" + literal(text) + "]"));
    }

    WebElement link(String text) {
        return link(driver, text);
    }

    WebElement link(SearchContext within, String text) {
        return first(links(within, text), "link '" + text + "'");
    }

    List<WebElement> links(SearchContext within, String text) {
        settle();
        return within.findElements(By.xpath(".//a[@href and normalize-space()=" + literal(text) + "]"));
    }

    /** The region named {@code name}: by aria-label, or by the text of what its aria-labelledby points at. */
    WebElement region(String name) {
        return first(regions(name), "region '" + name + "'");
    }

    List<WebElement> regions(String name) {
        settle();
        List<WebElement> byLabel = driver.findElements(By.xpath(
                "//*[(self::section or @role='region')" + " and normalize-space(@aria-label)=" + literal(name) + "]"));
        List<WebElement> byHeading =
                driver
                        .findElements(By.xpath("//*[(self::section or @role='region')" + " and @aria-labelledby]"))
                        .stream()
                        .filter(region -> name.equals(labelledBy(region)))
                        .toList();
        return Stream.concat(byLabel.stream(), byHeading.stream()).toList();
    }

    /** The first of {@code found}; {@code what} names it in the failure when there is none on the page. */
    private WebElement first(List<WebElement> found, String what) {
        if (found.isEmpty()) {
            throw new NoSuchElementException("no " + what + " on " + path());
        }
        return found.get(0);
    }

    private String labelledBy(WebElement region) {
        Object text = js(
                "const ids = arguments[0].getAttribute('aria-labelledby').split(/\\s+/);"
                        + " return ids.map(id => document.getElementById(id)).filter(e => e)"
                        + ".map(e => e.textContent.replace(/\\s+/g, ' ').trim()).join(' ');",
                region);
        return String.valueOf(text);
    }

    /** The {@code <article>} of the review queue whose heading holds {@code text}. */
    WebElement article(String text) {
        return waitFor(
                "an article with a heading holding '" + text + "'",
                d -> d.findElement(
                        By.xpath("//article[.//*[self::h2 or self::h3 or self::h4][contains(normalize-space(), "
                                + literal(text) + ")]]")));
    }

    List<WebElement> articles() {
        settle();
        return driver.findElements(By.tagName("article"));
    }

    // ------------------------------------------------------------------------------------------- the person

    void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Keys pressed wherever the focus is, as a keyboard user does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** What the page's aria-live regions say now. */
    String announced() {
        Object text = js("return Array.from(document.querySelectorAll('[aria-live]'))"
                + ".map(e => e.textContent.replace(/\\s+/g, ' ').trim()).join(' | ');");
        return String.valueOf(text);
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getMessage() + ")";
        }
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    String title() {
        return driver.getTitle();
    }

    /** Sets a field's value the way a paste would, bypassing key-by-key typing (for very long texts). */
    void paste(WebElement field, String text) {
        js(
                "arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field,
                text);
    }

    String value(WebElement field) {
        return field.getDomProperty("value");
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebDriver driver() {
        return driver;
    }

    // ----------------------------------------------------------------------------------- files and sessions

    /** Waits for a download whose name ends with {@code suffix} to finish, and returns its path. */
    Path awaitDownload(String suffix) {
        return waitFor("a download *" + suffix + " in " + downloads, d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                        .filter(f -> !Files.exists(Path.of(f + ".crdownload")))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void clearDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /** GET of a link's target with this browser's session cookie, as the browser would fetch it. */
    HttpResponse<String> fetchWithSession(String href) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("QCURATE_SESSION");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** An XPath string literal for any text (XPath 1.0 has no escapes). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
