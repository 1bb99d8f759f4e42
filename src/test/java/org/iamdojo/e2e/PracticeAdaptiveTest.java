package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adaptive practice in a real browser: a learner opens the Security – Specialty path from the list, answers a
 * question about session policies wrongly, and the "practise next" panel names the weak task statement (SCS-C02 4.2)
 * and puts its items first. Walked by clicking, in both languages.
 */
class PracticeAdaptiveTest extends BrowserTestBase {

    @AfterEach
    void defaultAssertionTimeout() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US|en|Open path|s3:\\* and dynamodb:\\*, because session policies are ignored|Practises a weak area: SCS-C02 4.2",
            "ko-KR|ko|경로 열기|세션 정책은 무시되므로|취약한 영역 연습: SCS-C02 4.2"})
    void aWrongAnswerShowsTheWeakAreaAndWhatToPractiseNext(String browserLocale, String suffix, String openLabel,
                                                          String wrongOption, String weakReason) {
        newSession(browserLocale);
        // The SCS-C02 path lists about 170 items; on a busy build machine rendering it takes longer than the default.
        page.setDefaultTimeout(90_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        String user = "adaptive-" + suffix;
        signUp(user, GOOD_PASSWORD);
        signIn(user, GOOD_PASSWORD);

        open("/practice");
        page.locator("#path-SCS-C02 vaadin-button").filter(new Locator.FilterOptions().setHasText(openLabel)).click();
        Locator next = page.locator("#practice-next");
        assertThat(next.locator("#practice-no-weak")).isVisible();
        assertThat(next.locator("#practice-weak")).not().isAttached();

        // The learner picks a wrong answer by its text (options are shuffled) and checks it.
        Locator card = page.locator("#question-session-policy-intersection");
        card.locator("#answer-session-policy-intersection").click();
        card.locator("vaadin-radio-button label").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile(wrongOption))).click();
        card.locator("#check-session-policy-intersection").click();
        assertThat(page.locator("#feedback-session-policy-intersection")).isVisible();

        // Without reloading, the panel names the weak task statement and leads with what practises it.
        assertThat(next.locator("#weak-task-4-2")).containsText("SCS-C02 4.2");
        assertThat(next.locator("#weak-task-4-2")).containsText("0");
        assertThat(next.locator("#practice-no-weak")).not().isAttached();
        assertThat(next.locator(".next-item").first().locator(".next-reason")).containsText(weakReason);
        next.scrollIntoViewIfNeeded();
        screenshot("practice-next-" + suffix);

        // The first suggestion takes the learner to it.
        Locator first = next.locator(".next-item").first().locator("a, vaadin-button").first();
        String target = first.getAttribute("id");
        first.click();
        if (target.startsWith("next-scenario-")) {
            assertThat(page.locator("#check-my-work")).isVisible();
        } else {
            assertThat(page.locator("#question-" + target.substring("next-question-".length()))).isInViewport();
        }
    }
}
