package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iamdojo.iam.account.Totp;
import org.iamdojo.iam.cli.AwsCommandLine;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.ScenarioOperation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The learner robot: for every scenario file in {@code scenarios/} it signs up, opens the scenario from the
 * catalog and plays it in the browser only, as a person following the lesson would: the identity switcher
 * (root, the scenario's accounts, IAM user sign-in with the password the lesson gives, keys the story hands
 * over), the terminal (each call typed as the AWS CLI line the solution dialog shows), the sandbox clock buttons,
 * "Next step" and "Check my work". Keys, ids and MFA seeds are read off the terminal's output, as a person copies
 * them; MFA codes come from the seed as an authenticator app makes them. First the lazy solution is played and
 * must not pass; then, after Reset, the reference solution must reach full marks. A scenario added later is
 * picked up by the same test; two are played in Korean. The scenarios are dealt into two halves by their place in
 * the catalog ({@link LearnerRobotFirstHalfTest}, {@link LearnerRobotSecondHalfTest}) so that the two test JVMs of
 * {@code mvn verify} play them side by side.
 */
abstract class LearnerRobot extends BrowserTestBase {
    private static final Set<String> IN_KOREAN = Set.of("root-account-hygiene", "cross-account-monitoring");
    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Pattern VAR = Pattern.compile("\\$\\{(totp:|totp-previous:)?([A-Za-z0-9_-]+)((?:\\.[A-Za-z0-9_]+)*)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double SLOW_MS = 60_000;

    /** Which half this class plays: the scenarios whose place in the catalog has this remainder modulo 2. */
    protected abstract int half();

    @TestFactory
    Stream<DynamicTest> everyScenarioIsPlayedInTheBrowserToFullMarks() throws IOException {
        ScenarioCatalog catalog = new ScenarioCatalog(SCENARIOS, PolicyValidator.standard());
        long files;
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).count();
        }
        // A file the catalog refused would silently escape the robot.
        assertThat(catalog.scenarios()).as("scenarios loaded from %s", SCENARIOS).hasSize((int) files);
        assertThat(catalog.scenarios()).extracting(Scenario::id).containsAll(IN_KOREAN);
        List<Scenario> all = catalog.scenarios();
        // -Drobot.only=ID[,ID...] plays those scenarios (while writing them); CI plays them all.
        Set<String> only = Set.of(System.getProperty("robot.only", "").split(",")).stream().map(String::strip)
                .filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toSet());
        assertThat(all).extracting(Scenario::id).as("-Drobot.only names scenarios that exist").containsAll(only);
        return all.stream().filter(s -> all.indexOf(s) % 2 == half())
                .filter(s -> only.isEmpty() || only.contains(s.id())).map(s -> DynamicTest.dynamicTest(s.id(),
                () -> new Robot(s, all.indexOf(s), IN_KOREAN.contains(s.id()) ? "ko-KR" : "en-US").play()));
    }

    /** One learner playing one scenario. */
    private final class Robot {
        private final Scenario scenario;
        private final int number;
        private final String browserLocale;
        private final Locale locale;
        private final Map<String, JsonNode> saved = new HashMap<>();
        private final Set<String> configured = new HashSet<>();
        private final List<ScenarioOperation> played = new ArrayList<>();
        private String identity;
        private int step;

        Robot(Scenario scenario, int number, String browserLocale) {
            this.scenario = scenario;
            this.number = number;
            this.browserLocale = browserLocale;
            this.locale = Locale.forLanguageTag(browserLocale);
        }

        void play() {
            newSession(browserLocale);
            String learner = ("robot" + number + "-" + scenario.id());
            learner = learner.substring(0, Math.min(32, learner.length()));
            signUp(learner, GOOD_PASSWORD);
            signIn(learner, GOOD_PASSWORD);
            page.locator("#nav-scenarios").click();
            page.locator("#open-" + scenario.id()).click();
            assertThat(page.locator("#check-my-work")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW_MS));
            page.locator("#console-nav-terminal").click();
            assertThat(page.locator("#terminal-input")).isVisible();

            if (!scenario.lazySolution().isEmpty()) {
                begin();
                scenario.lazySolution().forEach(this::perform);
                check(false);
                reset();
            }
            begin();
            scenario.solution().forEach(this::perform);
            check(true);
            screenshot("robot-" + scenario.id());
            // Full marks lead on: the next scenario this learner has not finished opens from the report.
            page.locator("#next-scenario").click();
            assertThat(page).not().hasURL(Pattern.compile(".*/play/" + Pattern.quote(scenario.id()) + "$"));
            assertThat(page.locator("#check-my-work")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW_MS));
        }

        private void begin() {
            identity = scenario.learner().isRoot() ? "root " + scenario.homeAccountId() : "user " + scenario.learner().user();
            step = 1;
            saved.clear();
            configured.clear();
            played.clear();
        }

        private void perform(ScenarioOperation op) {
            if (op.step() != null) {
                while (step < op.step()) {
                    page.locator("#next-step").click();
                    step++;
                    assertThat(page.locator(".player-step h2"))
                            .containsText(scenario.steps().get(step - 1).title().in(locale));
                }
            }
            if ("dojo".equals(op.service())) {
                advanceClock(Duration.ofSeconds(op.params().path("Seconds").asLong()));
                return;
            }
            String profile = actAs(op);
            ObjectNode params = resolve(op.params());
            String line = AwsCommandLine.command(op.service(), op.operation(), params)
                    + (profile == null ? "" : " --profile " + profile);
            Printed out = type(line);
            if (op.expectError() != null) {
                assertThat(out.failed()).as("%s should fail with %s but printed %s", line, op.expectError(), out.text())
                        .isTrue();
                assertThat(out.text()).as(line).contains(op.expectError());
            } else {
                assertThat(out.failed()).as("%s (as %s) printed %s", line, identity, out.text()).isFalse();
            }
            if (!op.save().isEmpty()) {
                JsonNode response = parse(out.text(), line);
                op.save().forEach((name, path) -> {
                    JsonNode n = response;
                    for (String part : path.split("\\.")) {
                        n = n.isArray() ? n.path(Integer.parseInt(part)) : n.path(part);
                    }
                    assertThat(n.isMissingNode()).as("%s printed no %s: %s", line, path, out.text()).isFalse();
                    saved.put(name, n);
                });
            }
            played.add(op);
        }

        /** Switches the console to the caller the lesson names; returns the terminal profile to add, or null. */
        private String actAs(ScenarioOperation op) {
            String[] w = op.as().trim().split("\\s+");
            String account = op.account() == null ? scenario.homeAccountId() : op.account();
            switch (w[0]) {
                case "root" -> {
                    String want = "root " + account;
                    if (!want.equals(identity)) {
                        switchMenu(account.equals(scenario.homeAccountId()) ? "#switch-root" : "#switch-root-" + account);
                        assertThat(page.locator("#acting-as")).containsText(account);
                        identity = want;
                    }
                    return null;
                }
                case "user" -> {
                    String user = w[1];
                    boolean mfa = w.length == 3;
                    String want = "user " + user + (mfa ? " mfa" : "");
                    if (!want.equals(identity)) {
                        if (!mfa && user.equals(scenario.learner().user()) && account.equals(scenario.homeAccountId())) {
                            switchMenu("#switch-own");
                        } else {
                            signInAs(user, mfa);
                        }
                        assertThat(page.locator("#acting-as")).containsText(user);
                        identity = want;
                    }
                    return null;
                }
                case "keys" -> {
                    String variable = w[1];
                    String handed = scenario.learner().profiles().entrySet().stream()
                            .filter(e -> e.getValue().equals(variable)).map(Map.Entry::getKey).findFirst().orElse(null);
                    if (handed != null) {
                        // Keys the story handed over: picked in the identity switcher, as the step says.
                        if (!("keys " + variable).equals(identity)) {
                            switchMenu("#switch-keys");
                            page.locator("#use-keys-profile input").click();
                            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(handed + " (")).click();
                            page.locator("#use-keys-submit").click();
                            assertThat(page.locator("#acting-as")).containsText(handed);
                            identity = "keys " + variable;
                        }
                        return null;
                    }
                    configureProfile(variable);
                    return variable;
                }
                default -> throw new AssertionError("The robot cannot act as '" + op.as() + "' in the browser");
            }
        }

        private void switchMenu(String itemId) {
            page.locator("#switch-identity").click();
            page.locator(itemId).click();
        }

        /**
         * Signs in on the identity switcher with the console password the lesson gave the user and, with MFA, the
         * code the authenticator app shows for the device the lesson enabled for the user.
         */
        private void signInAs(String user, boolean mfa) {
            String password = passwordOf(user);
            switchMenu("#switch-user");
            page.locator("#signin-user input").fill(user);
            page.locator("#signin-user input").press("Enter");
            page.locator("#signin-password input").fill(password);
            page.locator("#signin-submit").click();
            if (mfa) {
                // As in AWS's sign-in, the code is asked for once the password is right.
                page.locator("#signin-mfa input").fill(Totp.code(mfaSeedOf(user), Instant.now()));
                page.locator("#signin-submit").click();
            }
        }

        /** The seed of the MFA device an EnableMFADevice call of the lesson enabled for the user, as printed. */
        private String mfaSeedOf(String user) {
            Pattern serialVariable = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)\\.SerialNumber}");
            return played.stream().filter(o -> o.operation().equals("EnableMFADevice") && o.params() != null
                            && user.equals(o.params().path("UserName").asText()))
                    .map(o -> serialVariable.matcher(o.params().path("SerialNumber").asText()))
                    .filter(Matcher::matches).map(m -> saved.get(m.group(1)))
                    .filter(v -> v != null && v.hasNonNull("Base32StringSeed"))
                    .map(v -> v.get("Base32StringSeed").asText()).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(scenario.id() + ": the lesson never shows the MFA seed of "
                            + user + ", so a learner cannot sign in as " + user + " with MFA"));
        }

        private String passwordOf(String user) {
            List<ScenarioOperation> known = new ArrayList<>();
            scenario.accounts().forEach(a -> known.addAll(a.operations()));
            known.addAll(played);
            return known.stream()
                    .filter(o -> o.operation().equals("CreateLoginProfile") || o.operation().equals("UpdateLoginProfile"))
                    .filter(o -> o.params() != null && user.equals(o.params().path("UserName").asText()))
                    .map(o -> o.params().path("Password").asText()).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(scenario.id() + ": the lesson never gives " + user
                            + " a console password, so a learner cannot sign in as " + user));
        }

        /** Types {@code aws configure set} lines with the keys an earlier call printed. */
        private void configureProfile(String variable) {
            if (configured.contains(variable)) {
                return;
            }
            JsonNode keys = saved.get(variable);
            assertThat(keys).as("keys %s were never printed", variable).isNotNull();
            List<String> lines = new ArrayList<>(List.of(
                    "aws configure set aws_access_key_id " + keys.path("AccessKeyId").asText() + " --profile " + variable,
                    "aws configure set aws_secret_access_key " + keys.path("SecretAccessKey").asText() + " --profile " + variable));
            if (keys.hasNonNull("SessionToken")) {
                lines.add("aws configure set aws_session_token " + keys.path("SessionToken").asText() + " --profile " + variable);
            }
            for (String line : lines) {
                assertThat(type(line).failed()).as(line).isFalse();
            }
            configured.add(variable);
        }

        /** Presses the terminal's clock buttons until the sandbox moved at least {@code by}. */
        private void advanceClock(Duration by) {
            Duration left = by;
            List<Map.Entry<String, Duration>> buttons = List.of(Map.entry("12h", Duration.ofHours(12)),
                    Map.entry("1h", Duration.ofHours(1)), Map.entry("15m", Duration.ofMinutes(15)));
            while (!left.isNegative() && !left.isZero()) {
                Duration remaining = left;
                Map.Entry<String, Duration> b = buttons.stream().filter(x -> x.getValue().compareTo(remaining) <= 0)
                        .findFirst().orElse(buttons.get(buttons.size() - 1));
                String before = page.locator("#sandbox-clock-now").textContent();
                page.locator("#clock-advance-" + b.getKey()).click();
                assertThat(page.locator("#sandbox-clock-now")).not().hasText(before);
                left = left.minus(b.getValue());
            }
        }

        private Printed type(String line) {
            Locator echoes = page.locator("#terminal-output .terminal-echo");
            int before = echoes.count();
            Locator input = page.locator("#terminal-input input");
            input.fill(line);
            input.press("Enter");
            assertThat(echoes).hasCount(before + 1);
            Locator last = page.locator("#terminal-output .terminal-block").last();
            String classes = last.getAttribute("class");
            if (classes.contains("terminal-echo")) {
                return new Printed("", false);
            }
            return new Printed(last.locator("span").first().textContent(), classes.contains("terminal-error"));
        }

        private void check(boolean full) {
            page.locator("#check-my-work").click();
            Locator verdict = page.locator("#grade-verdict");
            assertThat(verdict).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SLOW_MS));
            String score = page.locator("#score").textContent();
            List<String> failed = page.locator(".check-row.failed").allTextContents();
            int max = scenario.maxPoints();
            if (full) {
                assertThat(score).as("%s: the reference solution played in the browser; failed checks %s",
                        scenario.id(), failed).contains(max + " / " + max);
                assertThat(verdict.getAttribute("class")).contains("passed").doesNotContain("not-passed");
            } else {
                assertThat(verdict.getAttribute("class")).as("%s: the lazy solution must not pass (%s)",
                        scenario.id(), score).contains("not-passed");
            }
        }

        private void reset() {
            page.locator("#reset-sandbox").click();
            page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']").click();
            assertThat(page.locator("#grade-verdict")).hasCount(0);
            page.locator("#console-nav-terminal").click();
            assertThat(page.locator("#terminal-output .terminal-echo")).hasCount(0);
        }

        private ObjectNode resolve(ObjectNode params) {
            ObjectNode copy = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
            resolveIn(copy);
            return copy;
        }

        private void resolveIn(JsonNode node) {
            if (node instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (o.get(name).isTextual()) {
                        o.put(name, resolveText(o.get(name).asText()));
                    } else {
                        resolveIn(o.get(name));
                    }
                }
            } else if (node instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isTextual()) {
                        a.set(i, TextNode.valueOf(resolveText(a.get(i).asText())));
                    } else {
                        resolveIn(a.get(i));
                    }
                }
            }
        }

        /** ${VAR.Path} from what the terminal printed; ${totp:VAR...} as an authenticator app shows it. */
        private String resolveText(String text) {
            Matcher m = VAR.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode v = saved.get(m.group(2));
                assertThat(v).as("%s: %s was never printed to the learner", scenario.id(), m.group(2)).isNotNull();
                for (String part : m.group(3).isEmpty() ? new String[0] : m.group(3).substring(1).split("\\.")) {
                    v = v.path(part);
                }
                String value = v.asText();
                if ("totp:".equals(m.group(1))) {
                    value = Totp.code(value, Instant.now());
                } else if ("totp-previous:".equals(m.group(1))) {
                    value = Totp.code(value, Instant.now().minusSeconds(30));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private JsonNode parse(String text, String line) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(line + " printed no JSON: " + text, e);
            }
        }
    }

    private record Printed(String text, boolean failed) {
    }
}
