package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iamdojo.awsapi.AwsCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A scenario played from the learner's own shell: in "Developers and testers" the learner (user admin) makes an
 * access key in the console's terminal, switches to it, opens "Use your own terminal" and copies its export line;
 * the reference solution (two groups, two memberships, two inline group policies) is then run entirely with the
 * real AWS CLI v2 (/usr/bin/aws) against the running app. "Check my work" in the browser gives 100 / 100, and the
 * app's CloudTrail view shows the events with the CLI's user agent.
 * https://docs.aws.amazon.com/cli/latest/reference/iam/create-group.html
 * https://docs.aws.amazon.com/cli/latest/reference/iam/add-user-to-group.html
 * https://docs.aws.amazon.com/cli/latest/reference/iam/put-group-policy.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html (userAgent)
 */
class ScenarioFromShellTest extends BrowserTestBase {
    private static final String DEVELOPERS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Artifacts\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"},"
            + "{\"Sid\":\"ListArtifacts\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts\"},"
            + "{\"Sid\":\"Instances\",\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"ec2:StartInstances\",\"ec2:StopInstances\"],\"Resource\":\"*\"}]}";
    private static final String TESTERS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"ReadArtifacts\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"},"
            + "{\"Sid\":\"ListArtifacts\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts\"},"
            + "{\"Sid\":\"SeeInstances\",\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";

    private void terminal(String line, String expected) {
        Locator input = page.locator("#terminal-input input");
        input.fill(line);
        input.press("Enter");
        assertThat(page.locator("#terminal-output")).containsText(expected);
    }

    private static void shell(Map<String, String> env, String... args) throws Exception {
        AwsCli.Run run = AwsCli.run(env, args);
        assertThat(run.exit()).as("aws " + String.join(" ", args) + "\n" + run.out()).isZero();
    }

    @Test
    void theReferenceSolutionFromTheRealCliScores100() throws Exception {
        Assumptions.assumeTrue(AwsCli.AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
        newSession("en-US");
        signUp("from-the-shell", GOOD_PASSWORD);
        signIn("from-the-shell", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();

        // A key for the learner's own user, made and switched to in the browser.
        page.locator("#console-nav-terminal").click();
        terminal("aws iam create-access-key --user-name admin", "SecretAccessKey");
        String output = page.locator("#terminal-output").innerText();
        JsonNode key = new ObjectMapper().readTree(output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1))
                .path("AccessKey");
        String id = key.path("AccessKeyId").asText();
        terminal("aws configure set aws_access_key_id " + id + " --profile admin", "$ aws configure set aws_access_key_id");
        terminal("aws configure set aws_secret_access_key " + key.path("SecretAccessKey").asText() + " --profile admin",
                "$ aws configure set aws_secret");
        page.locator("#switch-identity").click();
        page.locator("#switch-keys").click();
        page.locator("#use-keys-profile").click();
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("admin")).click();
        page.locator("#use-keys-submit").click();
        assertThat(page.locator("#acting-as")).containsText(id);

        // The lines the dialog shows are all the shell gets.
        page.locator("#own-terminal").click();
        Locator exports = page.locator("#own-terminal-exports");
        assertThat(exports).containsText("export AWS_ACCESS_KEY_ID=" + id);
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : exports.innerText().strip().substring("export ".length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        page.locator("#own-terminal-close").click();

        shell(env, "iam", "create-group", "--group-name", "developers");
        shell(env, "iam", "create-group", "--group-name", "testers");
        shell(env, "iam", "add-user-to-group", "--group-name", "developers", "--user-name", "dana");
        shell(env, "iam", "add-user-to-group", "--group-name", "testers", "--user-name", "tom");
        shell(env, "iam", "put-group-policy", "--group-name", "developers", "--policy-name", "DevelopersAccess",
                "--policy-document", DEVELOPERS);
        shell(env, "iam", "put-group-policy", "--group-name", "testers", "--policy-name", "TestersAccess",
                "--policy-document", TESTERS);

        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText("100 / 100");

        page.locator("#console-nav-cloudtrail").click();
        page.locator("#trail-filter-event input").fill("PutGroupPolicy");
        assertThat(page.locator("#trail-events")).containsText("PutGroupPolicy");
        assertThat(page.locator("#trail-json")).containsText("\"userAgent\" : \"aws-cli/2.9");
        screenshot("scenario-from-shell-cloudtrail-en");
    }
}
