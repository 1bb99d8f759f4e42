package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An instructor runs a workshop in a real browser, in Korean, while two learners work in their own browsers: every
 * participant event (join by code and by link, start, a sandbox action, a check, finishing, a reset by the
 * instructor) shows on the open board within 2 seconds without reloading it; the participant's read-only sandbox
 * lists the learner's things and reads in its terminal but refuses changes; the CSV export is in Korean.
 */
class InstructorRobotTest extends BrowserTestBase {
    private static final String SCENARIO = "explicit-deny-wins";
    private static final String SCENARIO_KO = "명시적 거부가 이긴다";
    private static final String TEACHER = "robot-teacher";
    private static final String ANN = "robot-ann";
    private static final String BEN = "robot-ben";
    /** The promise: a participant's event is on an open board within this long. */
    private static final LocatorAssertions.ContainsTextOptions WITHIN_2S =
            new LocatorAssertions.ContainsTextOptions().setTimeout(2_000);
    private static final String TRUST_EC2 = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'";

    /** Fills the sign-in form the page shows now (a protected address sent the visitor there). */
    private void signInOnThisPage(String username) {
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(username);
        form.locator("input[name='password']").fill(GOOD_PASSWORD);
        form.locator("input[name='password']").press("Enter");
    }

    /** The participant's cell on the board (the grid does not keep rows in document order). */
    private static Locator cell(Page board, String participant) {
        return board.locator("[data-participant='" + participant + "'][data-scenario='" + SCENARIO + "']");
    }

    @Test
    void boardFollowsTwoLearnersLiveAndTheReadOnlySandboxReadsButDoesNotWrite() throws IOException {
        // The instructor signs up; the admin makes them an instructor on the Admin page.
        Page teacher = addSession("ko-KR");
        signUp(TEACHER, GOOD_PASSWORD);
        addSession("en-US");
        open("/login");
        signIn("admin", ADMIN_PASSWORD);
        page.locator("#nav-admin").click();
        page.locator("#toggle-instructor-" + TEACHER).click();
        assertThat(page.locator("#toggle-instructor-" + TEACHER)).hasText("Remove instructor");

        // The instructor creates a one-scenario workshop and lands on its board.
        use(teacher);
        signIn(TEACHER, GOOD_PASSWORD);
        page.locator("#nav-workshops").click();
        page.locator("#new-workshop").click();
        page.locator("#workshop-title input").fill("로봇 워크숍");
        page.locator("#scenario-picker input").fill("명시적");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(SCENARIO_KO)).click();
        assertThat(page.locator("#chosen-scenarios")).containsText(SCENARIO_KO);
        page.locator("#create-workshop").click();
        assertThat(page.locator("#board-grid")).isVisible();
        Page board = teacher;
        String code = board.locator("#join-code").textContent().strip();
        String link = board.locator("#join-link").getAttribute("href");
        assertThat(link).endsWith("/join/" + code);

        // Ann joins with the code on the join page.
        Page ann = addSession("en-US");
        signUp(ANN, GOOD_PASSWORD);
        signIn(ANN, GOOD_PASSWORD);
        page.locator("#nav-join").click();
        page.locator("#join-code-field input").fill(code);
        page.locator("#join-submit").click();
        assertThat(page.locator("#workshop-scenarios")).isVisible();
        assertThat(cell(board, ANN)).containsText("시작 전", WITHIN_2S);
        assertThat(board.locator("#summary-participants")).containsText("참가자 1명", WITHIN_2S);

        // Ben opens the link he was given: sign in first, then he is in.
        Page ben = addSession("en-US");
        signUp(BEN, GOOD_PASSWORD);
        open(URI.create(link).getPath());
        assertThat(page.locator("vaadin-login-form")).isVisible();
        signInOnThisPage(BEN);
        assertThat(page.locator("#workshop-scenarios")).isVisible();
        assertThat(cell(board, BEN)).containsText("시작 전", WITHIN_2S);
        assertThat(board.locator("#summary-participants")).containsText("참가자 2명", WITHIN_2S);

        // Both press Start.
        use(ann);
        page.locator("#open-" + SCENARIO).click();
        assertThat(page.locator("#check-my-work")).isVisible();
        assertThat(cell(board, ANN)).containsText("진행 중", WITHIN_2S);
        use(ben);
        page.locator("#open-" + SCENARIO).click();
        assertThat(page.locator("#check-my-work")).isVisible();
        assertThat(cell(board, BEN)).containsText("진행 중", WITHIN_2S);

        // Ann acts in the terminal: each action counts on the board.
        use(ann);
        page.locator("#console-nav-terminal").click();
        run("aws iam create-user --user-name robot-made-user", "\"UserName\"");
        assertThat(cell(board, ANN)).containsText("변경 1회", WITHIN_2S);
        run("aws iam create-group --group-name robot-group", "\"GroupName\"");
        run("aws iam create-role --role-name robot-role --assume-role-policy-document " + TRUST_EC2, "\"RoleName\"");
        run("aws iam create-policy --policy-name robot-policy --policy-document '{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}'",
                "\"PolicyName\"");
        assertThat(cell(board, ANN)).containsText("변경 4회", WITHIN_2S);

        // Ann checks her work before fixing anything (doing nothing scores nothing): the score is on the board.
        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText("Score: 0 / 100");
        assertThat(cell(board, ANN)).containsText("0/100", WITHIN_2S);

