package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 20, done means: two IAM Dojo nodes on one PostgreSQL behind HAProxy (a config generated from
 * {@code deploy/haproxy.cfg}: cookie stickiness, health checks), all on loopback ports. An instructor pinned to node A
 * opens a workshop; a learner pinned to node B joins and does two steps of {@code temporary-credentials} in the
 * terminal, after moving the sandbox clock; the board on A shows both live. Node B is killed with {@code kill -9}; the
 * learner's next click reaches node A through the proxy, they sign in again, find both steps done and the clock where
 * it was (replayed from the attempt log), finish the scenario to 100, and the board shows it.
 *
 * <p>Each node is its own Java process with its own port and data folder, on a database of its own created for the
 * run in the cluster {@code IAMDOJO_TEST_POSTGRESQL_URL} names ({@code .ci/run} starts one); skipped without it or
 * without {@code haproxy}. The nodes run the packaged jar {@code target/iam-dojo-*.jar} when it is a production
 * build ({@code mvn -Pproduction package}); the jar of a plain {@code mvn verify} is a development build that cannot
 * serve pages outside the project folder, so then they run the same application from the build's classes in the
 * project folder, in development mode with Vaadin's pre-built bundle, as the other browser tests do.
 */
@Tag("postgresql")
@EnabledIfEnvironmentVariable(named = "IAMDOJO_TEST_POSTGRESQL_URL", matches = ".+",
        disabledReason = "needs PostgreSQL: set IAMDOJO_TEST_POSTGRESQL_URL (scripts/postgresql-test-cluster start DIR"
                + " PORT prints one; .ci/run does it)")
class TwoNodeFailoverTest {
    private static final String ADMIN_PASSWORD = "Two-Node-Root-9";
    private static final String PASSWORD = "Dojo-Practice-42";
    private static final String SCENARIO = "temporary-credentials";
    private static final String ROLE = "arn:aws:iam::111122223333:role/ReportReader";
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path RUN = Path.of("target", "two-node");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The promise of the board: a learner's event is on an open board within this long (across nodes too). */
    private static final LocatorAssertions.ContainsTextOptions WITHIN_2S =
            new LocatorAssertions.ContainsTextOptions().setTimeout(2_000);
    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    private static final List<Process> processes = new ArrayList<>();
    private static String database;
    private static Node nodeA;
    private static Node nodeB;
    private static Process proxy;
    private static int proxyPort;
    private static Playwright playwright;
    private static Browser browser;

    /** One app node: its process, HTTP port and log. */
    private record Node(String name, Process process, int port, Path log) {
    }

    @BeforeAll
    static void startDatabaseNodesAndProxy() throws Exception {
        assumeTrue(Files.isExecutable(HAPROXY), "needs HAProxy at " + HAPROXY + " (Debian's haproxy; .ci/run installs it)");
        Files.createDirectories(RUN);
        database = "iamdojo_two_node_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        Thread cleanup = new Thread(TwoNodeFailoverTest::stopAll, "two-node-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);

