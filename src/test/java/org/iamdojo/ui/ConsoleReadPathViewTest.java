package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Totp;
import org.iamdojo.ui.console.SandboxWorkspace;
import org.iamdojo.ui.console.WorkspaceHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.11 without a browser: acting as an IAM user allowed only iam:ListUsers, every console page shows
 * what that user's calls return and AWS's AccessDenied where a call is refused, never what the account holds.
 * The permissions each read needs: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_permissions-required.html
 */
class ConsoleReadPathViewTest extends KaribuTestBase {
    private static final String ONLY_LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";
    private SandboxWorkspace ws;

    @BeforeEach
    void playgroundWithANarrowUser() {
        signInAs("learner1", "LEARNER");
        ws = WorkspaceHolder.playground(PolicyValidator.standard());
        WorkspaceHolder.set(ws);
        ws.call("iam", "CreateGroup", Params.of("GroupName", "secret-auditors")).orThrow();
        ws.call("iam", "CreateRole", Params.of("RoleName", "HiddenRole", "AssumeRolePolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).orThrow();
        ws.call("iam", "CreateUser", Params.of("UserName", "hana")).orThrow();
        ws.call("iam", "AddUserToGroup", Params.of("GroupName", "secret-auditors", "UserName", "hana")).orThrow();
        ws.call("iam", "PutUserPolicy", Params.of("UserName", "hana", "PolicyName", "OnlyListUsers",
                "PolicyDocument", ONLY_LIST_USERS)).orThrow();
        ws.call("iam", "CreateAccountAlias", Params.of("AccountAlias", "dojo-secret-alias")).orThrow();
        ws.actAs(new Credentials.ConsoleSession(ws.accountId(), "hana", false), "hana");
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    /** A descendant by id, visible or not (Karibu's lookups see visible components only). */
    private static Component descendant(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> descendant(c, id)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String page() {
        return text(_get(Div.class, spec -> spec.withClasses("console-content")));
    }

    @Test
    void theDashboardShowsTheRefusedSummaryNotTheAccountsCounts() {
        UI.getCurrent().navigate("console/dashboard");
        assertThat(text(_get(Component.class, spec -> spec.withId("dashboard-summary"))))
                .contains("AccessDenied").contains("is not authorized to perform: iam:GetAccountSummary");
        assertThat(page()).doesNotContain("dojo-secret-alias").doesNotContain("1 users")
                .contains("iam:ListAccountAliases");
    }

    @Test
    void theUsersListAndDetailShowTheDenialsOfTheUsersOwnCalls() {
        UI.getCurrent().navigate("console/users");
        @SuppressWarnings("unchecked")
        Grid<Object> users = _get(Grid.class, spec -> spec.withId("users-grid"));
        assertThat(GridKt._size(users)).isEqualTo(1);
        // ListGroupsForUser is refused: the groups cell says so instead of naming the group.
        assertThat(GridKt._getFormatted(users, 0, "groups")).isEqualTo("AccessDenied");
        assertThat(GridKt._getFormatted(users, 0, "console")).isEqualTo("AccessDenied");
        users.select(users.getListDataView().getItems().findFirst().orElseThrow());

        String detail = text(_get(Div.class, spec -> spec.withId("user-detail")));
        assertThat(detail).contains("is not authorized to perform: iam:GetUser")
                .contains("is not authorized to perform: iam:ListAttachedUserPolicies")
                .contains("is not authorized to perform: iam:ListUserPolicies")
                .doesNotContain("OnlyListUsers");
        // The ARN only inside AWS's message: no head shows what GetUser would have returned.
        assertThat(_find(com.vaadin.flow.component.html.Span.class))
                .noneMatch(sp -> "arn:aws:iam::111122223333:user/hana".equals(sp.getText()));
        assertThat(_find(Grid.class, spec -> spec.withId("attached-policies"))).isEmpty();
        assertThat(_find(Grid.class, spec -> spec.withId("inline-policies"))).isEmpty();
    }

    @Test
    void groupsRolesAndTheAccountPageShowTheirRefusals() {
        UI.getCurrent().navigate("console/groups");
        assertThat(page()).contains("is not authorized to perform: iam:ListGroups").doesNotContain("secret-auditors");
        assertThat(_find(Grid.class, spec -> spec.withId("groups-grid"))).isEmpty();

        UI.getCurrent().navigate("console/roles");
        assertThat(page()).contains("is not authorized to perform: iam:ListRoles").doesNotContain("HiddenRole");

        UI.getCurrent().navigate("console/account");
        assertThat(text(_get(Component.class, spec -> spec.withId("root-mfa"))))
                .contains("is not authorized to perform: iam:GetAccountSummary");
        assertThat(page()).contains("is not authorized to perform: iam:ListAccountAliases")
                .contains("is not authorized to perform: iam:GetAccountPasswordPolicy")
                .doesNotContain("dojo-secret-alias");

        UI.getCurrent().navigate("console/cloudtrail");
        assertThat(page()).contains("is not authorized to perform: cloudtrail:LookupEvents");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("trail-events")))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSimulatorOffersOnlyThePrincipalsTheListsReturn() {
        UI.getCurrent().navigate("console/simulator");
        Select<Object> principal = _get(Select.class, spec -> spec.withId("sim-principal"));
        List<String> choices = principal.getListDataView().getItems().map(String::valueOf).toList();
        assertThat(choices).anyMatch(c -> c.contains("name=hana"))
                .noneMatch(c -> c.contains("secret-auditors"))
                .noneMatch(c -> c.contains("HiddenRole"));
        assertThat(page()).contains("is not authorized to perform: iam:ListGroups")
                .contains("is not authorized to perform: iam:ListRoles");
    }

    /** The sign-in asks for the MFA code on a second step, after the right password, as the console's does. */
    @Test
    @SuppressWarnings("unchecked")
    void signingInAsAUserWithMfaAsksForTheCodeAfterThePassword() {
        ws.actAs(Credentials.ConsoleSession.root(ws.accountId(), false), "root");
        ws.call("iam", "CreateLoginProfile", Params.of("UserName", "hana", "Password", "Hana-Pass-2025!")).orThrow();
        var device = ws.call("iam", "CreateVirtualMFADevice", Params.of("VirtualMFADeviceName", "hana")).orThrow()
                .path("VirtualMFADevice");
        String seed = device.path("Base32StringSeed").asText();
        java.time.Instant now = ws.sandbox().now();
        ws.call("iam", "EnableMFADevice", Params.of("UserName", "hana", "SerialNumber",
                device.path("SerialNumber").asText(), "AuthenticationCode1", Totp.code(seed, now.minusSeconds(30)),
                "AuthenticationCode2", Totp.code(seed, now))).orThrow();
        UI.getCurrent().navigate("console/users");
        ContextMenuKt._clickItemWithID(_get(MenuBar.class, spec -> spec.withId("switch-identity")), "switch-user");
        ComboBox<String> user = _get(ComboBox.class, spec -> spec.withId("signin-user"));
        assertThat(user.getListDataView().getItems()).contains("hana");
        TextField mfa = (TextField) descendant(_get(com.vaadin.flow.component.dialog.Dialog.class,
                spec -> spec.withId("user-signin-dialog")), "signin-mfa");
        assertThat(mfa.isVisible()).isFalse();
        user.setValue("hana");
        _get(PasswordField.class, spec -> spec.withId("signin-password")).setValue("wrong-password-1");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("signin-submit")));
        assertThat(mfa.isVisible()).isFalse();
        _get(PasswordField.class, spec -> spec.withId("signin-password")).setValue("Hana-Pass-2025!");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("signin-submit")));
        assertThat(mfa.isVisible()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("signin-error")).getText()).contains("MFA");
        assertThat(ws.actingLabel()).isEqualTo("root");
        mfa.setValue(Totp.code(seed, ws.sandbox().now()));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("signin-submit")));
        assertThat(ws.actingAs()).isEqualTo(new Credentials.ConsoleSession(ws.accountId(), "hana", true));
    }
}
