package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * The policy simulator inside a scenario, walked as a learner: open "Developers and testers" from the catalog,
 * give dana's group a policy in the terminal, go to the Policy simulator, choose "User: dana", type actions and
 * run; each action gets its decision, and a row opens the evaluation the simulation made (dana's group policy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 */
class SimulatorInScenarioTest extends BrowserTestBase {

    @Test
    void aLearnerSimulatesAUserOfTheScenarioAndSeesADecisionPerAction() {
        newSession("en-US");
        signUp("simulating", GOOD_PASSWORD);
        signIn("simulating", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();

        page.locator("#console-nav-terminal").click();
        run("aws iam create-group --group-name developers", "\"GroupName\"");
        run("aws iam add-user-to-group --group-name developers --user-name dana", "$ aws iam add-user-to-group");
        run("aws iam put-group-policy --group-name developers --policy-name Artifacts --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadArtifacts\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"}]}'",
                "$ aws iam put-group-policy");

        page.locator("#console-nav-simulator").click();
        page.locator("#sim-principal").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("User: dana")).click();
        assertThat(page.locator("#sim-principal")).containsText("User: dana");
        page.locator("#sim-actions input").fill("s3:GetObject ec2:StopInstances");
        page.locator("#sim-resources input").fill("arn:aws:s3:::dojo-app-artifacts/builds/app-1.0.jar");
        page.locator("#sim-run").click();

        Locator decisions = page.locator("#sim-results .sim-decision");
        assertThat(decisions).hasCount(2);
        assertThat(decisions.nth(0)).hasText("allowed");
        assertThat(decisions.nth(1)).hasText("implicitDeny");
        assertThat(page.locator("#sim-results")).containsText("ec2:StopInstances");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);

        // The row opens the evaluation the simulation made: dana's own request, allowed by the group's statement.
        page.locator("#sim-results vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("s3:GetObject"))
                .first().click();
        Locator flow = page.locator(".eval-flow").first();
        assertThat(flow).isVisible();
        assertThat(flow.locator(".eval-allow")).containsText("ReadArtifacts");
        assertThat(flow).containsText("developers");
        screenshot("player-simulator-dana");
    }
}
