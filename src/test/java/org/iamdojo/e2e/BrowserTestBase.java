package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one base class of browser tests: the whole app on a random port with a throw-away data folder, driven
 * by headless Chromium through Playwright. Waits only with Playwright's auto-waiting assertions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iamdojo.admin-password=" + BrowserTestBase.ADMIN_PASSWORD,
        // Every browser of every test signs up from 127.0.0.1: the per-address sign-up rate would stop the suite.
        "iamdojo.sign-up.per-address=100000",
        "iamdojo.aws-endpoint.port=0",
        "vaadin.devmode.devTools.enabled=false"})
public abstract class BrowserTestBase {

    /** Password of the first admin in the browser tests' database. */
    protected static final String ADMIN_PASSWORD = "E2e-Root-Pass-1";
    /** A password that meets the sign-up rules. */
    protected static final String GOOD_PASSWORD = "Dojo-Practice-42";

    // Vaadin starts in dev mode, so the first page load of a run may take a while.
    private static final double FIRST_LOAD_MS = 120_000;
    private static final Path DATA_DIR = newDataDir();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    /** The browser sessions of the current test, each with its own cookies (one person each). */
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** The page the helpers act on: the current session's page. */
    protected Page page;

    @LocalServerPort
    private int port;

    private static Path newDataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "e2e-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("iamdojo.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        for (BrowserContext c : contexts) {
            c.close();
        }
        contexts.clear();
        page = null;
    }

    /**
     * Starts a fresh browser session (no cookies) whose browser language is {@code locale}, e.g. "en-US", closing
     * any other session of the test.
     */
    protected Page newSession(String locale) {
        closeContext();
        return addSession(locale);
    }

    /**
     * Starts one more browser session (another person at another browser) while the others stay open, and makes
     * it current; switch between them with {@link #use}.
     */
    protected Page addSession(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(1280, 860)
                .setAcceptDownloads(true));
        contexts.add(context);
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    /** Makes {@code session} (a page from {@link #addSession}) the one the helpers act on. */
    protected void use(Page session) {
        page = session;
    }

    /** The app's address, e.g. http://localhost:12345 (for tests of HTTP headers, not of user paths). */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Opens {@code path} of the app and waits until Vaadin has rendered the layout. */
    protected void open(String path) {
        if (page == null) {
            newSession("en-US");
        }
        page.navigate("http://localhost:" + port + path, new Page.NavigateOptions().setTimeout(FIRST_LOAD_MS));
        assertThat(page.locator("vaadin-app-layout"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(FIRST_LOAD_MS));
    }

    /** Signs up through the form and expects to land on the sign-in page. */
    protected void signUp(String username, String password) {
        open("/signup");
        page.locator("#signup-username input").fill(username);
        page.locator("#signup-password input").fill(password);
        page.locator("#signup-confirm input").fill(password);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#login-notice")).isVisible();
    }

    /** Fills and submits the sign-in form (without checking the outcome). */
    protected void submitSignIn(String username, String password) {
        if (!page.url().contains("/login")) {
            open("/login");
        }
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(username);
        form.locator("input[name='password']").fill(password);
        form.locator("input[name='password']").press("Enter");
    }

    /** Signs in and waits for the header to show the member. */
    protected void signIn(String username, String password) {
        submitSignIn(username, password);
        assertThat(page.locator("#signed-in-user")).hasText(username);
    }

    /** Saves a full-page screenshot to target/screenshots/{@code name}.png. */
    /** Types one line into the console's terminal, presses Enter, and waits until the output shows {@code expected}. */
    protected void run(String line, String expected) {
        Locator input = page.locator("#terminal-input input");
        input.fill(line);
        input.press("Enter");
        // The terminal empties its input once the command has run: wait for that, or the next line typed
        // would be wiped by the clearing of this one (as it would for a person typing ahead).
        assertThat(input).hasValue("");
        assertThat(page.locator("#terminal-output")).containsText(expected);
    }

    protected void screenshot(String name) {
        // Animations finished first: a dialog still fading in would be captured transparent.
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
    }
}
