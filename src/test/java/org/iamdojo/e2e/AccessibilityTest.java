package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * axe-core on the pages and dialogs a learner and an instructor reach by clicking (the console beside a scenario
 * and on its own page, its create-user, policy editor and policy builder dialogs, the Compare policies page with its
 * results, practice, an exam, its finish
 * dialog and result, history, joining a workshop, the instructor's board and a participant's read-only console
 * and replay): no serious or critical violation (colour contrast of text at least 4.5:1 included), no landmark or
 * heading-order violation, exactly one main landmark and exactly one level-1 heading on each. A failure lists every violation by rule, element and what
 * to fix. Screenshots of each page checked: target/screenshots/a11y-*.png.
 */
class AccessibilityTest extends BrowserTestBase {
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    // Moderate rules about the page's structure, all passing since every view sits in one main landmark under
    // one h1 with h2 sections: they stay passing.
    private static final Set<String> STRUCTURE = Set.of("region", "landmark-one-main", "landmark-no-duplicate-main",
            "landmark-unique", "page-has-heading-one", "heading-order");
    // Landmarks and headings as assistive technology sees them (Playwright's CSS pierces shadow roots).
    private static final String MAIN = "main, [role='main']";
    private static final String H1 = "h1, [role='heading'][aria-level='1']";

    private static final String CHOICE_LABELS = "#exam-question .question-choices vaadin-radio-button label, "
            + "#exam-question .question-choices vaadin-checkbox label";
    private static final String JOINER = "a11y-joiner";

