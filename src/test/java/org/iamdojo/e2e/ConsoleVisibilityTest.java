package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The console shows only what the acting identity's API calls return: signed in as an IAM user without
 * iam:ListGroups, a user's page shows AccessDenied where the group choice would be, not the account's groups.
 * Also: the site ships a favicon.
 */
class ConsoleVisibilityTest extends BrowserTestBase {

    private void run(String line, String expected) {
        Locator input = page.locator("#terminal-input input");
        input.fill(line);
        input.press("Enter");
        assertThat(page.locator("#terminal-output")).containsText(expected);
    }

    @Test
    void anIdentityWithoutListGroupsSeesTheDenialNotTheGroups() {
        newSession("en-US");
        signUp("seer", GOOD_PASSWORD);
        signIn("seer", GOOD_PASSWORD);
        open("/console/terminal");
        run("aws iam create-group --group-name secret-auditors", "\"GroupName\"");
        run("aws iam create-user --user-name hana", "\"UserName\"");
        run("aws iam create-login-profile --user-name hana --password Hana-Pass-2025!", "\"LoginProfile\"");
        run("aws iam put-user-policy --user-name hana --policy-name ReadUsers --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:ListUsers\","
                + "\"iam:GetUser\",\"iam:ListGroupsForUser\",\"iam:List*UserPolicies\",\"iam:ListAccessKeys\","
                + "\"iam:ListMFADevices\",\"iam:GetLoginProfile\"],\"Resource\":\"*\"}]}'", "");

        page.locator("#switch-identity").click();
        page.locator("#switch-user").click();
        page.locator("#signin-user input").fill("hana");
        page.locator("#signin-user input").press("Enter");
        page.locator("#signin-password input").fill("Hana-Pass-2025!");
        page.locator("#signin-submit").click();
        assertThat(page.locator("#acting-as")).containsText("hana");

        open("/console/users");
        page.locator("#users-grid").getByText("hana").first().click();
        page.locator("#user-tabs vaadin-tab").nth(1).click();
        assertThat(page.locator("#add-to-group-list")).containsText("is not authorized to perform: iam:ListGroups");
        // Nothing to choose from: the refused ListGroups leaves the choice empty and disabled.
        assertThat(page.locator("#add-to-group-choice")).hasAttribute("aria-disabled", "true");
        assertThat(page.locator("#add-to-group-list")).not().containsText("secret-auditors");
        screenshot("console-users-denied-list-groups");
    }

    @Test
    void theFaviconIsServed() {
        newSession("en-US");
        open("/");
        APIResponse icon = page.request().get(page.url().replaceAll("(https?://[^/]+).*", "$1") + "/favicon.ico");
        Assertions.assertEquals(200, icon.status());
        Assertions.assertTrue(icon.headers().getOrDefault("content-type", "").startsWith("image/"),
                icon.headers().toString());
    }
}
