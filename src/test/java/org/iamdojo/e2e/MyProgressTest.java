package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, "Progress over time": a new learner's History says what to do first and leads to the scenarios; after
 * two graded attempts the chart shows two points, in English and in Korean (screenshots history-progress-*.png).
 */
class MyProgressTest extends BrowserTestBase {

    @Test
    void aNewLearnerIsLedToAFirstScenarioAndThenSeesTwoAttemptsOnTheChart() {
        walk("en-US", "progressing", "history-progress-en");
    }

    @Test
    void theSameInKorean() {
        walk("ko-KR", "progressing-ko", "history-progress-ko");
    }

    private void walk(String locale, String user, String shot) {
        newSession(locale);
        signUp(user, GOOD_PASSWORD);
        signIn(user, GOOD_PASSWORD);
        page.locator("#nav-history").click();
        assertThat(page.locator("#history-progress svg")).hasCount(0);
        // Topics over time: nothing yet, and the page says what to do.
        assertThat(page.locator("p#history-topics-time")).isVisible();
        page.locator("#history-progress-start").click();

        page.locator("#open-developers-and-testers").click();
        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText("0 / 100");
        page.locator("#nav-history").click();
        assertThat(page.locator("#history-progress .point-scenario")).hasCount(1);

        page.locator("#nav-scenarios").click();
        page.locator("#open-explicit-deny-wins").click();
        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText("/ 100");
        page.locator("#nav-history").click();
        assertThat(page.locator("#history-progress svg")).hasAttribute("data-points", "2");
        assertThat(page.locator("#history-progress .point-scenario")).hasCount(2);
        // This week's row names the topics of both scenarios (their tags).
        assertThat(page.locator("vaadin-grid#history-topics-time")).containsText("least-privilege");
        assertThat(page.locator("vaadin-grid#history-topics-time")).containsText("explicit-deny");
        // Drawn as SVG, not just present in the page: each point has a size on screen.
        assertThat(page.locator("#history-progress .point-scenario").first().boundingBox().width).isGreaterThan(5);
        screenshot(shot);
    }
}
