package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Screenshots of the IAM console pages in both languages: target/screenshots/iam-*.png. */
class IamConsoleScreenshotsTest extends BrowserTestBase {

    @ParameterizedTest
    @CsvSource({"en-US,en", "ko-KR,ko"})
    void iamPages(String browserLocale, String suffix) {
        newSession(browserLocale);
        signUp("iam-shots-" + suffix, GOOD_PASSWORD);
        signIn("iam-shots-" + suffix, GOOD_PASSWORD);

        open("/console/users");
        page.locator("#create-user").click();
        page.locator("#new-user-name input").fill("alice");
        page.locator("#create-user-confirm").click();
        assertThat(page.locator("#user-detail h4").first()).hasText("alice");
        screenshot("iam-users-" + suffix);

        // Issue 11.10: the MFA set-up shows a QR code (and the secret), as the AWS console does; the codes an
        // authenticator app makes from the shown secret assign the device.
        page.locator("#user-tabs vaadin-tab").nth(2).click();
        page.locator("#mfa-open").click();
        assertThat(page.locator("#mfa-qr")).isVisible();
        assertThat((Integer) page.locator("#mfa-qr").evaluate("img => img.naturalWidth")).isPositive();
        screenshot("iam-mfa-qr-" + suffix);
        String secret = page.locator("#mfa-secret input").inputValue();
        java.time.Instant now = java.time.Instant.now();
        page.locator("#mfa-code1 input").fill(org.iamdojo.iam.account.Totp.code(secret, now.minusSeconds(30)));
        page.locator("#mfa-code2 input").fill(org.iamdojo.iam.account.Totp.code(secret, now));
        page.locator("#mfa-assign").click();
        assertThat(page.locator("#mfa-serial")).containsText("arn:aws:iam::");

        open("/console/roles");
        page.locator("#create-role").click();
        page.locator("#new-role-name input").fill("AppServer");
        screenshot("iam-role-create-" + suffix);
        page.locator("#create-role-confirm").click();
        assertThat(page.locator("#role-tabs")).isVisible();
        screenshot("iam-roles-" + suffix);

        open("/console/policies");
        page.locator("#create-policy").click();
        page.locator("#policy-json textarea").fill("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n"
                + "    \"Effect\": \"Alow\",\n    \"Action\": \"s3:GetObjekt\",\n    \"Resource\": \"*\"\n  }]\n}");
        assertThat(page.locator(".policy-finding").first()).isVisible();
        // The editor colours the JSON as it is typed (keys, strings, punctuation).
        assertThat(page.locator("pre.policy-highlight span").first()).isVisible();
        screenshot("iam-policies-" + suffix);

        open("/console/account");
        assertThat(page.locator("#root-tasks")).isVisible();
        screenshot("iam-account-" + suffix);
    }
}
