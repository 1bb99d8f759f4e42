package org.iamdojo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workshop load with real Vaadin UI sessions against a running, packaged IAM Dojo ({@code scripts/ui-load.sh}
 * starts one and runs this). An instructor (a real headless Chromium, signed in, push websocket open) creates a
 * workshop and watches its board; N participants, each a {@link UiLoadSession} speaking Vaadin's UIDL protocol,
 * sign up and in through the forms, join with the code, start the scenario, run terminal commands, create a user
 * in the console, and check their work, with human-like pauses. Every step checks that the UI changed as expected
 * (else it counts an error). Reports the server's heap per participant after GC (jcmd), client round trips and the
 * server's own time per request (Tomcat's access log) and a class histogram. Not a test: never runs in a build.
 *
 * <p>Arguments: {@code base-url participants server-pid access-log admin-password [ramp-seconds] [out-dir]
 * [think]}; {@code think} is the pause between a participant's steps, {@code min-max} seconds (default 1-3, a
 * fast learner who knows the commands; 5-15 is closer to a class reading the story and typing).
 * Several nodes behind a proxy ({@code scripts/ui-load-two-nodes.sh}): {@code server-pid} is
 * {@code name=pid,name=pid} (the names the proxy's SERVERID cookie carries) and {@code access-log} one file per
 * node in the same order; then heap, server time, errors and sessions are reported per node.
 */
public final class UiLoad {
    private static final String SCENARIO = "explicit-deny-wins";
    private static final String SCENARIO_TITLE = "Explicit deny wins";
    private static final String PASSWORD = "Dojo-Practice-42";

    private final Map<String, ConcurrentLinkedQueue<Long>> client = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    /** Per node (the proxy's SERVERID, or {@code direct}): sessions of the measured run, and those that failed. */
    private final Map<String, AtomicInteger> sessionsByNode = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errorsByNode = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final String base;
    private final long runId = System.currentTimeMillis() % 1_000_000;
    private final int thinkMinMillis;
    private final int thinkMaxMillis;

    /** A measured server process: its name (SERVERID behind a proxy, else {@code direct}), pid and access log. */
    private record Server(String name, long pid, Path accessLog) {
    }

    private UiLoad(String base, int thinkMinMillis, int thinkMaxMillis) {
        this.base = base;
        this.thinkMinMillis = thinkMinMillis;
        this.thinkMaxMillis = thinkMaxMillis;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: UiLoad base-url participants server-pid access-log admin-password"
                    + " [ramp-seconds] [out-dir]");
            System.exit(2);
        }
        String base = args[0];
        int participants = Integer.parseInt(args[1]);
        String[] pids = args[2].split(",");
        String[] logs = args[3].split(",");
        if (pids.length != logs.length) {
            System.err.println("one access log per server pid: " + args[2] + " / " + args[3]);
            System.exit(2);
        }
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < pids.length; i++) {
            String[] named = pids[i].split("=", 2);
            servers.add(named.length == 2 ? new Server(named[0], Long.parseLong(named[1]), Path.of(logs[i]))
                    : new Server("direct", Long.parseLong(named[0]), Path.of(logs[i])));
        }
        String adminPassword = args[4];
        int ramp = args.length > 5 ? Integer.parseInt(args[5]) : Math.max(20, participants / 5);
        Path out = Path.of(args.length > 6 ? args[6] : "target/ui-load");
        String[] think = (args.length > 7 ? args[7] : "1-3").split("-");
        Files.createDirectories(out);
        System.out.printf("think time %s-%s s between steps%n", think[0], think[1]);
        new UiLoad(base, Integer.parseInt(think[0]) * 1000, Integer.parseInt(think[1]) * 1000).run(participants, servers, adminPassword, ramp, out);
        System.exit(0); // the HTTP client's pool threads would keep the JVM (and the script's server) alive
    }

    private void run(int participants, List<Server> servers, String adminPassword, int ramp, Path out)
            throws Exception {
        boolean several = servers.size() > 1;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
            Page board = instructorBoard(browser, adminPassword);
            String code = board.locator("#join-code").textContent().strip();
            System.out.printf("workshop %s, board open; load %s%n", code, load());

            // Warm the server's code paths with a few participants so the figures are of a running server.
            runParticipants(3, code, 3, "warm");
            client.clear();
            errors.clear();
            errorSamples.clear();
            sessionsByNode.clear();
            errorsByNode.clear();

            Map<Server, Long> before = new LinkedHashMap<>();
            Map<Server, String> histogramBefore = new LinkedHashMap<>();
            Map<Server, Long> logLinesBefore = new LinkedHashMap<>();
            for (Server server : servers) {
                String suffix = several ? "-" + server.name() : "";
                before.put(server, heapAfterGc(server.pid()));
                histogramBefore.put(server, jcmd(server.pid(), "GC.class_histogram"));
                heapDump(server.pid(), out, "before" + suffix);
                logLinesBefore.put(server, lines(server.accessLog()));
                System.out.printf("heap before%s: %.1f MB%n", several ? " (" + server.name() + ")" : "",
                        before.get(server) / 1e6);
            }
            System.out.printf("%d participants, ramp %d s; load %s%n", participants, ramp, load());
            long start = System.nanoTime();
            runParticipants(participants, code, ramp, "p");
            double seconds = (System.nanoTime() - start) / 1e9;
            String loadAtEnd = load();

            boolean boardOk = boardShows(board, participants + 3);
            if (!boardOk) {
                count("board", "board does not show " + (participants + 3) + " participants: "
                        + board.locator("#summary-participants").textContent());
            }
            Map<Server, Long> after = new LinkedHashMap<>();
            Map<Server, String> histogram = new LinkedHashMap<>();
            for (Server server : servers) {
                String suffix = several ? "-" + server.name() : "";
                after.put(server, heapAfterGc(server.pid()));
                histogram.put(server, jcmd(server.pid(), "GC.class_histogram"));
                Files.writeString(out.resolve("histogram-" + participants + suffix + ".txt"), histogram.get(server));
                heapDump(server.pid(), out, "after-" + participants + suffix);
            }

            StringBuilder report = new StringBuilder();
            report.append(String.format("participants %d (+3 warm-up), run %.0f s, load average at end %s%n",
                    participants, seconds, loadAtEnd));
            for (Server server : servers) {
                // Several nodes: per participant of the sessions that node served in the measured run.
                int served = several ? sessions(server.name()) : participants;
                report.append(String.format("heap after GC%s: before %.1f MB, after %.1f MB, per participant %.0f kB%n",
                        several ? " on " + server.name() + " (" + served + " sessions)" : "",
                        before.get(server) / 1e6, after.get(server) / 1e6,
                        (after.get(server) - before.get(server)) / 1e3 / Math.max(1, served)));
            }
            report.append("client round trips (ms): label count p50 p95 p99 max\n");
            List<Long> allUidl = new ArrayList<>();
            for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(client).entrySet()) {
                report.append("  ").append(stats(e.getKey(), new ArrayList<>(e.getValue()))).append('\n');
                if (!List.of("page", "init", "sign-in", "unload").contains(e.getKey())) {
                    allUidl.addAll(e.getValue());
                }
            }
            report.append("  ").append(stats("ALL UIDL", allUidl)).append('\n');
            for (Server server : servers) {
                if (several) {
                    report.append(server.name()).append(": ");
                }
                report.append(serverTimes(server.accessLog(), logLinesBefore.get(server)));
            }
            int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
            report.append("errors: ").append(errorCount).append(' ').append(errors).append('\n');
            if (several || !sessionsByNode.keySet().equals(Set.of("direct"))) {
                report.append("sessions per node (the proxy's SERVERID of each participant): ").append(sessionsByNode)
                        .append(", of which failed: ").append(errorsByNode).append('\n');
            }
            errorSamples.stream().limit(10).forEach(s -> report.append("  ").append(s).append('\n'));
            for (Server server : servers) {
                int served = Math.max(1, several ? sessions(server.name()) : participants);
                report.append("what the participants added to the heap").append(several ? " of " + server.name() : "")
                        .append(" (class histogram after minus before, bytes per participant, instances per"
                                + " participant):\n");
                growth(histogramBefore.get(server), histogram.get(server)).entrySet().stream()
                        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(several ? 15 : 30)
                        .forEach(e -> report.append(String.format("  %10.0f B %9.1f  %s%n",
                                (double) e.getValue()[1] / served, (double) e.getValue()[0] / served,
                                e.getKey())));
            }
            System.out.print(report);
            Files.writeString(out.resolve("report-" + participants + ".txt"), report.toString());
            browser.close();
        }
    }

    /** Instructor set-up in a real browser: sign up, the admin grants the role, create the workshop, open its board. */
    private Page instructorBoard(Browser browser, String adminPassword) {
        String teacher = "load-teacher-" + runId;
        BrowserContext t = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 800));
        Page p = t.newPage();
        p.setDefaultTimeout(120_000);
        p.navigate(base + "/signup");
        p.locator("#signup-username input").fill(teacher);
        p.locator("#signup-password input").fill(PASSWORD);
        p.locator("#signup-confirm input").fill(PASSWORD);
        p.locator("#signup-submit").click();
        p.locator("#login-notice").waitFor();

        BrowserContext adminContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        Page a = adminContext.newPage();
        a.setDefaultTimeout(120_000);
        a.navigate(base + "/login");
        signIn(a, "admin", adminPassword);
        a.locator("#nav-admin").click();
        a.locator("#toggle-instructor-" + teacher).click();
        a.locator("#toggle-instructor-" + teacher).getByText("Remove instructor").waitFor();
        adminContext.close();

        signIn(p, teacher, PASSWORD);
        p.locator("#nav-workshops").click();
        p.locator("#new-workshop").click();
        p.locator("#workshop-title input").fill("Load " + runId);
        p.locator("#scenario-picker input").fill(SCENARIO_TITLE);
        p.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(SCENARIO_TITLE)).first().click();
        p.locator("#chosen-scenarios").getByText(SCENARIO_TITLE).waitFor();
        p.locator("#create-workshop").click();
        p.locator("#board-grid").waitFor();
        return p;
    }

    private static void signIn(Page page, String user, String password) {
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(user);
        form.locator("input[name='password']").fill(password);
        form.locator("input[name='password']").press("Enter");
        page.locator("#signed-in-user").waitFor();
    }

    /** Waits up to 30 s for the board's participant count (pushed to the open page). */
    private static boolean boardShows(Page board, int participants) {
        String expected = participants + " participants";
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            if (board.locator("#summary-participants").textContent().contains(expected)) {
                return true;
            }
            board.waitForTimeout(500);
        }
        return false;
    }

    private void runParticipants(int n, String code, int rampSeconds, String prefix) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(4)).build();
        CountDownLatch done = new CountDownLatch(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            long delay = n == 1 ? 0 : rampSeconds * 1000L * i / n;
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                    participant(http, code, prefix + "-" + runId + "-" + index, new Random(index));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "participant-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        done.await();
    }

    private int sessions(String node) {
        AtomicInteger n = sessionsByNode.get(node);
        return n == null ? 0 : n.get();
    }

    /** One participant's script; each step must see its UI change, else the error is counted and the script ends. */
    private void participant(HttpClient http, String code, String name, Random random) {
        UiLoadSession s = new UiLoadSession(http, base, this::record);
        String step = "sign-up";
        boolean failed = false;
        try {
            s.open("/signup");
            s.send("sign-up", List.of(
                    UiLoadSession.sync(s.node("signup-username"), name),
                    UiLoadSession.event(s.node("signup-username"), "change", null),
                    UiLoadSession.sync(s.node("signup-password"), PASSWORD),
                    UiLoadSession.event(s.node("signup-password"), "change", null),
                    UiLoadSession.sync(s.node("signup-confirm"), PASSWORD),
                    UiLoadSession.event(s.node("signup-confirm"), "change", null),
                    UiLoadSession.click(s.node("signup-submit"))));
            expect(s.find("login-notice").isPresent(), "no sign-in page with its notice after sign-up");
            pause(random);

            step = "sign-in";
            expect(s.signIn(name, PASSWORD), "sign-in refused");
            s.open("/");
            expect(s.find("signed-in-user").isPresent(), "home page without the signed-in member");
            pause(random);

            step = "join";
            s.open("/join/" + code);
            expect(s.find("open-" + SCENARIO).isPresent(), "workshop page without the scenario's Start");
            pause(random);

            step = "start";
            s.send("start", List.of(UiLoadSession.click(s.node("open-" + SCENARIO))));
            expect(s.find("check-my-work").isPresent(), "player without Check my work");
            pause(random);

            step = "terminal";
            tab(s, "terminal", "console-tab");
            expect(s.find("terminal-input").isPresent(), "terminal tab without its input");
            terminal(s, "aws iam create-group --group-name g-" + name, "\"GroupName\" : \"g-" + name + "\"", random);
            terminal(s, "aws iam create-user --user-name u-" + name, "\"UserName\" : \"u-" + name + "\"", random);
            terminal(s, "aws iam add-user-to-group --user-name u-" + name + " --group-name g-" + name,
                    "add-user-to-group", random);
            terminal(s, "aws iam list-groups", "\"GroupName\" : \"Admins\"", random);

            step = "console";
            tab(s, "users", "console-tab");
            s.send("console-open-dialog", List.of(UiLoadSession.click(s.node("create-user"))));
            expect(s.find("new-user-name").isPresent(), "no create-user dialog");
            pause(random);
            int field = s.node("new-user-name");
            UiLoadSession.Answer created = s.send("console-create-user", List.of(
                    UiLoadSession.sync(field, "c-" + name),
                    UiLoadSession.event(field, "change", null),
                    UiLoadSession.click(s.node("create-user-confirm"))));
            expect(created.raw().contains("c-" + name) && s.find("new-user-name").isEmpty(),
                    "created user not in the grid or dialog still open");
            pause(random);

            step = "check";
            UiLoadSession.Answer graded = s.send("check", List.of(UiLoadSession.click(s.node("check-my-work"))));
            expect(graded.hasText("/ 100"), "no score after Check my work");
        } catch (Exception | AssertionError e) {
            failed = true;
            count(step, name + " at " + step + " (" + s.servedBy() + "): " + e.getMessage());
        }
        sessionsByNode.computeIfAbsent(s.servedBy(), k -> new AtomicInteger()).incrementAndGet();
        if (failed) {
            errorsByNode.computeIfAbsent(s.servedBy(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static void tab(UiLoadSession s, String key, String label) throws IOException, InterruptedException {
        int index = s.childIndex("console-nav", "vaadin-tab", "console-nav-" + key);
        int tabs = s.node("console-nav");
        s.send(label, List.of(UiLoadSession.syncInt(tabs, "selected", index),
                UiLoadSession.event(tabs, "selected-changed", null)));
    }

    private void terminal(UiLoadSession s, String line, String expected, Random random)
            throws IOException, InterruptedException {
        int input = s.node("terminal-input");
        s.send("terminal-type", List.of(UiLoadSession.sync(input, line),
                UiLoadSession.event(input, "input", null)));
        List<ObjectNode> enter = List.of(UiLoadSession.key(input, "keydown", "Enter"),
                UiLoadSession.key(input, "keypress", "Enter"));
        UiLoadSession.Answer answer = s.send("terminal-run", enter);
        expect(answer.hasText(expected), "terminal did not answer '" + line + "' with " + expected);
        pause(random);
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    /** A person reads and types between clicks: the think time, uniformly between its bounds. */
    private void pause(Random random) throws InterruptedException {
        Thread.sleep(thinkMinMillis + random.nextInt(Math.max(1, thinkMaxMillis - thinkMinMillis)));
    }

    private void record(String label, long micros) {
        client.computeIfAbsent(label, k -> new ConcurrentLinkedQueue<>()).add(micros);
    }

    private void count(String step, String sample) {
        errors.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
        errorSamples.add(sample);
    }

    private static String stats(String label, List<Long> micros) {
        if (micros.isEmpty()) {
            return label + " 0";
        }
        long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%-20s %6d  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %7.1f", label, v.length,
                pct(v, 50) / 1e3, pct(v, 95) / 1e3, pct(v, 99) / 1e3, v[v.length - 1] / 1e3);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Server-side time per request from Tomcat's access log (pattern "%r %s %D", %D in microseconds). */
    private static String serverTimes(Path accessLog, long skip) throws IOException {
        Pattern line = Pattern.compile("^(\\S+) (\\S+) \\S+ (\\d{3}) (\\d+)$");
        Map<String, List<Long>> byKind = new TreeMap<>();
        AtomicInteger serverErrors = new AtomicInteger();
        try (var lines = Files.lines(accessLog, StandardCharsets.UTF_8)) {
            lines.skip(skip).forEach(l -> {
                Matcher m = line.matcher(l.strip());
                if (m.matches()) {
                    if (m.group(3).startsWith("5")) {
                        serverErrors.incrementAndGet();
                    }
                    String uri = m.group(2);
                    String kind = uri.contains("v-r=uidl") ? "UIDL" : uri.contains("v-r=init") ? "init"
                            : uri.startsWith("/login") && m.group(1).equals("POST") ? "sign-in POST"
                            : uri.startsWith("/VAADIN/push") ? "push" : "page/other";
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(Long.parseLong(m.group(4)));
                }
            });
        }
        StringBuilder sb = new StringBuilder("server time per request (Tomcat access log, ms):\n");
        byKind.forEach((k, v) -> sb.append("  ").append(stats(k, v)).append('\n'));
        sb.append("  answers with status 5xx: ").append(serverErrors.get()).append('\n');
        return sb.toString();
    }

    /** Per class: instances and bytes the second histogram holds beyond the first. */
    private static Map<String, long[]> growth(String before, String after) {
        Map<String, long[]> b = histogramRows(before);
        Map<String, long[]> out = new TreeMap<>();
        histogramRows(after).forEach((name, row) -> {
            long[] old = b.getOrDefault(name, new long[2]);
            out.put(name, new long[] {row[0] - old[0], row[1] - old[1]});
        });
        return out;
    }

    private static Map<String, long[]> histogramRows(String histogram) {
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        Map<String, long[]> out = new TreeMap<>();
        histogram.lines().forEach(l -> {
            Matcher m = row.matcher(l);
            if (m.find()) {
                out.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            }
        });
        return out;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Thread.sleep(1000);
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** With {@code UI_LOAD_HEAP_DUMP=1}: a heap dump of live objects for {@link HeapOwners} (out/heap-NAME.hprof). */
    private static void heapDump(long pid, Path out, String name) throws IOException, InterruptedException {
        if ("1".equals(System.getenv("UI_LOAD_HEAP_DUMP"))) {
            Path file = out.resolve("heap-" + name + ".hprof").toAbsolutePath();
            Files.deleteIfExists(file);
            System.out.println(jcmd(pid, "GC.heap_dump " + file).strip());
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", Arrays.copyOf(parts, 3));
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