    // Many axe runs and layout measurements on a shared 2-core machine: assertions wait up to 15 s, not 5 s.
    private static final double PATIENT_MS = 15_000;
    private static final double USUAL_MS = 5_000;

    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void patientAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENT_MS);
    }

    @AfterAll
    static void usualAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(USUAL_MS);
    }

    @Test
    void learnerPagesInEnglish() {
        newSession("en-US");
        open("/");
        assertThat(page.locator("#cta-sign-up")).isVisible();
        check("landing-en");

        page.locator("#nav-sign-up").click();
        assertThat(page.locator("#signup-submit")).isVisible();
        check("signup-en");
        page.locator("#signup-username input").fill("a11y-learner");
        page.locator("#signup-password input").fill(GOOD_PASSWORD);
        page.locator("#signup-confirm input").fill(GOOD_PASSWORD);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#login-notice")).isVisible();
        check("signin-en");
        signIn("a11y-learner", GOOD_PASSWORD);

        page.locator("#nav-scenarios").click();
        assertThat(page.locator(".scenario-card").first()).isVisible();
        check("catalog-en");

        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();
        assertThat(page.locator("#console-nav")).isVisible();
        check("player-console-en");

        page.locator("#console-nav-users").click();
        assertThat(page.locator("#create-user")).isVisible();
        check("player-console-users-en");

        page.locator("#console-nav-access-map").click();
        assertThat(page.locator("#access-map-drawing svg")).isVisible();
        check("player-access-map-en");

        page.locator("#console-nav-policies").click();
        page.locator("#create-policy").click();
        page.locator("#policy-name input").fill("ReadReports");
        // A policy with mistakes: the editor marks their lines and lists the findings, all of which are checked.
        page.locator("#policy-json textarea").fill("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n"
                + "    \"Effect\": \"Alow\",\n    \"Action\": \"s3:GetObjekt\",\n    \"Resource\": \"*\"\n  }]\n}");
        assertThat(page.locator(".policy-finding").first()).isVisible();
        check("policy-editor-en");
        page.keyboard().press("Escape");
        assertThat(page.locator("#policy-editor-dialog")).hasCount(0);

        // The console on its own page: its title is the h1, the page list's heading the h2, each page's title h3.
        page.locator("#nav-console").click();
        assertThat(page.locator("#console-nav")).isVisible();
        check("console-en");
        page.locator("#console-nav-users").click();
        page.locator("#create-user").click();
        assertThat(page.locator("#new-user-name")).isVisible();
        check("create-user-dialog-en");
        page.keyboard().press("Escape");
        assertThat(page.locator("#new-user-name")).hasCount(0);
        page.locator("#console-nav-policies").click();
        page.locator("#create-policy").click();
        assertThat(page.locator("#policy-json")).isVisible();
        check("console-policy-editor-en");
        page.locator("#policy-builder-open").click();
        assertThat(page.locator("#builder-effect")).isVisible();
        check("policy-builder-en");
        page.keyboard().press("Escape");
        assertThat(page.locator("#builder-effect")).hasCount(0);
        page.keyboard().press("Escape");
        assertThat(page.locator("#policy-editor-dialog")).hasCount(0);

        page.locator("#nav-practice").click();
        page.locator("#open-path-SAA-C03").click();
        Locator question = page.locator("#practice-items .question-card").first();
        assertThat(question).isVisible();
        check("practice-question-en");

        page.locator("#exam-SAA-C03").first().click();
        page.locator("#start-exam").click();
        assertThat(page.locator("#exam-question .question-card")).isVisible();
        check("exam-question-en");
        page.locator(CHOICE_LABELS).first().click();
        page.locator("#finish-exam").click();
        Locator finish = page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], "
                + "#finish-dialog vaadin-button[slot='confirm-button']").first();
        assertThat(finish).isVisible();
        check("exam-finish-dialog-en");
        finish.click();
        assertThat(page.locator("#exam-score")).isVisible();
        check("exam-result-en");

        page.locator("#nav-history").click();
        assertThat(page.locator("#history-exams")).isVisible();
        check("history-en");
        assertNoProblems();
    }

    @Test
    void instructorWorkshopBoard() {
        newSession("en-US");
        open("/");
        page.locator("#nav-sign-in").click();
        signIn("admin", ADMIN_PASSWORD);
        page.locator("#nav-admin").click();
        assertThat(page.locator("#members")).containsText("admin");
        check("admin-en");

        page.locator("#nav-workshops").click();
        assertThat(page.locator("#new-workshop")).isVisible();
        check("workshops-en");
        page.locator("#new-workshop").click();
        assertThat(page.locator("#create-workshop")).isVisible();
        check("workshop-create-en");
        page.locator("#workshop-title input").fill("Accessible IAM workshop");
        page.locator("#scenario-picker input").fill("Developers and testers");
        page.locator("vaadin-combo-box-item").first().click();
        assertThat(page.locator("#chosen-scenarios li")).hasCount(1);
        page.locator("#create-workshop").click();
        assertThat(page.locator("#join-code")).isVisible();
        assertThat(page.locator("#board-grid")).isVisible();
        check("workshop-board-en");
        Page board = page;
        String code = page.locator("#join-code").textContent().strip();

        // A learner joins with the code (a wrong one first), starts the scenario and creates a user.
        addSession("en-US");
        signUp(JOINER, GOOD_PASSWORD);
        signIn(JOINER, GOOD_PASSWORD);
        page.locator("#nav-join").click();
        assertThat(page.locator("#join-submit")).isVisible();
        check("join-en");
        page.locator("#join-code-field input").fill("ZZZZZZ");
        page.locator("#join-submit").click();
        assertThat(page.locator("#join-code-field")).hasAttribute("invalid", "");
        check("join-error-en");
        page.locator("#join-code-field input").fill(code);
        page.locator("#join-submit").click();
        assertThat(page.locator("#workshop-scenarios")).isVisible();
        check("learner-workshop-en");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();
        page.locator("#console-nav-users").click();
        page.locator("#create-user").click();
        page.locator("#new-user-name input").fill("tester");
        page.locator("#create-user-confirm").click();
        assertThat(page.locator("#users-grid")).containsText("tester");
        page.locator("#nav-join").click();
        assertThat(page.locator("#joined-workshops")).isVisible();
        check("join-mine-en");

        // The instructor opens the learner's sandbox from the board: read-only console, then the replay.
        use(board);
        Locator cell = page.locator("[data-participant='" + JOINER + "'][data-scenario='developers-and-testers']");
        // The learner created a user: one change on the board (page views are not counted).
        assertThat(cell).containsText("1 change");
        cell.locator(".board-open").click();
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#read-only-console")).isVisible();
        check("participant-console-en");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("CloudTrail replay")).click();
        assertThat(page.locator("#replay-position")).isVisible();
        assertThat(page.locator("#replay-json")).containsText("eventName");
        check("participant-replay-en");
        assertNoProblems();
    }

    /**
     * The Compare policies page with a FAIL's rows and counterexamples, then as resource policies with a
     * counterexample's evaluation opened in place; in English and Korean.
     */
    @Test
    void comparePoliciesPage() {
        String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
                + "%s\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"}]}";
        for (String locale : List.of("en-US", "ko-KR")) {
            String suffix = locale.substring(0, 2);
            newSession(locale);
            signUp("a11y-compare-" + suffix, GOOD_PASSWORD);
            signIn("a11y-compare-" + suffix, GOOD_PASSWORD);
            open("/console");
            page.locator("#console-nav-compare").click();
            page.locator("#compare-existing-json textarea").fill(String.format(existing, ""));
            page.locator("#compare-new-json textarea").fill(String.format(existing, "").replace("dojo-app-artifacts/*", "*"));
            page.locator("#compare-run").click();
            assertThat(page.locator("#compare-verdict")).hasText("FAIL");
            assertThat(page.locator("#compare-examples")).isVisible();
            check("compare-" + suffix);

            page.locator("#compare-type vaadin-radio-button").nth(1).click();
            assertThat(page.locator("#compare-existing-template")).hasCount(0);
            page.locator("#compare-existing-json textarea").fill(String.format(existing,
                    "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"));
            page.locator("#compare-new-json textarea").fill(String.format(existing, "\"Principal\":\"*\","));
            page.locator("#compare-run").click();
            assertThat(page.locator("#compare-verdict")).hasText("FAIL");
            page.locator("#compare-examples .compare-open").first().click();
            assertThat(page.locator("#compare-examples .eval-flow").first()).isVisible();
            check("compare-resource-" + suffix);
        }
        assertNoProblems();
    }

    @ParameterizedTest
    @CsvSource({"ko-KR,ko,온라인"})
    void landingAndCatalogInKorean(String browserLocale, String suffix, String onlineText) {
        newSession(browserLocale);
        open("/");
        assertThat(page.locator("#cta-sign-up")).isVisible();
        // Vaadin's connection indicator is a status message in the page's language, not loose English text.
        assertThat(page.locator("vaadin-connection-indicator")).hasAttribute("role", "status");
        assertThat(page.locator("vaadin-connection-indicator .text")).hasText(onlineText);
        check("landing-" + suffix);
        page.locator("#cta-sign-up").click();
        page.locator("#signup-username input").fill("a11y-" + suffix);
        page.locator("#signup-password input").fill(GOOD_PASSWORD);
        page.locator("#signup-confirm input").fill(GOOD_PASSWORD);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#login-notice")).isVisible();
        signIn("a11y-" + suffix, GOOD_PASSWORD);
        page.locator("#nav-scenarios").click();
        assertThat(page.locator(".scenario-card").first()).isVisible();
        check("catalog-" + suffix);
        assertNoProblems();
    }

    /**
     * Screenshot, then axe on the whole page as it is now, one main landmark and one level-1 heading; what is
     * wrong is collected, so one run names the problems of every page (see {@link #assertNoProblems()}).
     */
    private void check(String name) {
        screenshot("a11y-" + name);
        AxeResults results = new AxeBuilder(page).analyze();
        if (results.getErrorMessage() != null) {
            problems.add(name + ": axe failed: " + results.getErrorMessage());
            return;
        }
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        if (!blocking.isEmpty()) {
            problems.add(name + ": serious or critical violations:\n" + describe(blocking));
        }
        List<Rule> structure = results.getViolations().stream().filter(r -> STRUCTURE.contains(r.getId())).toList();
        if (!structure.isEmpty()) {
            problems.add(name + ": landmark and heading violations:\n" + describe(structure));
        }
        if (results.getPasses().stream().noneMatch(r -> r.getId().equals("color-contrast"))) {
            problems.add(name + ": colour contrast was checked on no text");
        }
        int mains = page.locator(MAIN).count();
        if (mains != 1) {
            problems.add(name + ": " + mains + " main landmarks, expected 1");
        }
        List<String> h1 = page.locator(H1).allTextContents();
        if (h1.size() != 1) {
            problems.add(name + ": " + h1.size() + " level-1 headings " + h1 + ", expected 1");
        }
        if (!results.getViolations().isEmpty()) {
            // Moderate and minor findings outside the structure rules do not fail the test; the log shows them.
            System.out.println("axe " + name + ": violations\n" + describe(results.getViolations()));
        }
    }

    /** Fails with every problem found on the pages checked so far. */
    private void assertNoProblems() {
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n"
                        + r.getNodes().stream().map(AccessibilityTest::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
        return "    " + node.getTarget() + ": " + summary;
    }
}
