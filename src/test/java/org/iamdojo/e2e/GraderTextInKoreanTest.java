package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 7, walked in Korean in "Developers and testers": the grader's sentences come from the
 * translation files with each particle chosen from the word before it ("사용자 dana가", "사용자 tom이", never
 * "이(가)"), and the policy simulator's evaluation names the deciding policy and statement the same way
 * ("…인라인 정책 Artifacts의 문 ReadArtifacts가 허용하며"). Simulator semantics:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 */
class GraderTextInKoreanTest extends BrowserTestBase {

    @Test
    void checkResultsAndTheSimulatorsWhyReadAsKorean() {
        newSession("ko-KR");
        page.setViewportSize(1280, 800);
        signUp("hangul-grader", GOOD_PASSWORD);
        signIn("hangul-grader", GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-developers-and-testers").click();
        page.locator("#check-my-work").click();

        Locator why = page.locator(".check-explanation");
        assertThat(why.filter(new Locator.FilterOptions().setHasText("사용자 dana가 그룹 developers에 속해 있지 않습니다.")))
                .hasCount(1);
        assertThat(why.filter(new Locator.FilterOptions().setHasText("사용자 tom이 그룹 testers에 속해 있지 않습니다.")))
                .hasCount(1);
        assertThat(why.filter(new Locator.FilterOptions().setHasText(
                "사용자 tom은 arn:aws:s3:::dojo-app-artifacts/builds/app-1.0.jar에 대해 s3:GetObject 작업을 할 수 없습니다: "
                        + "s3:GetObject 작업을 허용하는 자격 증명 기반 정책이 없습니다."))).hasCount(1);

        page.locator("#console-nav-terminal").click();
        run("aws iam create-group --group-name developers", "\"GroupName\"");
        run("aws iam add-user-to-group --group-name developers --user-name dana", "$ aws iam add-user-to-group");
        run("aws iam put-group-policy --group-name developers --policy-name Artifacts --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadArtifacts\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::dojo-app-artifacts/*\"}]}'",
                "$ aws iam put-group-policy");
        page.locator("#check-my-work").click();
        // dana is in developers now: that check passes, and dana's remaining denial reads with 는 after dana.
        assertThat(why.filter(new Locator.FilterOptions().setHasText("사용자 dana가 그룹 developers에 속해 있지 않습니다.")))
                .hasCount(0);
        assertThat(why.filter(new Locator.FilterOptions().setHasText(
                "사용자 dana는 arn:aws:s3:::dojo-app-artifacts/builds/app-1.1.jar에 대해 s3:PutObject 작업을 할 수 없습니다: "
                        + "s3:PutObject 작업을 허용하는 자격 증명 기반 정책이 없습니다."))).hasCount(1);
        assertThat(page.locator("body")).not().containsText("이(가)");
        assertThat(page.locator("body")).not().containsText("을(를)");
        assertThat(page.locator("body")).not().containsText("은(는)");
        assertThat(page.locator("body")).not().containsText(",josa,");
        why.filter(new Locator.FilterOptions().setHasText("s3:PutObject")).first().scrollIntoViewIfNeeded();
        screenshot("grader-text-ko-checks");

        page.locator("#console-nav-simulator").click();
        page.locator("#sim-principal").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("사용자: dana")).click();
        page.locator("#sim-actions input").fill("s3:GetObject");
        page.locator("#sim-resources input").fill("arn:aws:s3:::dojo-app-artifacts/builds/app-1.0.jar");
        page.locator("#sim-run").click();
        page.locator("#sim-results vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("s3:GetObject"))
                .first().click();
        Locator flow = page.locator(".eval-flow").first();
        assertThat(flow).isVisible();
        assertThat(flow).containsText("허용됨: 그룹 developers의 인라인 정책 Artifacts의 문 ReadArtifacts가 허용하며");
        assertThat(flow).not().containsText("이(가)");
        flow.locator(".eval-flow-verdict").scrollIntoViewIfNeeded();
        screenshot("grader-text-ko-simulator-why");
    }
}