        // Ann narrows the deny, deletes the old bucket and checks again: finished.
        run("aws iam put-group-policy --group-name Admins --policy-name ProtectBuckets --policy-document "
                + "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoLegalHoldDeletion\",\"Effect\":\"Deny\","
                + "\"Action\":\"s3:DeleteBucket\",\"Resource\":\"arn:aws:s3:::dojo-legal-hold\"}]}'",
                "put-group-policy");
        run("aws s3 rb s3://dojo-old-logs", "remove_bucket: dojo-old-logs");
        page.locator("#check-my-work").click();
        assertThat(page.locator("#score")).containsText("100 / 100");
        assertThat(cell(board, ANN)).containsText("완료", WITHIN_2S);
        assertThat(cell(board, ANN)).containsText("100/100", WITHIN_2S);
        assertThat(board.locator("#summary-finished")).containsText("2명 중 1명이 모두 완료", WITHIN_2S);

        // Ben does one thing; the instructor, in a second tab, resets Ben's sandbox: the first tab's board shows it.
        use(ben);
        page.locator("#console-nav-terminal").click();
        run("aws iam create-user --user-name ben-user", "\"UserName\"");
        assertThat(cell(board, BEN)).containsText("변경 1회", WITHIN_2S);
        Page tab = board.context().newPage();
        tab.setDefaultTimeout(30_000);
        use(tab);
        open("/");
        page.locator("#nav-workshops").click();
        page.locator("#my-workshops vaadin-button").first().click();
        cell(page, BEN).locator(".board-open").click();
        page.locator("#reset-participant").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("초기화").setExact(true)).click();
        assertThat(page.locator("#board-grid")).isVisible();
        assertThat(cell(board, BEN)).containsText("아직 변경 없음", WITHIN_2S);
        assertThat(cell(board, BEN)).not().containsText("변경 1회");

        // The instructor looks into Ann's sandbox, read-only, from the board.
        cell(page, ANN).locator(".board-open").click();
        assertThat(page.locator("#read-only-note")).isVisible();
        page.locator("#console-nav-users").click();
        assertThat(page.locator("#users-grid")).containsText("robot-made-user");
        page.locator("#console-nav-groups").click();
        assertThat(page.locator("#groups-grid")).containsText("robot-group");
        assertThat(page.locator("#groups-grid")).containsText("Admins");
        page.locator("#console-nav-roles").click();
        assertThat(page.locator("#roles-grid")).containsText("robot-role");
        page.locator("#console-nav-policies").click();
        page.locator("#policy-filter input").fill("robot");
        assertThat(page.locator("#policies-grid")).containsText("robot-policy");
        page.locator("#console-nav-s3").click();
        assertThat(page.locator("#s3-buckets")).containsText("dojo-legal-hold");
        assertThat(page.locator("#s3-buckets")).not().containsText("dojo-old-logs");
        page.locator("#console-nav-cloudtrail").click();
        assertThat(page.locator("#trail-events")).containsText("CreateUser");
        assertThat(page.locator("#trail-events")).containsText("DeleteBucket");
        // The access map of Ann's sandbox, read-only as well: her user and group are drawn, nothing changes.
        page.locator("#console-nav-access-map").click();
        assertThat(page.locator("#access-map-drawing")).containsText("robot-made-user");
        assertThat(page.locator("#access-map-drawing g.node-group")).not().hasCount(0);
        assertThat(page.locator("#access-map-table")).containsText("Admins");
        screenshot("attempt-view-access-map-ko");

        // Its terminal reads, refuses a change, and shows the sandbox time without the buttons that move it.
        page.locator("#console-nav-terminal").click();
        run("aws iam list-groups", "robot-group");
        run("aws iam create-user --user-name x", "ReadOnlySandbox");
        assertThat(page.locator("#terminal-output")).containsText("읽기 전용");
        assertThat(page.locator("#sandbox-clock-now")).isVisible();
        assertThat(page.locator("#clock-advance-1h")).hasCount(0);

        // The console's own create button is refused the same way, and no user appears.
        page.locator("#console-nav-users").click();
        page.locator("#create-user").click();
        page.locator("#new-user-name input").fill("intruder");
        page.locator("#create-user-confirm").click();
        assertThat(page.locator("vaadin-notification-card .error-notice-text")).containsText("읽기 전용");
        page.keyboard().press("Escape");
        page.locator("#console-nav-groups").click();
        page.locator("#console-nav-users").click();
        assertThat(page.locator("#users-grid")).containsText("robot-made-user");
        assertThat(page.locator("#users-grid")).not().containsText("intruder");

        // The CSV from the board in the first tab is in Korean: headers, statuses and the scenario's title.
        Download download = board.waitForDownload(() -> board.locator("#export-csv").click());
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("워크숍,참가자,시나리오,상태,점수,만점,사용한 힌트,마지막 활동 (UTC)");
        assertThat(lines).hasSize(3);
        String annLine = Arrays.stream(lines).filter(l -> l.contains("," + ANN + ",")).findFirst().orElseThrow();
        assertThat(annLine).startsWith("로봇 워크숍," + ANN + "," + SCENARIO_KO + ",완료,100,100,0,");
        String benLine = Arrays.stream(lines).filter(l -> l.contains("," + BEN + ",")).findFirst().orElseThrow();
        assertThat(benLine).startsWith("로봇 워크숍," + BEN + "," + SCENARIO_KO + ",진행 중,,");
        assertThat(String.join("\n", lines)).doesNotContain("COMPLETED").doesNotContain("IN_PROGRESS")
                .doesNotContain(SCENARIO);
    }
}
