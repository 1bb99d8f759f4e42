package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Screenshots of the main views in both languages, to look at: target/screenshots/*.png. */
class ScreenshotsTest extends BrowserTestBase {

    @ParameterizedTest
    @CsvSource({"en-US,en,Sign up", "ko-KR,ko,회원가입"})
    void mainViews(String browserLocale, String suffix, String signUpLabel) {
        newSession(browserLocale);
        open("/");
        assertThat(page.locator("#nav-sign-up")).hasText(signUpLabel);
        screenshot("landing-" + suffix);

        open("/signup");
        page.locator("#signup-username input").fill("x");
        page.locator("#signup-password input").fill("short");
        page.locator("#signup-submit").click();
        assertThat(page.locator("#signup-username[invalid]")).isVisible();
        assertThat(page.locator("#signup-confirm[invalid]")).isVisible();
        screenshot("signup-" + suffix);

        open("/login");
        submitSignIn("admin", "wrong-password-0");
        assertThat(page.locator("vaadin-login-form[error]")).hasCount(1);
        screenshot("signin-" + suffix);

        signIn("admin", ADMIN_PASSWORD);
        open("/admin");
        assertThat(page.locator("#members")).isVisible();
        screenshot("admin-" + suffix);
    }
}
