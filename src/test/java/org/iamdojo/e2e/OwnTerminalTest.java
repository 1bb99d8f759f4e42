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
 * "Use your own terminal", walked as a learner: in "Developers and testers" create an access key for dana in the
 * console's terminal, set it in a profile, switch to those keys, open "Use your own terminal", read the export
 * line off the page and run the real AWS CLI (/usr/bin/aws) with it: sts get-caller-identity answers dana's ARN.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html
 * https://docs.aws.amazon.com/cli/latest/reference/sts/get-caller-identity.html
 */
class OwnTerminalTest extends BrowserTestBase {

    @Test
    void theExportLinesOfTheActingKeysWorkInTheRealAwsCli() throws Exception {
        Assumptions.assumeTrue(AwsCli.AWS.canExecute(), "Debian's awscli is not installed (see .ci/run)");
        newSession("en-US");
        signUp("own-terminal", GOOD_PASSWORD);
        signIn("own-terminal", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();

        // Before switching: the learner's console identity has no key, and the dialog says how to get one.
        page.locator("#own-terminal").click();
        assertThat(page.locator("#own-terminal-no-key")).isVisible();
        page.locator("#own-terminal-close").click();

        page.locator("#console-nav-terminal").click();
        run("aws iam create-access-key --user-name dana", "SecretAccessKey");
        String output = page.locator("#terminal-output").innerText();
        JsonNode key = new ObjectMapper().readTree(output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1))
                .path("AccessKey");
        String id = key.path("AccessKeyId").asText();
        String secret = key.path("SecretAccessKey").asText();
        run("aws configure set aws_access_key_id " + id + " --profile dana", "$ aws configure set aws_access_key_id");
        run("aws configure set aws_secret_access_key " + secret + " --profile dana", "$ aws configure set aws_secret");

        page.locator("#switch-identity").click();
        page.locator("#switch-keys").click();
        page.locator("#use-keys-profile").click();
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("dana")).click();
        page.locator("#use-keys-submit").click();
        assertThat(page.locator("#acting-as")).containsText(id);

        page.locator("#own-terminal").click();
        Locator exports = page.locator("#own-terminal-exports");
        assertThat(exports).containsText("export AWS_ACCESS_KEY_ID=" + id);
        assertThat(page.locator("#own-terminal-configure")).containsText("aws configure set aws_access_key_id " + id);
        screenshot("own-terminal-en");

        Map<String, String> env = new LinkedHashMap<>();
        String line = exports.innerText().strip();
        assertThat(line).startsWith("export ");
        for (String pair : line.substring("export ".length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        assertThat(env).containsEntry("AWS_SECRET_ACCESS_KEY", secret).containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsKey("AWS_ENDPOINT_URL");
        assertThat(env.get("AWS_ENDPOINT_URL")).startsWith("http://localhost:");

        AwsCli.Run who = AwsCli.run(env, "sts", "get-caller-identity", "--output", "text", "--query", "Arn");
        String out = who.out();
        assertThat(who.exit()).as(out).isZero();
        assertThat(out.trim()).matches("arn:aws:iam::\\d{12}:user/dana");

        // The same dialog in Korean.
        page.locator("#own-terminal-close").click();
        newSession("ko-KR");
        signIn("own-terminal", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        page.locator("#own-terminal").click();
        assertThat(page.locator("#own-terminal-no-key")).containsText("액세스 키가 없습니다");
        screenshot("own-terminal-ko");
    }
}
