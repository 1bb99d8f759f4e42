package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Screenshots of the console's S3, terminal, EC2, CloudTrail and simulator pages in both languages, after real
 * actions in the browser: target/screenshots/console-*.png.
 */
class CloudConsoleScreenshotsTest extends BrowserTestBase {

    private static final String TRUST_EC2 = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'";

    @ParameterizedTest
    @CsvSource({"en-US,en", "ko-KR,ko"})
    void cloudPages(String browserLocale, String suffix) {
        newSession(browserLocale);
        signUp("cloud-" + suffix, GOOD_PASSWORD);
        signIn("cloud-" + suffix, GOOD_PASSWORD);

        open("/console/s3");
        page.locator("#s3-new-bucket input").fill("dojo-reports-" + suffix);
        page.locator("#s3-create-bucket").click();
        assertThat(page.locator("#s3-open-bucket")).containsText("dojo-reports-" + suffix);
        page.locator("#s3-object-key input").fill("2025/summary.txt");
        page.locator("#s3-object-body textarea").fill("Quarterly summary: all green.");
        page.locator("#s3-upload").click();
        assertThat(page.locator("#s3-objects")).containsText("2025/summary.txt");
        screenshot("console-s3-" + suffix);

        open("/console/terminal");
        run("aws sts get-caller-identity", "\"Account\"");
        run("aws iam create-role --role-name AppRole --assume-role-policy-document " + TRUST_EC2, "\"RoleName\"");
        run("aws iam create-instance-profile --instance-profile-name AppProfile", "\"InstanceProfileName\"");
        run("aws iam add-role-to-instance-profile --instance-profile-name AppProfile --role-name AppRole",
                "add-role-to-instance-profile");
        run("aws s3 ls", "dojo-reports-" + suffix);
        run("aws iam list-users --profile nobody", "nobody");
        screenshot("console-terminal-" + suffix);

        open("/console/ec2");
        page.locator("#ec2-profile input").fill("AppProfile");
        page.locator("#ec2-profile input").press("Enter");
        page.locator("#ec2-user-data textarea").fill("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        page.locator("#ec2-launch").click();
        assertThat(page.locator("#ec2-detail-title")).isVisible();
        assertThat(page.locator("#ec2-user-data-warning")).isVisible();
        page.locator("#ec2-run-params textarea").fill("{\"Bucket\": \"dojo-reports-" + suffix
                + "\", \"Key\": \"from-instance.txt\", \"Body\": \"hi\"}");
        page.locator("#ec2-run").click();
        assertThat(page.locator("#ec2-run-output")).containsText("AccessDenied");
        screenshot("console-ec2-" + suffix);

        open("/console/cloudtrail");
        assertThat(page.locator("#trail-events")).containsText("PutObject");
        assertThat(page.locator("#trail-json")).containsText("eventName");
        screenshot("console-cloudtrail-" + suffix);

        open("/console/simulator");
        page.locator("#sim-actions input").fill("s3:GetObject s3:PutObject");
        page.locator("#sim-resources input").fill("arn:aws:s3:::reports/q1.txt");
        page.locator("#sim-run").click();
        assertThat(page.locator("#sim-results")).containsText("implicitDeny");
        page.locator("#sim-results vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("s3:PutObject"))
                .first().click();
        assertThat(page.locator(".eval-flow").first()).isVisible();
        page.locator(".eval-flow").first().scrollIntoViewIfNeeded();
        screenshot("console-simulator-" + suffix);
    }
}
