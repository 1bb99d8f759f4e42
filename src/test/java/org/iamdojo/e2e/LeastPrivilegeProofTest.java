package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Least privilege decided by proof, walked as a learner (issue 21): in "Developers and testers" the learner gives
 * the testers S3 read on every bucket; "Check my work" fails tom's least-privilege check with a concrete request
 * on a bucket the scenario never named, and "Play this request in the simulator" shows the engine allowing it,
 * layer by layer. CheckNoNewAccess semantics:
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */
class LeastPrivilegeProofTest extends BrowserTestBase {

    private void run(String line, String expected) {
        Locator input = page.locator("#terminal-input input");
        input.fill(line);
        input.press("Enter");
        assertThat(page.locator("#terminal-output")).containsText(expected);
    }

    @ParameterizedTest
    @CsvSource({"en-US, proof-en, Proved", "ko-KR, proof-ko, 증명됨"})
    void readOnEveryBucketFailsWithACounterexampleThatPlaysInTheSimulator(String locale, String user, String proved) {
        newSession(locale);
        signUp(user, GOOD_PASSWORD);
        signIn(user, GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();

        page.locator("#console-nav-terminal").click();
        run("aws iam create-group --group-name testers", "\"GroupName\"");
        run("aws iam add-user-to-group --group-name testers --user-name tom", "$ aws iam add-user-to-group");
        run("aws iam put-group-policy --group-name testers --policy-name TestersAccess --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::*\"}]}'", "$ aws iam put-group-policy");

        page.locator("#check-my-work").click();
        Locator failed = page.locator(".check-row.failed").filter(new Locator.FilterOptions().setHas(
                page.locator(".play-counterexample")));
        assertThat(failed).hasCount(1);
        assertThat(failed).containsText("tom");
        assertThat(failed.locator(".check-explanation")).containsText(proved);
        // The request is on a bucket the scenario never named.
        assertThat(failed.locator(".check-explanation")).containsText("arn:aws:s3:::example");
        screenshot("least-privilege-proof-" + locale);

        failed.locator(".play-counterexample").click();
        assertThat(page.locator("#sim-principal")).containsText("tom");
        assertThat(page.locator("#sim-actions input")).hasValue("s3:GetObject");
        Locator decisions = page.locator("#sim-results .sim-decision");
        assertThat(decisions).hasCount(1);
        assertThat(decisions.first()).containsText("allowed");
        Locator flow = page.locator(".eval-flow").first();
        assertThat(flow).isVisible();
        assertThat(flow).containsText("testers");
        screenshot("least-privilege-proof-simulator-" + locale);
    }
}
