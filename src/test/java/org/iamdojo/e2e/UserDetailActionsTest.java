package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The user detail's actions on a selected row (issue 19, item 12: one set of buttons per grid instead of a pair
 * in every row) and its boundary chooser opened on demand, walked by clicks: set a permissions boundary; detach
 * a managed policy and delete an inline one after selecting them; create an access key, select it, make it
 * inactive and delete it. Screenshots: target/screenshots/users-row-actions-{en,ko}.png.
 */
class UserDetailActionsTest extends BrowserTestBase {

    @ParameterizedTest
    @CsvSource({"en-US,en", "ko-KR,ko"})
    void actionsApplyToTheSelectedRow(String browserLocale, String suffix) {
        newSession(browserLocale);
        signUp("row-actions-" + suffix, GOOD_PASSWORD);
        signIn("row-actions-" + suffix, GOOD_PASSWORD);
        open("/console/terminal");
        run("aws iam create-user --user-name bob", "\"UserName\"");
        run("aws iam attach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess", "");
        // attach and put print nothing: list them so that each has run before the page is left.
        run("aws iam list-attached-user-policies --user-name bob", "\"PolicyName\" : \"IAMReadOnlyAccess\"");
        run("aws iam put-user-policy --user-name bob --policy-name OnlyListUsers --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\","
                + "\"Resource\":\"*\"}]}'", "");
        run("aws iam list-user-policies --user-name bob", "\"OnlyListUsers\"");

        open("/console/users");
        page.locator("#users-grid").getByText("bob").first().click();

        // Permissions boundary: the chooser (and its ListPolicies) opens in a dialog.
        page.locator("#boundary-set").click();
        page.locator("#boundary-choice input").fill("IAMUserChangePassword");
        page.locator("vaadin-combo-box-item").getByText("IAMUserChangePassword").first().click();
        page.locator("#boundary-confirm").click();
        assertThat(page.locator("#boundary-current")).hasText("arn:aws:iam::aws:policy/IAMUserChangePassword");

        // Managed policy: select the row, then detach.
        assertThat(page.locator("#detach-policy")).isDisabled();
        cell("#attached-policies", "IAMReadOnlyAccess").click();
        page.locator("#detach-policy").click();
        assertThat(page.locator("#attached-policies")).not().containsText("IAMReadOnlyAccess");

        // Inline policy: select, delete, confirm.
        cell("#inline-policies", "OnlyListUsers").click();
        page.locator("#delete-inline").click();
        page.locator("#confirm-yes").click();
        assertThat(page.locator("#inline-policies")).not().containsText("OnlyListUsers");

        // Access key: create, select, make inactive, delete.
        page.locator("#user-tabs vaadin-tab").nth(2).click();
        page.locator("#create-access-key").click();
        String keyId = page.locator("#access-key-id input").inputValue();
        page.locator("#access-key-done").click();
        cell("#access-keys", keyId).click();
        screenshot("users-row-actions-" + suffix);
        page.locator("#toggle-key").click();
        // The grid is drawn again with the new status and no selection: select the key again to delete it.
        assertThat(page.locator("#access-keys")).containsText("en".equals(suffix) ? "Inactive" : "비활성");
        assertThat(page.locator("#delete-key")).isDisabled();
        cell("#access-keys", keyId).click();
        page.locator("#delete-key").click();
        page.locator("#confirm-yes").click();
        assertThat(page.locator("#access-keys")).not().containsText(keyId);
    }

    private Locator cell(String grid, String text) {
        return page.locator(grid + " vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions()
                .setExact(true)).first();
    }
}
