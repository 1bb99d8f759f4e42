package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege by proof (issue 21), walked as a learner in "Developers and testers": the testers get S3 read
 * on every bucket; "Check my work" fails tom's least-privilege check with a counterexample on a bucket the
 * scenario never names, and "Play in simulator" replays it: allowed; the proved smallest fix, applied with one
 * click as the learner, makes the check pass. In English and Korean. The check's
 * semantics follow CheckNoNewAccess, https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */
class LeastPrivilegeProofTest extends BrowserTestBase {

    private void walk(String locale, String user, String shot, String tomsTitle) {
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
                + "\"Resource\":\"arn:aws:s3:::*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}'",
                "$ aws iam put-group-policy");
        page.locator("#check-my-work").click();

        Locator example = page.locator("#counterexample");
        assertThat(example).isVisible();
        assertThat(example.locator(".counterexample-principal")).containsText("arn:aws:iam::111122223333:user/tom");
        assertThat(example.locator(".counterexample-resource")).containsText("arn:aws:s3:::example-other");
        assertThat(example.locator(".counterexample-resource")).not().containsText("dojo-app-artifacts");
        screenshot(shot + "-why");

        page.locator("#play-in-simulator").click();
        assertThat(page.locator("#sim-principal")).containsText("tom");
        Locator decisions = page.locator("#sim-results .sim-decision");
        assertThat(decisions).hasCount(1);
        assertThat(decisions.first()).hasAttribute("theme", "badge success");
        assertThat(page.locator(".eval-flow").first()).isVisible();
        screenshot(shot + "-simulator");

        // Back to the check's "Why?": the smallest fix is worked out only when asked for (grading did not compute
        // it), then shown proved, before → after; applied only on request.
        assertThat(page.locator("#fix-suggestion")).hasCount(0);
        page.locator("#show-fix").scrollIntoViewIfNeeded();
        screenshot(shot + "-ask-fix");
        page.locator("#show-fix").click();
        Locator fix = page.locator("#fix-suggestion");
        assertThat(fix).isVisible();
        assertThat(page.locator("#fix-working")).hasCount(0);
        assertThat(page.locator("#show-fix")).hasCount(0);
        fix.scrollIntoViewIfNeeded();
        assertThat(fix.locator(".fix-before .fix-json").first()).containsText("arn:aws:s3:::*");
        assertThat(fix.locator(".fix-after .fix-json").first()).containsText("arn:aws:s3:::dojo-app-artifacts/*");
        assertThat(fix.locator(".fix-call").first()).containsText("PutGroupPolicy");
        screenshot(shot + "-fix");
        Locator tomsCheck = page.locator(".check-row", new Page.LocatorOptions().setHasText(tomsTitle));
        assertThat(tomsCheck).hasClass(Pattern.compile(".*\\bfailed\\b.*"));
        page.locator("#apply-fix").click();
        page.locator("#check-my-work").click();
        assertThat(tomsCheck).hasClass(Pattern.compile(".*\\bpassed\\b.*"));
        assertThat(page.locator("#counterexample")).hasCount(0);
        // The fix went through the learner's own call path: the sandbox terminal shows the new document.
        page.locator("#console-nav-terminal").click();
        run("aws iam get-group-policy --group-name testers --policy-name TestersAccess", "dojo-app-artifacts/*");
    }

    @Test
    void readOnEveryBucketFailsWithACounterexampleThatPlaysAllowedAndTheProvedFixPasses() {
        walk("en-US", "proofen", "least-privilege-proof-en", "tom has nothing more than needed");
    }

    @Test
    void theSameInKorean() {
        walk("ko-KR", "proofko", "least-privilege-proof-ko", "tom에게 필요 이상의 권한이 없음");
    }
}
