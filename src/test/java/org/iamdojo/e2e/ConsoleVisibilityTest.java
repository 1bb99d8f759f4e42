package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The console shows only what the acting identity's API calls return (issue 11.11): signed in as an IAM user
 * without a permission, each page shows AWS's AccessDenied where the refused call's answer would be, not what the
 * account holds. Also: the site ships a favicon.
 * Permissions each console read needs: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_permissions-required.html
 */
class ConsoleVisibilityTest extends BrowserTestBase {

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
        // put-user-policy prints nothing: list it so that it has run before the identity is switched.
        run("aws iam list-user-policies --user-name hana", "\"ReadUsers\"");

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

    /**
     * A learner makes a user allowed only iam:ListUsers in the free console, signs in as that user on the
     * identity switcher and walks the pages: the list is there, but the user's detail, the dashboard's summary and
     * the account settings show the refusals of that user's own calls instead of the account's data.
     */
    @Test
    void aUserAllowedOnlyListUsersSeesDenialsInTheDetailDashboardAndAccountSettings() {
        newSession("en-US");
        signUp("narrow", GOOD_PASSWORD);
        signIn("narrow", GOOD_PASSWORD);
        page.locator("#nav-console").click();
        assertThat(page.locator("#acting-as")).containsText("root");

        // As root: a group to hide, an alias, and the narrow user with a console password and one inline policy.
        page.locator("#console-nav-groups").click();
        page.locator("#create-group").click();
        page.locator("#new-group-name input").fill("secret-auditors");
        page.locator("#create-group-confirm").click();
        assertThat(page.locator("#groups-grid")).containsText("secret-auditors");
        page.locator("#console-nav-account").click();
        page.locator("#alias-field input").fill("narrow-secret-alias");
        page.locator("#alias-create").click();
        assertThat(page.locator("#account-alias")).hasText("narrow-secret-alias");
        page.locator("#console-nav-users").click();
        page.locator("#create-user").click();
        page.locator("#new-user-name input").fill("lister");
        page.locator("#new-user-console").click();
        page.locator("#new-user-password input").fill("Lister-Pass-2025!");
        page.locator("#create-user-confirm").click();
        assertThat(page.locator("#user-detail h4").first()).hasText("lister");
        page.locator("#add-inline").click();
        page.locator("#policy-name input").fill("OnlyListUsers");
        page.locator("#policy-json textarea").fill("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n"
                + "    \"Effect\": \"Allow\",\n    \"Action\": \"iam:ListUsers\",\n    \"Resource\": \"*\"\n  }]\n}");
        // The editor checks the document as it is typed (the first check loads the whole action catalog).
        assertThat(page.locator("#policy-findings")).containsText("No findings",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        page.locator("#policy-save").click();
        assertThat(page.locator("#inline-policies")).containsText("OnlyListUsers");
        // Root still reads everything: the dashboard counts the user and the group.
        page.locator("#console-nav-dashboard").click();
        assertThat(page.locator("#dashboard-summary")).containsText("1 users");
        assertThat(page.locator("#dashboard-account")).containsText("narrow-secret-alias");

        page.locator("#switch-identity").click();
        page.locator("#switch-user").click();
        page.locator("#signin-user input").fill("lister");
        page.locator("#signin-user input").press("Enter");
        page.locator("#signin-password input").fill("Lister-Pass-2025!");
        page.locator("#signin-submit").click();
        assertThat(page.locator("#acting-as")).containsText("lister");

        // The dashboard: GetAccountSummary and ListAccountAliases are refused, in place.
        page.locator("#console-nav-dashboard").click();
        assertThat(page.locator("#dashboard-summary")).containsText("is not authorized to perform: iam:GetAccountSummary");
        assertThat(page.locator(".console-content")).not().containsText("narrow-secret-alias");
        assertThat(page.locator(".console-content")).containsText("iam:ListAccountAliases");
        screenshot("console-narrow-dashboard");

        // Users: the list (ListUsers is allowed), but the detail's reads are refused.
        page.locator("#console-nav-users").click();
        assertThat(page.locator("#users-grid")).containsText("lister");
        page.locator("#users-grid").getByText("lister").first().click();
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:GetUser");
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:ListAttachedUserPolicies");
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:ListUserPolicies");
        assertThat(page.locator("#inline-policies")).hasCount(0);
        assertThat(page.locator("#user-detail")).not().containsText("OnlyListUsers");
        page.locator("#user-tabs vaadin-tab").nth(1).click();
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:ListGroupsForUser");
        assertThat(page.locator("#add-to-group-list")).containsText("is not authorized to perform: iam:ListGroups");
        page.locator("#user-tabs vaadin-tab").nth(2).click();
        assertThat(page.locator("#password-status")).containsText("is not authorized to perform: iam:GetLoginProfile");
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:ListAccessKeys");
        assertThat(page.locator("#user-detail")).containsText("is not authorized to perform: iam:ListMFADevices");
        screenshot("console-narrow-user-detail");

        // "Why?" beside a refusal opens the engine's decision.
        page.locator("#user-detail .error-notice-why").first().click();
        assertThat(page.locator("#decision-reason")).containsText("no identity-based policy");
        page.keyboard().press("Escape");

        // Account settings: the alias, the password policy and the root user's state are refused too.
        page.locator("#console-nav-account").click();
        assertThat(page.locator("#root-mfa")).containsText("is not authorized to perform: iam:GetAccountSummary");
        assertThat(page.locator("#account-page")).containsText("is not authorized to perform: iam:ListAccountAliases");
        assertThat(page.locator("#account-page")).containsText("is not authorized to perform: iam:GetAccountPasswordPolicy");
        assertThat(page.locator("#account-page")).not().containsText("narrow-secret-alias");
        screenshot("console-narrow-account");

        // User groups and CloudTrail: the lists themselves are refused.
        page.locator("#console-nav-groups").click();
        assertThat(page.locator("#groups-page")).containsText("is not authorized to perform: iam:ListGroups");
        assertThat(page.locator("#groups-page")).not().containsText("secret-auditors");
        page.locator("#console-nav-cloudtrail").click();
        assertThat(page.locator(".cloudtrail-page")).containsText("is not authorized to perform: cloudtrail:LookupEvents");
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
