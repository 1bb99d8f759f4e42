package org.iamdojo.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The access map walked as a learner, at 1280×800. In the privilege-escalation scenario: sam's escalation paths
 * (iam:CreatePolicyVersion on AppDeploy, iam:PassRole of AdminRole + ec2:RunInstances) are listed with steps, a
 * step's "Why?" opens the engine's evaluation flow; adding sam to Admins on the Users page draws the membership
 * edge, removing him takes it away; an engine-decided edge (admin can read a new bucket) opens its "Why?" from the
 * drawing; after the reference fix, no path is left. In the free console, a change made in another tab appears on
 * an open map without a reload. Techniques: https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
 */
class AccessMapTest extends BrowserTestBase {
    private static final LocatorAssertions.HasCountOptions WITHIN_5S =
            new LocatorAssertions.HasCountOptions().setTimeout(5_000);

    private void openScenario(String locale, String learner) {
        newSession(locale);
        page.setViewportSize(1280, 800);
        signUp(learner, GOOD_PASSWORD);
        signIn(learner, GOOD_PASSWORD);
        open("/scenarios");
        page.locator("#open-privilege-escalation").click();
        assertThat(page.locator("#check-my-work")).isVisible();
        page.locator("#console-nav-access-map").click();
        assertThat(page.locator("#access-map-page")).isVisible();
    }

    private Locator memberEdge(String user, String group) {
        return page.locator("#access-map-drawing g.edge-member-of[aria-label='" + user + " is a member of " + group + "']");
    }

    private void samsGroups() {
        page.locator("#console-nav-users").click();
        page.locator("#users-grid").getByText("sam").first().click();
        page.locator("#user-tabs vaadin-tab").nth(1).click();
    }

    @Test
    void escalationPathsEdgesAndWhyInThePrivilegeEscalationScenario() {
        openScenario("en-US", "mapper");
        Locator paths = page.locator("#access-map-paths .access-path");
        assertThat(paths).hasCount(2);
        assertThat(page.locator("#access-map-paths")).containsText("sam: new default version of a policy attached to oneself");
        assertThat(page.locator("#access-map-paths")).containsText("pass a stronger role to a new EC2 instance");
        assertThat(page.locator("#access-map-paths")).containsText("AdminRole");
        assertThat(page.locator("#access-map-paths")).containsText("remove or deny iam:PassRole on arn:aws:iam::111122223333:role/AdminRole");
        assertThat(page.locator("#access-map-paths .access-path-reference").first())
                .hasAttribute("href", "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/");
        assertThat(page.locator("#access-map-drawing g.node-user.flagged")).hasCount(1);
        assertThat(memberEdge("sam", "deployers")).hasCount(1);
        assertThat(memberEdge("sam", "Admins")).hasCount(0);
        screenshot("access-map-escalation-en");

        // A step's "Why?" is the simulator's layer-by-layer flow: AppDeploy's statement allows it.
        paths.nth(0).locator(".access-path-why").first().click();
        Locator flow = page.locator("#access-map-why .eval-flow").first();
        assertThat(flow).isVisible();
        assertThat(flow.locator(".eval-allow")).containsText("AppDeploy");
        screenshot("access-map-why-en");
        page.locator("#access-map-why-close").click();

        // Granting by clicks draws the edge; revoking takes it away.
        samsGroups();
        page.locator("#add-to-group-choice input").fill("Admins");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Admins")).click();
        page.locator("#add-to-group").click();
        assertThat(page.locator("#user-groups")).containsText("Admins");
        page.locator("#console-nav-access-map").click();
        assertThat(memberEdge("sam", "Admins")).hasCount(1);
        assertThat(page.locator("#access-map-page")).containsText("Already allowed every representative action");
        memberEdge("sam", "Admins").click();
        assertThat(page.locator("#access-map-fact")).containsText("sam is a member of the group Admins");
        page.locator("#access-map-why-close").click();
        samsGroups();
        page.locator("#user-groups vaadin-button[aria-label='Remove Admins']").click();
        assertThat(page.locator("#user-groups")).not().containsText("Admins");
        page.locator("#console-nav-access-map").click();
        assertThat(memberEdge("sam", "Admins")).hasCount(0);
        assertThat(memberEdge("sam", "deployers")).hasCount(1);

        // An engine-decided edge: admin may read a bucket it makes; clicking the line opens the evaluation.
        page.locator("#console-nav-terminal").click();
        run("aws s3 mb s3://dojo-map-reports", "make_bucket: dojo-map-reports");
        page.locator("#console-nav-access-map").click();
        page.locator("#access-map-filter input").fill("admin");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("User: admin")).click();
        // The drawing now shows admin's part only: admin, its group and the bucket.
        assertThat(page.locator("#access-map-drawing g.node-user")).hasCount(1);
        Locator read = page.locator("#access-map-drawing g.edge-can-read[aria-label='admin can read dojo-map-reports']");
        assertThat(read).hasCount(1);
        // A straight line has no height, so Playwright will not aim a mouse at it: the click is dispatched on it.
        read.dispatchEvent("click");
        Locator readFlow = page.locator("#access-map-why .eval-flow").first();
        assertThat(readFlow).isVisible();
        assertThat(page.locator("#access-map-why")).containsText("s3:GetObject on arn:aws:s3:::dojo-map-reports/");
        assertThat(readFlow.locator(".eval-allow")).containsText("AdministratorAccess");
        page.locator("#access-map-why-close").click();

