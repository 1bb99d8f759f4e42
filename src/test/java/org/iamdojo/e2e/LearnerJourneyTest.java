package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A learner's way through a scenario in a real browser: catalog → player → a console action → check my work,
 * then the same sandbox after signing in again (progress is stored, not kept in the browser).
 */
class LearnerJourneyTest extends BrowserTestBase {

    @ParameterizedTest
    @CsvSource({"en-US,en,Check my work,Score", "ko-KR,ko,채점하기,점수"})
    void catalogPlayerAndResume(String browserLocale, String suffix, String checkLabel, String scoreWord) {
        newSession(browserLocale);
        page.setViewportSize(1280, 720);
        String learner = "journey-" + suffix;
        signUp(learner, GOOD_PASSWORD);
        signIn(learner, GOOD_PASSWORD);

        open("/scenarios");
        assertThat(page.locator(".scenario-card")).hasCount(scenarioFiles());
        screenshot("catalog-" + suffix);

        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).hasText(checkLabel);
        page.locator("#console-nav-groups").click();
        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText(scoreWord);
        assertThat(page.locator(".check-row.failed").first()).isVisible();
        screenshot("player-" + suffix);

        newSession(browserLocale);
        signIn(learner, GOOD_PASSWORD);
        open("/scenarios");
        assertThat(page.locator("#open-developers-and-testers")).not().hasText(
                suffix.equals("en") ? "Start" : "시작하기");
        open("/play/developers-and-testers");
        assertThat(page.locator("#score")).isVisible();
    }

    /** One card per scenario file shipped in scenarios/. */
    private static int scenarioFiles() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".yaml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
