package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Screenshots of certification practice in both languages: path, an exam question, exam result, history. */
class PracticeScreenshotsTest extends BrowserTestBase {
    // The option labels, not the option elements: a full-width option's centre may be empty space.
    private static final String CHOICE_LABELS = "#exam-question .question-choices vaadin-radio-button label, "
            + "#exam-question .question-choices vaadin-checkbox label";

    @ParameterizedTest
    @CsvSource({"en-US,en,1 of 20 answered", "ko-KR,ko,20문제 중 1문제 답함"})
    void practiceViews(String browserLocale, String suffix, String oneAnswered) {
        newSession(browserLocale);
        String user = "practice" + suffix;
        signUp(user, GOOD_PASSWORD);
        signIn(user, GOOD_PASSWORD);

        open("/practice");
        assertThat(page.locator("#path-SAA-C03")).isVisible();
        screenshot("practice-paths-" + suffix);

        open("/practice/SAA-C03");
        Locator card = page.locator("#question-default-implicit-deny");
        card.locator("#answer-default-implicit-deny").click();
        // Options are shuffled per attempt: pick the right answer by its text, as a learner would.
        card.locator("vaadin-radio-button label").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("The request is denied, because|요청이 거부됩니다"))).click();
        page.locator("#check-default-implicit-deny").click();
        assertThat(page.locator("#feedback-default-implicit-deny")).isVisible();
        card.scrollIntoViewIfNeeded();
        screenshot("practice-path-" + suffix);
        open("/practice/SAA-C03");
        assertThat(page.locator("#progress-SAA-C03")).containsText(java.util.regex.Pattern.compile(
                suffix.equals("en") ? "^1 of \\d+ done$" : "^\\d+개 중 1개"));
        screenshot("practice-path-progress-" + suffix);

        open("/exam/SAA-C03");
        page.locator("#start-exam").click();
        assertThat(page.locator("#exam-question .question-card")).isVisible();
        page.locator(CHOICE_LABELS)
                .first().click();
        assertThat(page.locator("#exam-answered")).hasText(oneAnswered);
        screenshot("exam-question-" + suffix);

        page.locator("#exam-next").click();
        page.locator(CHOICE_LABELS)
                .nth(1).click();
        page.locator("#finish-exam").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], #finish-dialog vaadin-button[slot='confirm-button']")
                .first().click();
        assertThat(page.locator("#exam-score")).isVisible();
        screenshot("exam-result-" + suffix);

        open("/history");
        assertThat(page.locator("#history-exams")).isVisible();
        screenshot("history-" + suffix);
    }
}