        // Node A first, to the point where it made the database's first admin; then B, which finds it made.
        nodeA = startNode("node-a");
        waitForLog(nodeA, "created account 'admin'");
        nodeB = startNode("node-b");
        waitHealthy(nodeA);
        waitHealthy(nodeB);
        // The proxy starts with both nodes ready, so its first health checks find both up.
        proxyPort = freePort();
        proxy = startProxy();
        waitFor(() -> status("http://127.0.0.1:" + proxyPort + "/healthz") == 200, "the proxy answering /healthz");

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        stopAll();
    }

    /** Kills every process of the run and drops its database; safe to call twice (after-all and shutdown hook). */
    private static synchronized void stopAll() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (database != null) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (Exception e) {
                System.err.println("could not drop " + database + ": " + e);
            }
            database = null;
        }
    }

    @Test
    void nodeBDiesMidWorkshopAndTheLearnerFinishesOnNodeAWithNothingLost() throws Exception {
        // The instructor's browser is pinned to node A, the learner's to node B, by the proxy's own cookie.
        Page teacher = session("node-a", "en-US");
        String teacherName = "two-node-teacher";
        signUp(teacher, teacherName);
        Page adminPage = session("node-a", "en-US");
        adminPage.navigate(proxy("/login"));
        signIn(adminPage, "admin", ADMIN_PASSWORD);
        adminPage.locator("#nav-admin").click();
        adminPage.locator("#toggle-instructor-" + teacherName).click();
        assertThat(adminPage.locator("#toggle-instructor-" + teacherName)).hasText("Remove instructor");
        adminPage.context().close();

        signIn(teacher, teacherName, PASSWORD);
        teacher.locator("#nav-workshops").click();
        teacher.locator("#new-workshop").click();
        teacher.locator("#workshop-title input").fill("Two nodes");
        teacher.locator("#scenario-picker input").fill("Temporary credentials");
        teacher.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Temporary credentials expire"))
                .click();
        teacher.locator("#create-workshop").click();
        assertThat(teacher.locator("#board-grid")).isVisible();
        Page board = teacher;
        String code = board.locator("#join-code").textContent().strip();

        // The learner, on node B, joins and starts.
        Page learner = session("node-b", "en-US");
        String learnerName = "two-node-learner";
        signUp(learner, learnerName);
        signIn(learner, learnerName, PASSWORD);
        joinAndOpen(learner, code);
        assertThat(cell(board, learnerName)).containsText("In progress", WITHIN_2S);
        assertThat(servedBy(learner)).isEqualTo("node-b");
        assertThat(servedBy(board)).isEqualTo("node-a");

        // Sandbox time moved an hour ahead; step 1: assume the role for 15 minutes.
        learner.locator("#console-nav-terminal").click();
        learner.locator("#clock-advance-1h").click();
        assertThat(learner.locator("#sandbox-clock-now")).containsText("(+1 h 0 min)");
        String assumed = type(learner, "aws sts assume-role --role-arn " + ROLE
                + " --role-session-name mina --duration-seconds 900", false);
        JsonNode keys = new ObjectMapper().readTree(assumed).path("Credentials");
        assertThat(keys.path("SessionToken").asText()).isNotBlank();
        learner.locator("#check-my-work").click();
        assertThat(learner.locator("#score")).containsText("45 / 100");
        assertThat(cell(board, learnerName)).containsText("45/100", WITHIN_2S);

        // Step 2: read the report with the temporary keys.
        learner.locator("#next-step").click();
        assertThat(learner.locator(".player-step h2")).containsText("Read with the temporary keys");
        learner.locator("#console-nav-terminal").click();
        configure(learner, keys);
        type(learner, "aws s3api get-object --bucket dojo-reports --key q1.csv q1.csv --profile tmp", false);
        learner.locator("#check-my-work").click();
        assertThat(learner.locator("#score")).containsText("70 / 100");
        assertThat(cell(board, learnerName)).containsText("70/100", WITHIN_2S);
        screenshot(board, "two-node-board-before-failover");

        // Node B dies the hard way.
        long pid = nodeB.process().pid();
        assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor()).isZero();
        assertThat(nodeB.process().waitFor()).isEqualTo(137);

        // The learner's next click goes through the proxy to node A, which has no session for it: sign in again.
        learner.locator("#console-nav-cloudtrail").click();
        Locator form = learner.locator("vaadin-login-form");
        if (!form.isVisible()) {
            // Vaadin's client, told its session is gone, reloads the page itself; give it that time.
            assertThat(form).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        }
        signInHere(learner, learnerName);
        assertThat(servedBy(learner)).isEqualTo("node-a");
        joinAndOpen(learner, code);

        // Both steps are there, replayed from the log: step 2 current, the clock an hour ahead, both checks passed.
        assertThat(learner.locator(".player-step h2")).containsText("Read with the temporary keys");
        learner.locator("#check-my-work").click();
        assertThat(learner.locator("#score")).containsText("70 / 100");
        // CloudTrail, read as the account's root user (mina may not look it up), has both calls made on node B.
        learner.locator("#switch-identity").click();
        learner.locator("#switch-root").click();
        assertThat(learner.locator("#acting-as")).containsText("root");
        learner.locator("#console-nav-cloudtrail").click();
        assertThat(learner.locator("#trail-events")).containsText("AssumeRole");
        assertThat(learner.locator("#trail-events")).containsText("GetObject");
        learner.locator("#switch-identity").click();
        learner.locator("#switch-own").click();
        assertThat(learner.locator("#acting-as")).containsText("mina");
        learner.locator("#console-nav-terminal").click();
        assertThat(learner.locator("#sandbox-clock-now")).containsText("(+1 h 0 min)");

        // The keys issued on node B still work on node A (their expiry replayed with the clock) ...
        learner.locator("#next-step").click();
        assertThat(learner.locator(".player-step h2")).containsText("Let them expire");
        learner.locator("#console-nav-terminal").click();
        configure(learner, keys);
        type(learner, "aws s3api get-object --bucket dojo-reports --key q1.csv q1.csv --profile tmp", false);
        // ... until step 3 moves the clock 30 minutes on: then they are refused as expired.
        learner.locator("#clock-advance-15m").click();
        assertThat(learner.locator("#sandbox-clock-now")).containsText("(+1 h 15 min)");
        learner.locator("#clock-advance-15m").click();
        assertThat(learner.locator("#sandbox-clock-now")).containsText("(+1 h 30 min)");
        String expired = type(learner, "aws s3api get-object --bucket dojo-reports --key q1.csv q1.csv --profile tmp", true);
        assertThat(expired).contains("ExpiredToken");
        learner.locator("#check-my-work").click();
        assertThat(learner.locator("#score")).containsText("100 / 100");

        // The instructor's board on node A, open all along, shows it.
        assertThat(cell(board, learnerName)).containsText("100/100", WITHIN_2S);
        assertThat(cell(board, learnerName)).containsText("Finished", WITHIN_2S);
        assertThat(board.locator("#summary-finished")).containsText("1 of 1 finished everything", WITHIN_2S);
        screenshot(board, "two-node-board-after-failover");
        screenshot(learner, "two-node-learner-on-node-a");
        assertThat(nodeA.process().isAlive()).isTrue();
    }

    // ---- browser helpers

    /** A fresh browser session whose requests the proxy sends to {@code node} (its SERVERID cookie set). */
    private static Page session(String node, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1280, 800));
        context.addCookies(List.of(new Cookie("SERVERID", node).setDomain("127.0.0.1").setPath("/")));
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        return page;
    }

    /** The node the proxy pins this browser to now (its SERVERID cookie). */
    private static String servedBy(Page page) {
        return page.context().cookies(proxy("/")).stream().filter(c -> c.name.equals("SERVERID"))
                .map(c -> c.value).findFirst().orElse("none");
    }

    private static String proxy(String path) {
        return "http://127.0.0.1:" + proxyPort + path;
    }

    private static void open(Page page, String path) {
        page.navigate(proxy(path), new Page.NavigateOptions().setTimeout(120_000));
        assertThat(page.locator("vaadin-app-layout")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
    }

    private static void signUp(Page page, String name) {
        open(page, "/signup");
        page.locator("#signup-username input").fill(name);
        page.locator("#signup-password input").fill(PASSWORD);
        page.locator("#signup-confirm input").fill(PASSWORD);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#login-notice")).isVisible();
    }

    private static void signIn(Page page, String name, String password) {
        if (!page.url().contains("/login")) {
            open(page, "/login");
        }
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(name);
        form.locator("input[name='password']").fill(password);
        form.locator("input[name='password']").press("Enter");
        assertThat(page.locator("#signed-in-user")).hasText(name);
    }

    private static void signInHere(Page page, String name) {
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(name);
        form.locator("input[name='password']").fill(PASSWORD);
        form.locator("input[name='password']").press("Enter");
        assertThat(page.locator("#signed-in-user")).hasText(name);
    }

    /** Joins the workshop by its code on the join page (again, after failover: it only opens it) and opens the scenario. */
    private static void joinAndOpen(Page page, String code) {
        page.locator("#nav-join").click();
        page.locator("#join-code-field input").fill(code);
        page.locator("#join-submit").click();
        assertThat(page.locator("#workshop-scenarios")).isVisible();
        page.locator("#open-" + SCENARIO).click();
        assertThat(page.locator("#check-my-work")).isVisible();
    }

    private static Locator cell(Page board, String participant) {
        return board.locator("[data-participant='" + participant + "'][data-scenario='" + SCENARIO + "']");
    }

    /** Sets the terminal profile {@code tmp} to the temporary keys (terminal profiles belong to the open page). */
    private static void configure(Page page, JsonNode keys) {
        type(page, "aws configure set aws_access_key_id " + keys.path("AccessKeyId").asText() + " --profile tmp", null);
        type(page, "aws configure set aws_secret_access_key " + keys.path("SecretAccessKey").asText() + " --profile tmp", null);
        type(page, "aws configure set aws_session_token " + keys.path("SessionToken").asText() + " --profile tmp", null);
    }

    /**
     * Types one terminal line, waits for its answer and returns the answer's text; {@code failing} says whether it
     * must be an error (null: either).
     */
    private static String type(Page page, String line, Boolean failing) {
        Locator echoes = page.locator("#terminal-output .terminal-echo");
        int before = echoes.count();
        Locator input = page.locator("#terminal-input input");
        input.fill(line);
        input.press("Enter");
        assertThat(echoes).hasCount(before + 1);
        Locator last = page.locator("#terminal-output .terminal-block").last();
        String classes = last.getAttribute("class");
        if (classes.contains("terminal-echo")) {
            assertThat(failing).as(line).isNotEqualTo(Boolean.TRUE);
            return "";
        }
        String text = last.locator("span").first().textContent();
        if (failing != null) {
            assertThat(classes.contains("terminal-error")).as("%s printed %s", line, text).isEqualTo(failing);
        }
        return text;
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
    }

    // ---- processes

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(System.getenv("IAMDOJO_TEST_POSTGRESQL_URL"), dbUser(), dbPassword());
    }

    private static String dbUser() {
        return Optional.ofNullable(System.getenv("IAMDOJO_TEST_POSTGRESQL_USER")).orElse("iamdojo");
    }

    private static String dbPassword() {
        return Optional.ofNullable(System.getenv("IAMDOJO_TEST_POSTGRESQL_PASSWORD")).orElse("iamdojo");
    }

    /** The run's database: the cluster's URL with the database name replaced. */
    private static String databaseUrl() {
        String url = System.getenv("IAMDOJO_TEST_POSTGRESQL_URL");
        URI uri = URI.create(url.substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/" + database
                + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    private static Node startNode(String name) throws IOException {
        int port = freePort();
        Path dataDir = Files.createDirectories(RUN.resolve(name + "-" + database)).toAbsolutePath();
        Path log = RUN.resolve(name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        Optional<Path> jar = productionJar();
        ProcessBuilder pb = new ProcessBuilder();
        if (jar.isPresent()) {
            // Started in its data folder, the jar finds the scenarios only when told where they are.
            command.addAll(List.of("-jar", jar.get().toAbsolutePath().toString(),
                    "--iamdojo.scenarios-dir=" + Path.of("scenarios").toAbsolutePath()));
            pb.directory(dataDir.toFile());
        } else {
            command.addAll(List.of("-cp", runtimeClasspath(), "org.iamdojo.Application",
                    "--vaadin.devmode.devTools.enabled=false"));
        }
        command.addAll(List.of("--server.port=" + port, "--iamdojo.sign-up.per-address=100000"));
        pb.command(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("IAMDOJO_DATABASE_URL", databaseUrl());
        env.put("IAMDOJO_DATABASE_USER", dbUser());
        env.put("IAMDOJO_DATABASE_PASSWORD", dbPassword());
        env.put("IAMDOJO_DATA_DIR", dataDir.toString());
        env.put("IAMDOJO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("IAMDOJO_AWS_ENDPOINT", "false");
        Process p = pb.start();
        processes.add(p);
        System.out.printf("%s: pid %d, port %d, %s, log %s%n", name, p.pid(), port,
                jar.map(j -> "jar " + j).orElse("build classes (development mode)"), log);
        return new Node(name, p, port, log);
    }

    /** target/iam-dojo-*.jar when it is a production build (its frontend bundle inside), else empty. */
    private static Optional<Path> productionJar() throws IOException {
        Pattern production = Pattern.compile("\"productionMode\"\\s*:\\s*true");
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            for (Path jar : files.filter(f -> f.getFileName().toString().matches("iam-dojo-.*\\.jar")).toList()) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    // Spring Boot's repackaging puts the production bundle and its build info at the jar's root.
                    ZipEntry info = j.getEntry("META-INF/VAADIN/config/flow-build-info.json");
                    if (info != null) {
                        try (InputStream in = j.getInputStream(info)) {
                            if (production.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).find()) {
                                return Optional.of(jar);
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** This JVM's class path without the test classes (failsafe may hand it over as a manifest-only jar). */
    private static String runtimeClasspath() throws IOException {
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (JarFile booter = new JarFile(entries.get(0))) {
                Manifest m = booter.getManifest();
                String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                if (cp != null) {
                    entries = Arrays.stream(cp.split(" ")).filter(s -> !s.isBlank())
                            .map(s -> Path.of(URI.create(s)).toString()).collect(Collectors.toList());
                }
            }
        }
        return entries.stream().filter(e -> !e.contains("test-classes") && !e.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Process startProxy() throws IOException {
        String sample = Files.readString(Path.of("deploy", "haproxy.cfg"));
        String config = replaceOnce(sample, "bind 127.0.0.1:8000", "bind 127.0.0.1:" + proxyPort);
        config = replaceOnce(config, "127.0.0.1:8081", "127.0.0.1:" + nodeA.port());
        config = replaceOnce(config, "127.0.0.1:8082", "127.0.0.1:" + nodeB.port());
        Path file = RUN.resolve("haproxy.cfg").toAbsolutePath();
        Files.writeString(file, config);
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(check.waitFor()).as("haproxy -c: %s", checked).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(RUN.resolve("haproxy.log").toFile()).start();
        processes.add(p);
        return p;
    }

    private static String replaceOnce(String text, String what, String with) {
        assertThat(text).as("deploy/haproxy.cfg has '%s'", what).contains(what);
        return text.replace(what, with);
    }

    /**
     * Waits until the node has started and serves the sign-in page to a visitor without a session. /healthz alone is
     * not enough: Tomcat answers it before the application has finished starting.
     */
    private static void waitHealthy(Node node) {
        waitForLog(node, "Started Application");
        waitFor(() -> status("http://127.0.0.1:" + node.port() + "/healthz") == 200
                && status("http://127.0.0.1:" + node.port() + "/login") == 200, node.name() + " healthy");
    }

    private static void waitForLog(Node node, String text) {
        waitFor(() -> {
            assertThat(node.process().isAlive()).as("%s stopped; see %s", node.name(), node.log()).isTrue();
            return Files.exists(node.log()) && Files.readString(node.log(), StandardCharsets.ISO_8859_1).contains(text);
        }, node.name() + " printing " + text);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) {
        long until = System.nanoTime() + START_LIMIT.toNanos();
        try {
            while (!check.ok()) {
                assertThat(System.nanoTime()).as("waited %s for %s", START_LIMIT, what).isLessThan(until);
                Thread.sleep(250);
            }
        } catch (Exception e) {
            throw new AssertionError("waiting for " + what, e);
        }
    }

    private static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
