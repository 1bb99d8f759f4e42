package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.ManagedPolicy;
import org.iamdojo.iam.account.Params;
import org.iamdojo.ui.console.SandboxWorkspace;
import org.iamdojo.ui.console.WorkspaceHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IAM console pages: create a user and attach a policy, an access key's secret shown once, signing in as
 * an IAM user with the console password, AccessDenied with "Why?", and the policy editor's located findings.
 */
class IamConsoleViewTest extends KaribuTestBase {
    private SandboxWorkspace ws;

    @BeforeEach
    void playground() {
        signInAs("learner1", "LEARNER");
        ws = WorkspaceHolder.playground(PolicyValidator.standard());
        WorkspaceHolder.set(ws);
    }

    private void click(String id) {
        ButtonKt._click(_get(Button.class, spec -> spec.withId(id)));
    }

    /** Selects the row of a console list whose name is {@code name}, as a click on it does. */
    @SuppressWarnings("unchecked")
    private void selectRow(String gridId, String name) {
        com.vaadin.flow.component.grid.Grid<Object> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId(gridId));
        grid.select(grid.getListDataView().getItems().filter(r -> r.toString().contains("name=" + name + ","))
                .findFirst().orElseThrow());
    }

    private <T extends com.vaadin.flow.component.Component> T field(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void createUserAndAttachPolicy() {
        UI.getCurrent().navigate("console/users");
        click("create-user");
        field(TextField.class, "new-user-name").setValue("alice");
        click("create-user-confirm");
        IamUser alice = ws.sandbox().account(ws.accountId()).user("alice");
        assertThat(alice).isNotNull();

        click("attach-policy");
        ComboBox<Object> choice = field(ComboBox.class, "attach-policy-choice");
        ManagedPolicy readOnly = ws.sandbox().awsManagedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess");
        choice.setValue(choice.getListDataView().getItems().filter(p -> p.toString().contains("arn=" + readOnly.arn() + "]"))
                .findFirst().orElseThrow());
        click("attach-confirm");
        assertThat(ws.sandbox().account(ws.accountId()).user("alice").attachedPolicyArns()).containsExactly(readOnly.arn());
        // The CloudTrail record shows the console acted as root through the sandbox's one way in.
        assertThat(ws.sandbox().trail().events()).anyMatch(e -> e.eventName().equals("AttachUserPolicy"));
    }

    /** Issue 11, point 10: a refused console password gives one message saying what happened, not green and red at once. */
    @Test
    void aWeakConsolePasswordGivesOneMessageThatSaysTheUserExistsWithoutConsoleAccess() {
        UI.getCurrent().navigate("console/users");
        click("create-user");
        field(TextField.class, "new-user-name").setValue("weakling");
        field(com.vaadin.flow.component.checkbox.Checkbox.class, "new-user-console").setValue(true);
        field(com.vaadin.flow.component.textfield.PasswordField.class, "new-user-password").setValue("abc");
        click("create-user-confirm");
        assertThat(ws.sandbox().account(ws.accountId()).user("weakling")).isNotNull();
        assertThat(ws.sandbox().account(ws.accountId()).user("weakling").loginProfile()).isNull();
        var shown = NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).getThemeNames()).contains("error");
        assertThat(_find(Span.class)).anyMatch(sp -> sp.getText() != null
                && sp.getText().startsWith("User weakling was created, but without console access")
                && sp.getText().contains("PasswordPolicyViolation"));
    }

    @Test
    void accessKeySecretIsShownOnceInADialog() {
        ws.call("iam", "CreateUser", Params.of("UserName", "carol")).orThrow();
        UI.getCurrent().navigate("console/users");
        selectRow("users-grid", "carol");
        field(com.vaadin.flow.component.tabs.TabSheet.class, "user-tabs").setSelectedIndex(2);
        click("create-access-key");
        String keyId = field(TextField.class, "access-key-id").getValue();
        String secret = field(TextField.class, "access-key-secret").getValue();
        assertThat(secret).hasSize(40);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("access-key-warning")).getText())
                .contains("only time");
        // The pair really works as programmatic credentials.
        assertThat(ws.sandbox().resolve(Credentials.AccessKeyPair.longTerm(keyId, secret), ws.sandbox().now()).userName())
                .isEqualTo("carol");

        click("access-key-done");
        UI.getCurrent().navigate("console/dashboard");
        UI.getCurrent().navigate("console/users");
        selectRow("users-grid", "carol");
        field(com.vaadin.flow.component.tabs.TabSheet.class, "user-tabs").setSelectedIndex(2);
        assertThat(_find(Span.class)).anyMatch(s -> keyId.equals(s.getText())
                || _find(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("access-keys")).size() == 1);
        assertThat(_find(TextField.class)).noneMatch(f -> secret.equals(f.getValue()));
        assertThat(_find(Span.class)).noneMatch(s -> s.getText() != null && s.getText().contains(secret));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signingInAsAnIamUserNeedsTheRightPassword() {
        ws.call("iam", "CreateUser", Params.of("UserName", "bob")).orThrow();
        ws.call("iam", "CreateLoginProfile", Params.of("UserName", "bob", "Password", "Bob-pass-123!")).orThrow();
        UI.getCurrent().navigate("console/users");

        ContextMenuKt._clickItemWithID(_get(MenuBar.class, spec -> spec.withId("switch-identity")), "switch-user");
        ComboBox<String> user = field(ComboBox.class, "signin-user");
        user.setValue("bob");
        field(PasswordField.class, "signin-password").setValue("wrong-password");
        click("signin-submit");
        assertThat(field(Paragraph.class, "signin-error").getText())
                .isEqualTo("Your authentication information is incorrect. Please try again.");
        assertThat(ws.actingLabel()).isEqualTo("root");

        field(PasswordField.class, "signin-password").setValue("Bob-pass-123!");
        click("signin-submit");
        assertThat(ws.actingLabel()).isEqualTo("bob");
        assertThat(ws.actingAs()).isEqualTo(new Credentials.ConsoleSession(ws.accountId(), "bob", false));
        assertThat(field(Span.class, "acting-as").getText()).contains("bob");
    }

    @Test
    void accessDeniedShowsAwsMessageAndWhy() {
        ws.call("iam", "CreateUser", Params.of("UserName", "dave")).orThrow();
        ws.actAs(new Credentials.ConsoleSession(ws.accountId(), "dave", false), "dave");
        UI.getCurrent().navigate("console/users");
        // ListUsers is denied in place, with AWS's words and a Why? button.
        Span message = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("error-notice"))
                .getChildren().filter(Span.class::isInstance).map(Span.class::cast).findFirst().orElseThrow();
        assertThat(message.getText()).startsWith("AccessDenied: User: arn:aws:iam::111122223333:user/dave is not authorized"
                + " to perform: iam:ListUsers");
        ButtonKt._click(_get(Button.class, spec -> spec.withClasses("error-notice-why")));
        assertThat(_get(Dialog.class, spec -> spec.withId("decision-dialog")).isOpened()).isTrue();
        _get(Dialog.class, spec -> spec.withId("decision-dialog")).close();

        // A state change is denied too: the notification carries the message and Why?.
        click("create-user");
        field(TextField.class, "new-user-name").setValue("eve");
        click("create-user-confirm");
        assertThat(ws.sandbox().account(ws.accountId()).user("eve")).isNull();
        assertThat(NotificationsKt.getNotifications()).isNotEmpty();
        click("why-denied");
        assertThat(_find(Dialog.class, spec -> spec.withId("decision-dialog"))).anyMatch(Dialog::isOpened);
    }

    @Test
    void deniedDecisionReadsInKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        ws.call("iam", "CreateUser", Params.of("UserName", "dave")).orThrow();
        ws.call("iam", "PutUserPolicy", Params.of("UserName", "dave", "PolicyName", "Guard", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoListing\",\"Effect\":\"Deny\","
                        + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}")).orThrow();
        ws.actAs(new Credentials.ConsoleSession(ws.accountId(), "dave", false), "dave");
        UI.getCurrent().navigate("console/users");
        ButtonKt._click(_get(Button.class, spec -> spec.withClasses("error-notice-why")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("decision-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("결정: 명시적 거부");
        assertThat(_get(Paragraph.class, spec -> spec.withId("decision-reason")).getText()).isEqualTo(
                "거부됨: 사용자 dave의 인라인 정책 Guard의 Deny 문 NoListing이 이 요청과 일치하며, "
                        + "명시적 거부는 어떤 허용보다도 우선합니다.");
        String trace = dialog.getElement().getTextRecursively();
        assertThat(trace).contains("사용자 dave의 인라인 정책 Guard, 문 1 (Sid NoListing)")
                .doesNotContain("because", "inline policy", "explicit deny");
    }

    @Test
    void policyEditorShowsAFindingOnItsLine() {
        UI.getCurrent().navigate("console/policies");
        click("create-policy");
        TextArea json = field(TextArea.class, "policy-json");
        json.setValue("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Alow",
                    "Action": "s3:GetObject",
                    "Resource": "*"
                  }]
                }""");
        Button finding = _find(Button.class, spec -> spec.withClasses("policy-finding")).get(0);
        assertThat(finding.getText()).startsWith("Line 4:");
        assertThat(finding.getClassNames()).contains("sev-error");
        Span line4 = _find(Span.class, spec -> spec.withClasses("policy-line")).get(3);
        assertThat(line4.getText()).isEqualTo("4");
        assertThat(line4.getClassNames()).contains("sev-error");
        ButtonKt._click(finding);
        assertThat(line4.getClassNames()).contains("current");

        // Fixing the typo clears the error.
        json.setValue(json.getValue().replace("Alow", "Allow"));
        assertThat(_find(Button.class, spec -> spec.withClasses("policy-finding")))
                .noneMatch(b -> b.getClassNames().contains("sev-error"));
    }

    /** Issue 11.9: the validator's findings read in the learner's language, particles and all. */
    @Test
    void policyEditorShowsFindingsInKorean() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate("console/policies");
        click("create-policy");
        TextArea json = field(TextArea.class, "policy-json");
        json.setValue("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Alow",
                    "Action": "s3:GetObjekt",
                    "Resource": "*"
                  }]
                }""");
        java.util.List<String> rows = _find(Button.class, spec -> spec.withClasses("policy-finding")).stream()
                .map(Button::getText).toList();
        assertThat(rows).containsExactly(
                "4행 15열 \u2014 오류 \u2014 INVALID_EFFECT: Alow 효과는 올바르지 않습니다. Allow 또는 Deny를 쓰세요.",
                "5행 15열 \u2014 오류 \u2014 INVALID_ACTION: s3:GetObjekt 작업은 존재하지 않습니다.");
        Span line4 = _find(Span.class, spec -> spec.withClasses("policy-line")).get(3);
        assertThat(line4.getElement().getAttribute("title")).isEqualTo("Alow 효과는 올바르지 않습니다. Allow 또는 Deny를 쓰세요.");
    }

    /**
     * Issue 19.5: "Format JSON" must not rewrite a policy with a repeated key (a JSON reader would keep only the
     * last value, hiding the mistake); the text stays and the finding points at the second key.
     */
    @Test
    void formatJsonLeavesAPolicyWithARepeatedKeyAsItIs() {
        UI.getCurrent().navigate("console/policies");
        click("create-policy");
        TextArea json = field(TextArea.class, "policy-json");
        String typed = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:*\","
                + " \"Resource\": \"*\",\n \"Effect\": \"Allow\"}}";
        json.setValue(typed);
        click("policy-format");
        assertThat(json.getValue()).isEqualTo(typed);
        assertThat(_find(Button.class, spec -> spec.withClasses("policy-finding"))).extracting(Button::getText)
                .anyMatch(t -> t.startsWith("Line 2:2 ") && t.contains("Effect appears more than once"));
    }

    /**
     * The visual builder offers every condition operator of the one list (ConditionOperator), not a subset of its
     * own: a StringNotEqualsIgnoreCase condition is built and the validator accepts it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void visualBuilderOffersEveryConditionOperator() {
        UI.getCurrent().navigate("console/policies");
        click("create-policy");
        click("policy-builder-open");
        com.vaadin.flow.component.select.Select<String> operator =
                field(com.vaadin.flow.component.select.Select.class, "builder-operator");
        assertThat(operator.getListDataView().getItems().toList()).containsExactlyElementsOf(
                java.util.Arrays.stream(org.iamdojo.iam.policy.ConditionOperator.values())
                        .map(org.iamdojo.iam.policy.ConditionOperator::awsName).toList());
        ComboBox<Object> service = field(ComboBox.class, "builder-service");
        service.setValue(service.getListDataView().getItems().filter(s -> s.toString().contains("prefix=s3,"))
                .findFirst().orElseThrow());
        field(com.vaadin.flow.component.checkbox.Checkbox.class, "builder-all-actions").setValue(true);
        operator.setValue("StringNotEqualsIgnoreCase");
        field(ComboBox.class, "builder-condition-key").setValue("aws:PrincipalTag/${TagKey}");
        field(TextField.class, "builder-condition-value").setValue("red");
        click("builder-add");
        String json = field(TextArea.class, "policy-json").getValue();
        assertThat(json).contains("\"StringNotEqualsIgnoreCase\"");
        assertThat(_find(Button.class, spec -> spec.withClasses("policy-finding")))
                .noneMatch(b -> b.getText().contains("INVALID_CONDITION_OPERATOR"));
    }

    /**
     * The add-to-group choice on a user's page is what ListGroups returns to the acting identity: without
     * iam:ListGroups the page shows AWS's AccessDenied there, not the account's groups
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_permissions-required.html).
     */
    @Test
    @SuppressWarnings("unchecked")
    void addToGroupListShowsTheDenialWithoutListGroups() {
        ws.call("iam", "CreateGroup", Params.of("GroupName", "developers")).orThrow();
        ws.call("iam", "CreateGroup", Params.of("GroupName", "auditors")).orThrow();
        ws.call("iam", "CreateUser", Params.of("UserName", "hana")).orThrow();
        ws.call("iam", "PutUserPolicy", Params.of("UserName", "hana", "PolicyName", "ReadUsers", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:ListUsers\","
                        + "\"iam:GetUser\",\"iam:ListGroupsForUser\",\"iam:List*UserPolicies\",\"iam:ListAccessKeys\"],"
                        + "\"Resource\":\"*\"}]}")).orThrow();

        // As root the choice lists both groups.
        UI.getCurrent().navigate("console/users");
        selectRow("users-grid", "hana");
        field(com.vaadin.flow.component.tabs.TabSheet.class, "user-tabs").setSelectedIndex(1);
        ComboBox<Object> choice = field(ComboBox.class, "add-to-group-choice");
        assertThat(choice.getListDataView().getItems().map(String::valueOf)).containsExactlyInAnyOrder("developers", "auditors");

        ws.actAs(new Credentials.ConsoleSession(ws.accountId(), "hana", false), "hana");
        UI.getCurrent().navigate("console/dashboard");
        UI.getCurrent().navigate("console/users");
        selectRow("users-grid", "hana");
        field(com.vaadin.flow.component.tabs.TabSheet.class, "user-tabs").setSelectedIndex(1);
        choice = field(ComboBox.class, "add-to-group-choice");
        assertThat(choice.getListDataView().getItems()).isEmpty();
        assertThat(choice.isEnabled()).isFalse();
        assertThat(field(com.vaadin.flow.component.html.Div.class, "add-to-group-list").getElement().getTextRecursively())
                .contains("AccessDenied").contains("is not authorized to perform: iam:ListGroups");
    }

    /** The attach-policy choice is what ListPolicies returns: refused, the dialog shows AccessDenied and no policies. */
    @Test
    @SuppressWarnings("unchecked")
    void attachPolicyChoiceShowsTheDenialWithoutListPolicies() {
        ws.call("iam", "CreateUser", Params.of("UserName", "hana")).orThrow();
        ws.call("iam", "PutUserPolicy", Params.of("UserName", "hana", "PolicyName", "ReadUsers", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:ListUsers\","
                        + "\"iam:GetUser\",\"iam:List*UserPolicies\"],\"Resource\":\"*\"}]}")).orThrow();
        ws.actAs(new Credentials.ConsoleSession(ws.accountId(), "hana", false), "hana");
        UI.getCurrent().navigate("console/users");
        selectRow("users-grid", "hana");
        click("attach-policy");
        assertThat(field(ComboBox.class, "attach-policy-choice").getListDataView().getItems()).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("error-notice")))
                .anyMatch(d -> d.getElement().getTextRecursively().contains("is not authorized to perform: iam:ListPolicies"));
    }
}