        // The table holds the same facts; its row opens the same "Why?".
        page.locator("#access-map-filter").locator("[part~='clear-button']").click();
        assertThat(page.locator("#access-map-table")).containsText("Engine decision: s3:GetObject");

        // The reference fix closes both paths.
        page.locator("#console-nav-terminal").click();
        run("aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy/AppDeploy --set-as-default "
                + "--policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Deploy\",\"Effect\":\"Allow\","
                + "\"Action\":[\"ec2:RunInstances\",\"ec2:Describe*\"],\"Resource\":\"*\"},{\"Sid\":\"PassAppRoleToEc2\","
                + "\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::111122223333:role/AppRole\","
                + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}}]}'", "\"VersionId\"");
        page.locator("#console-nav-access-map").click();
        assertThat(page.locator("#access-map-paths .access-path")).hasCount(0);
        assertThat(page.locator("#access-map-no-paths")).isVisible();
        assertThat(page.locator("#access-map-drawing g.node.flagged")).hasCount(0);
        screenshot("access-map-fixed-en");
    }

    @Test
    void theMapInKorean() {
        openScenario("ko-KR", "mapper-ko");
        assertThat(page.locator("#access-map-paths .access-path")).hasCount(2);
        assertThat(page.locator("#access-map-page")).containsText("권한 상승 경로");
        assertThat(page.locator("#access-map-paths")).containsText("더 강한 역할을 새 EC2 인스턴스에 전달하기");
        assertThat(page.locator("#access-map-drawing")).containsText("루트와 사용자");
        screenshot("access-map-escalation-ko");
        page.locator("#access-map-paths .access-path-why").first().click();
        assertThat(page.locator("#access-map-why .eval-flow").first()).isVisible();
        screenshot("access-map-why-ko");
    }

    @Test
    void anOpenMapFollowsChangesMadeInAnotherTab() {
        newSession("en-US");
        page.setViewportSize(1280, 800);
        signUp("mapwatch", GOOD_PASSWORD);
        signIn("mapwatch", GOOD_PASSWORD);
        open("/console/access-map");
        assertThat(page.locator("#access-map-drawing g.node-root")).hasCount(1);
        Page mapTab = page;
        Page other = page.context().newPage();
        other.setDefaultTimeout(30_000);
        use(other);
        open("/console/terminal");
        run("aws iam create-group --group-name watchers", "\"GroupName\"");
        run("aws iam create-user --user-name wanda", "\"UserName\"");
        run("aws iam add-user-to-group --group-name watchers --user-name wanda", "add-user-to-group");
        use(mapTab);
        assertThat(memberEdge("wanda", "watchers")).hasCount(1, WITHIN_5S);
        assertThat(page.locator("#access-map-table")).containsText("wanda");
    }
}
