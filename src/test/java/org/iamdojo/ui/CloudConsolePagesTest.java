package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyPressEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.ui.console.SandboxWorkspace;
import org.iamdojo.ui.console.WorkspaceHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3, terminal, CloudTrail and simulator pages of the console, driven without a browser. */
class CloudConsolePagesTest extends KaribuTestBase {

    private SandboxWorkspace workspace;

    @BeforeEach
    void signIn() {
        signInAs("learner1", "LEARNER");
        workspace = WorkspaceHolder.playground(PolicyValidator.standard());
        VaadinSession.getCurrent().setAttribute(SandboxWorkspace.class, workspace);
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private static void type(String line) {
        List<PasswordField> secrets = _find(PasswordField.class, spec -> spec.withId("terminal-secret"));
        if (!secrets.isEmpty()) {
            PasswordField secret = secrets.get(0);
            secret.setValue(line);
            ComponentUtil.fireEvent(secret, new KeyPressEvent(secret, "Enter"));
        } else {
            TextField input = _get(TextField.class, spec -> spec.withId("terminal-input"));
            input.setValue(line);
            ComponentUtil.fireEvent(input, new KeyPressEvent(input, "Enter"));
        }
    }

    @Test
    void createsABucketAndPutsAnObject() {
        UI.getCurrent().navigate("console/s3");
        _setValue(_get(TextField.class, spec -> spec.withId("s3-new-bucket")), "karibu-reports");
        _click(_get(Button.class, spec -> spec.withId("s3-create-bucket")));
        assertThat(GridKt._size(grid("s3-buckets"))).isEqualTo(1);
        assertThat(text(_get(Component.class, spec -> spec.withId("s3-open-bucket")))).contains("karibu-reports");

        _setValue(_get(TextField.class, spec -> spec.withId("s3-object-key")), "notes/hello.txt");
        _setValue(_get(TextArea.class, spec -> spec.withId("s3-object-body")), "hello dojo");
        _click(_get(Button.class, spec -> spec.withId("s3-upload")));

        assertThat(GridKt._size(grid("s3-objects"))).isEqualTo(1);
        assertThat(S3Operations.state(workspace.sandbox()).bucket("karibu-reports").objects().get("notes/hello.txt").body())
                .isEqualTo("hello dojo");
    }

    @Test
    void bucketPolicyFindingIsShownWithItsLine() {
        workspace.call("s3", "CreateBucket", Params.of("Bucket", "policy-bucket")).orThrow();
        UI.getCurrent().navigate("console/s3");
        GridKt._clickItem(grid("s3-buckets"), 0);
        _get(TabSheet.class).setSelectedIndex(1);
        // A bucket policy needs a Principal; the statement opens on line 4.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
        String policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                + "      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"arn:aws:s3:::policy-bucket/*\"\n    }\n  ]\n}";
        _setValue(_get(TextArea.class, spec -> spec.withId("s3-policy")), policy);
        String findings = text(_get(UnorderedList.class, spec -> spec.withId("s3-policy-findings")));
        assertThat(findings).containsPattern("\\b4:\\d+ Error ");
    }

    @Test
    void terminalShowsCallerIdentityAsJson() {
        UI.getCurrent().navigate("console/terminal");
        type("aws sts get-caller-identity");
        String out = text(_get(Div.class, spec -> spec.withId("terminal-output")));
        assertThat(out).contains("$ aws sts get-caller-identity").contains("\"Account\" : \"111122223333\"")
                .contains("\"Arn\" : \"arn:aws:iam::111122223333:root\"");
        type("clear");
        assertThat(text(_get(Div.class, spec -> spec.withId("terminal-output")))).isEmpty();
    }

    @Test
    void accessDeniedInTheTerminalOffersWhy() {
        workspace.call("iam", "CreateUser", Params.of("UserName", "bob")).orThrow();
        var key = workspace.call("iam", "CreateAccessKey", Params.of("UserName", "bob")).orThrow().get("AccessKey");
        UI.getCurrent().navigate("console/terminal");
        type("aws configure --profile bob");
        assertThat(_get(Span.class, spec -> spec.withId("terminal-prompt")).getText()).startsWith("AWS Access Key ID");
        type(key.get("AccessKeyId").asText());
        assertThat(_get(PasswordField.class, spec -> spec.withId("terminal-secret")).isVisible()).isTrue();
        type(key.get("SecretAccessKey").asText());
        type("");
        type("");
        assertThat(text(_get(Div.class, spec -> spec.withId("terminal-output"))))
                .doesNotContain(key.get("SecretAccessKey").asText());
        type("aws iam list-users --profile bob");
        String out = text(_get(Div.class, spec -> spec.withId("terminal-output")));
        assertThat(out).contains("An error occurred (AccessDenied) when calling the ListUsers operation");
        _click(_get(Button.class, spec -> spec.withClasses("terminal-why")));
        assertThat(_get(Dialog.class, spec -> spec.withId("decision-dialog")).isOpened()).isTrue();
    }

    @Test
    void cloudTrailListsAnEventAfterAnAction() {
        workspace.call("s3", "CreateBucket", Params.of("Bucket", "trail-bucket")).orThrow();
        UI.getCurrent().navigate("console/cloudtrail");
        Grid<?> events = grid("trail-events");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < GridKt._size(events); i++) {
            names.add(GridKt._getFormatted(events, i, "event"));
        }
        assertThat(names).contains("CreateBucket");
        assertThat(text(_get(Component.class, spec -> spec.withId("trail-json")))).contains("\"eventName\" : \"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulatorShowsAllowedAndImplicitDenyRows() {
        workspace.call("iam", "CreateUser", Params.of("UserName", "alice")).orThrow();
        workspace.call("iam", "PutUserPolicy", Params.of("UserName", "alice", "PolicyName", "read",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")).orThrow();
        UI.getCurrent().navigate("console/simulator");
        Select<Object> principal = _get(Select.class, spec -> spec.withId("sim-principal"));
        Object alice = principal.getListDataView().getItems().filter(c -> c.toString().contains("alice")).findFirst().orElseThrow();
        principal.setValue(alice);
        _setValue(_get(TextField.class, spec -> spec.withId("sim-actions")), "s3:GetObject, s3:PutObject");
        _click(_get(Button.class, spec -> spec.withId("sim-run")));
        Grid<?> results = grid("sim-results");
        assertThat(GridKt._size(results)).isEqualTo(2);
        assertThat(text(GridKt._getCellComponent(results, 0, "decision"))).isEqualTo("allowed");
        assertThat(text(GridKt._getCellComponent(results, 1, "decision"))).isEqualTo("implicitDeny");
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulatorShowsDecisionsInKoreanWithTheApiWord() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        workspace.call("iam", "CreateUser", Params.of("UserName", "alice")).orThrow();
        workspace.call("iam", "PutUserPolicy", Params.of("UserName", "alice", "PolicyName", "read",
                "PolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\","
                        + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}")).orThrow();
        UI.getCurrent().navigate("console/simulator");
        Select<Object> principal = _get(Select.class, spec -> spec.withId("sim-principal"));
        principal.setValue(principal.getListDataView().getItems().filter(c -> c.toString().contains("alice"))
                .findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId("sim-actions")), "s3:GetObject s3:PutObject s3:DeleteObject");
        _click(_get(Button.class, spec -> spec.withId("sim-run")));
        Grid<Object> results = (Grid<Object>) grid("sim-results");
        assertThat(text(GridKt._getCellComponent(results, 0, "decision"))).isEqualTo("허용 (allowed)");
        assertThat(text(GridKt._getCellComponent(results, 1, "decision"))).isEqualTo("암시적 거부 (implicitDeny)");
        assertThat(text(GridKt._getCellComponent(results, 2, "decision"))).isEqualTo("명시적 거부 (explicitDeny)");

        // A row's details draw AWS's evaluation flow; its verdict names the deciding statement in Korean.
        String implicit = text(GridKt._getItemDetailsComponent(results, 1));
        String explicit = text(GridKt._getItemDetailsComponent(results, 2));
        assertThat(implicit).contains("기본 거부(암시적 거부): 이 작업을 허용하는 자격 증명 기반 정책")
                .contains("사용자 alice의 인라인 정책 read").doesNotContain("because", "inline policy");
        assertThat(explicit).contains("거부됨: 사용자 alice의 인라인 정책 read의 Deny 문 NoDelete가")
                .doesNotContain("because", "inline policy");
    }

    /** Terminate asks first, as the EC2 console does; only "Yes" terminates the instance. */
    @Test
    void terminateAsksForConfirmation() {
        workspace.call("ec2", "RunInstances", Params.of("ImageId", "ami-0abcdef1234567890")).orThrow();
        UI.getCurrent().navigate("console/ec2");
        Grid<?> instances = grid("ec2-instances");
        Component actions = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(instances, 0, "actions");
        Button terminate = (Button) actions.getChildren().filter(c -> c.hasClassName("ec2-terminateinstances"))
                .findFirst().orElseThrow();
        ButtonKt._click(terminate);
        assertThat(state()).isEqualTo("running");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-yes")));
        assertThat(state()).isIn("shutting-down", "terminated");
    }

    private String state() {
        return workspace.call("ec2", "DescribeInstances", Params.of()).response().path("Reservations").path(0)
                .path("Instances").path(0).path("State").path("Name").asText();
    }
}
