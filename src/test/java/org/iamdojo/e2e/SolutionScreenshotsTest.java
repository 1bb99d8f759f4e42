package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After finishing a scenario the learner sees the reference solution as AWS CLI commands, each with who runs
 * it. The sandbox is solved through the services (the browser part of solving is covered elsewhere).
 */
class SolutionScreenshotsTest extends BrowserTestBase {
    @Autowired
    AttemptService attempts;

    @ParameterizedTest
    @CsvSource({"en-US,en,As IAM user admin", "ko-KR,ko,IAM 사용자 admin으로 실행"})
    void referenceSolutionAsCliCommands(String browserLocale, String suffix, String runAs) {
        newSession(browserLocale);
        page.setViewportSize(1280, 900);
        String learner = "solver-" + suffix;
        signUp(learner, GOOD_PASSWORD);
        signIn(learner, GOOD_PASSWORD);
        LiveAttempt live = attempts.open(learner, "developers-and-testers");
        live.attempt().apply(live.scenario().solution());

        open("/play/developers-and-testers");
        page.locator("#check-my-work").click();
        page.locator("#show-solution").click();
        assertThat(page.locator(".solution-command").first())
                .hasText("aws iam create-group --group-name developers");
        assertThat(page.locator(".solution-as").first()).hasText(runAs);
        assertThat(page.locator(".solution-command").first()).isVisible();
        // The viewport, not the full page: the dialog is a fixed overlay over it.
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED).setPath(java.nio.file.Path.of("target", "screenshots", "solution-" + suffix + ".png")));
    }
}
