package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 6: disabling an account, or revoking the instructor role, ends the person's open sessions at their
 * next request. The admin acts in one browser while the person is signed in in another.
 */
class SessionEndTest extends BrowserTestBase {

    private Page adminOnTheAdminPage() {
        Page admin = addSession("en-US");
        open("/login");
        signIn("admin", ADMIN_PASSWORD);
        page.locator("#nav-admin").click();
        return admin;
    }

    @Test
    void aDisabledLearnersNextClickLandsOnSignIn() {
        Page learner = addSession("en-US");
        signUp("e2e-erin", GOOD_PASSWORD);
        signIn("e2e-erin", GOOD_PASSWORD);
        page.locator("#nav-scenarios").click();
        assertThat(page.locator("#signed-in-user")).hasText("e2e-erin");

        adminOnTheAdminPage();
        page.locator("#toggle-enabled-e2e-erin").click();
        assertThat(page.locator("#toggle-enabled-e2e-erin")).hasText("Enable");

        use(learner);
        page.locator("#nav-history").click();
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("#signed-in-user")).hasCount(0);
        screenshot("disabled-learner-signed-out");
        // And the account stays shut.
        submitSignIn("e2e-erin", GOOD_PASSWORD);
        assertThat(page.locator("vaadin-login-form")).containsText("Sign-in failed");
        assertThat(page.locator("#signed-in-user")).hasCount(0);
    }

    @Test
    void aRevokedInstructorsNextClickOnTheBoardIsRefused() {
        Page teacher = addSession("en-US");
        signUp("e2e-frank", GOOD_PASSWORD);
        Page admin = adminOnTheAdminPage();
        page.locator("#toggle-instructor-e2e-frank").click();
        assertThat(page.locator("#toggle-instructor-e2e-frank")).hasText("Remove instructor");

        use(teacher);
        signIn("e2e-frank", GOOD_PASSWORD);
        page.locator("#nav-workshops").click();
        page.locator("#new-workshop").click();
        page.locator("#workshop-title input").fill("Revoked class");
        page.locator("#scenario-picker input").fill("Explicit");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Explicit deny wins")).click();
        assertThat(page.locator("#chosen-scenarios")).containsText("Explicit deny wins");
        page.locator("#create-workshop").click();
        assertThat(page.locator("#board-grid")).isVisible();

        use(admin);
        page.locator("#toggle-instructor-e2e-frank").click();
        assertThat(page.locator("#toggle-instructor-e2e-frank")).hasText("Make instructor");

        use(teacher);
        page.locator("#board-filter-name input").fill("a");
        page.locator("#board-filter-name input").press("Enter");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertThat(page.locator("#board-grid")).hasCount(0);
        assertThat(page.locator("#signed-in-user")).hasCount(0);
        // Signed in again, Frank is a learner: no workshops in the menu.
        signIn("e2e-frank", GOOD_PASSWORD);
        assertThat(page.locator("#nav-workshops")).hasCount(0);
    }
}
