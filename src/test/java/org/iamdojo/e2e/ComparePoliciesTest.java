package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * The Compare policies page (issue 21 item 4), walked as a learner: in a scenario's console, an existing policy
 * (s3:GetObject on one bucket's objects) against a new one (s3:GetObject on arn:aws:s3:::*) fails with a proved
 * difference row "every bucket except the first"; a counterexample opens in the simulator, allowed; a narrower
 * new policy passes; as resource policies, a bucket policy opened to everyone fails and its counterexample's evaluation
 * (shown in place) ends in Allow. Then the same in Korean in the free playground, with an UNKNOWN whose reason is
 * Korean. The question is CheckNoNewAccess's,
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html
 */
class ComparePoliciesTest extends BrowserTestBase {
    private static final String ONE_BUCKET = policy("arn:aws:s3:::dojo-app-artifacts/*");
    private static final String EVERY_BUCKET = policy("arn:aws:s3:::*");
    private static final String NARROWER = policy("arn:aws:s3:::dojo-app-artifacts/builds/*");

    private static String policy(String resource) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Sid\": \"Read\",\n    \"Effect\": \"Allow\",\n"
                + "    \"Action\": \"s3:GetObject\",\n    \"Resource\": \"" + resource + "\"\n  }]\n}";
    }

    private void compare(String existing, String proposed) {
        page.locator("#compare-existing-json textarea").fill(existing);
        page.locator("#compare-new-json textarea").fill(proposed);
        page.locator("#compare-run").click();
    }

    @Test
    void aWiderPolicyFailsWithProvedRowsAndACounterexampleThatPlaysAllowed() {
        newSession("en-US");
        signUp("comparing", GOOD_PASSWORD);
        signIn("comparing", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        assertThat(page.locator("#check-my-work")).isVisible();
        page.locator("#console-nav-compare").click();
        assertThat(page.locator("#compare-run")).isVisible();

        compare(ONE_BUCKET, EVERY_BUCKET);
        assertThat(page.locator("#compare-verdict")).hasText("FAIL");
        assertThat(page.locator("#compare-responsible")).containsText("statement 1 (Sid Read)");
        Locator words = page.locator("#compare-diff-words .compare-diff-sentence");
        assertThat(words).hasCount(1);
        assertThat(words.first()).containsText("s3:GetObject on every S3 bucket and object (arn:aws:s3:::*) except "
                + "the objects of bucket dojo-app-artifacts (arn:aws:s3:::dojo-app-artifacts/*)");
        assertThat(page.locator("#compare-diff .compare-proved")).hasCount(1);
        assertThat(page.locator("#compare-coverage")).containsText("These rows are the whole difference (proved)");
        Locator examples = page.locator("#compare-examples");
        assertThat(examples).containsText("arn:aws:s3:::example-other-bucket/report.txt");
        screenshot("compare-policies-en");

        examples.locator(".compare-open").first().click();
        assertThat(page.locator("#sim-principal")).containsText("Custom policies");
        Locator decisions = page.locator("#sim-results .sim-decision");
        assertThat(decisions).hasCount(1);
        assertThat(decisions.first()).hasAttribute("theme", "badge success");
        assertThat(page.locator(".eval-flow").first()).isVisible();
        assertThat(page.locator(".eval-flow .eval-allow").first()).containsText("Read");
        page.locator("#sim-results").scrollIntoViewIfNeeded();
        screenshot("compare-policies-simulator-en");

        // Back on the page the texts are kept; a narrower new policy passes.
        page.locator("#console-nav-compare").click();
        assertThat(page.locator("#compare-new-json textarea")).hasValue(EVERY_BUCKET);
        page.locator("#compare-new-json textarea").fill(NARROWER);
        page.locator("#compare-run").click();
        assertThat(page.locator("#compare-verdict")).hasText("PASS");
        assertThat(page.locator("#compare-verdict-text")).containsText("grants nothing the existing one does not");
        assertThat(page.locator("#compare-diff")).hasCount(0);

        // Resource policies: a bucket policy opened to everyone; the counterexample's evaluation is shown in place.
        page.getByText("Resource policy").click();
        // The editors are built again for the new type (no AWS managed policy list): only then type into them.
        assertThat(page.locator("#compare-existing-template")).hasCount(0);
        compare(bucketPolicy("\"arn:aws:iam::111122223333:root\""), bucketPolicy("\"*\""));
        assertThat(page.locator("#compare-verdict")).hasText("FAIL");
        assertThat(page.locator("#compare-responsible")).containsText("statement 1 (Sid Read)");
        Locator resourceExamples = page.locator("#compare-examples");
        assertThat(resourceExamples.locator(".compare-open").first()).hasText("Show evaluation");
        resourceExamples.locator(".compare-open").first().click();
        Locator flow = resourceExamples.locator(".eval-flow");
        assertThat(flow.first()).isVisible();
        // The page says the new policy grants it, so its evaluation must end in Allow: the caller is from another
        // account, whose own identity policy is taken to allow (shown as such), and the bucket policy grants it.
        assertThat(resourceExamples.locator(".compare-cross-account").first()).containsText("account 999988887777");
        assertThat(flow.first().locator(".eval-flow-verdict span").first()).hasAttribute("theme", "badge success");
        assertThat(flow.first().locator(".eval-layer-resource-policy .eval-allow")).containsText("Read");
        flow.first().scrollIntoViewIfNeeded();
        screenshot("compare-policies-resource-en");
    }

    private static String bucketPolicy(String principal) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Sid\": \"Read\",\n"
                + "    \"Effect\": \"Allow\",\n    \"Principal\": {\"AWS\": " + principal + "},\n"
                + "    \"Action\": \"s3:GetObject\",\n    \"Resource\": \"arn:aws:s3:::dojo-app-artifacts/*\"\n  }]\n}";
    }

    @Test
    void theSameInKoreanInThePlayground() {
        newSession("ko-KR");
        signUp("comparingko", GOOD_PASSWORD);
        signIn("comparingko", GOOD_PASSWORD);
        open("/console");
        page.locator("#console-nav-compare").click();
        assertThat(page.locator("#console-nav-compare")).containsText("정책 비교");

        compare(ONE_BUCKET, EVERY_BUCKET);
        assertThat(page.locator("#compare-verdict")).hasText("FAIL");
        assertThat(page.locator("#compare-verdict-text")).containsText("기존 정책에 없는 액세스");
        assertThat(page.locator("#compare-diff-words")).containsText("모든 S3 버킷과 객체");
        assertThat(page.locator("#compare-diff-words")).containsText("dojo-app-artifacts 버킷의 객체");
        assertThat(page.locator("#compare-diff .compare-proved").first()).hasText("증명됨");
        screenshot("compare-policies-ko");

        // A broken document: a located error, nothing compared.
        page.locator("#compare-new-json textarea").fill("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        page.locator("#compare-run").click();
        assertThat(page.locator("#compare-error")).containsText("새 정책 (JSON), ");
        assertThat(page.locator("#compare-error")).containsText("행");
        assertThat(page.locator("#compare-verdict")).hasCount(0);

        page.locator("#compare-new-json textarea").fill(NARROWER);
        page.locator("#compare-run").click();
        assertThat(page.locator("#compare-verdict")).hasText("PASS");
        assertThat(page.locator("#compare-verdict-text")).containsText("하나도 부여하지 않습니다");

        // Not decided (one key under a String and a Numeric operator): the reason is Korean, not the engine's English.
        compare(conditioned("\"StringLike\": {\"aws:PrincipalTag/team\": \"a*\"}"),
                conditioned("\"NumericLessThan\": {\"aws:PrincipalTag/team\": \"10\"}"));
        assertThat(page.locator("#compare-verdict")).hasText("UNKNOWN");
        assertThat(page.locator("#compare-verdict-text")).containsText("안전한 근사로 찾은 요청");
        assertThat(page.locator("#compare-verdict-text")).containsText("컨텍스트 키 없음");
        assertThat(page.locator("#compare-verdict-text")).not().containsText("could not decide");
        assertThat(page.locator("#compare-verdict-text")).not().containsText("approximation");
        screenshot("compare-policies-unknown-ko");
    }

    private static String conditioned(String condition) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n"
                + "    \"Action\": \"s3:GetObject\",\n    \"Resource\": \"*\",\n    \"Condition\": {" + condition
                + "}\n  }]\n}";
    }
}
