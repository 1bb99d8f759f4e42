package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cloud.Ec2Inspection;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.InstanceCredentials;
import org.iamdojo.iam.cloud.InstanceMetadata;

/**
 * EC2: launch instances (AMI, type, optional instance profile and user data), stop/start/terminate them, and
 * for the selected instance: its role, the temporary credentials the metadata service hands it (key id and
 * expiry only), a warning when user data holds access keys, and "Run command on instance" as its role.
 */
final class Ec2Page extends DivPage {
    static final List<String> INSTANCE_TYPES = List.of("t3.micro", "t3.small", "t3.medium", "m5.large", "c5.large");
    private static final List<String> SERVICES = List.of("s3", "sts", "iam", "ec2", "cloudwatch");

    private final SandboxWorkspace workspace;
    private final Grid<InstanceRow> grid = new Grid<>();
    private final Div listError = new Div();
    private final Div detail = new Div();
    private final ComboBox<String> profile = new ComboBox<>();
    private String selected;
    /** The instances DescribeInstances returned at the last refresh. */
    private List<InstanceRow> rows = List.of();

    /** An instance as DescribeInstances returns it. */
    record InstanceRow(String instanceId, String imageId, String type, String state, String profileArn, String launched) {
    }

    Ec2Page(SandboxWorkspace workspace) {
        super("ec2-page");
        this.workspace = workspace;
        root.add(new H3(t("ec2.title")), launchForm());
        listError.addClassName("console-error");
        grid.setId("ec2-instances");
        grid.setAllRowsVisible(true);
        grid.addColumn(InstanceRow::instanceId).setHeader(t("ec2.col.id")).setFlexGrow(2);
        grid.addColumn(InstanceRow::type).setHeader(t("ec2.col.type")).setFlexGrow(1);
        grid.addComponentColumn(r -> badge(r.state())).setHeader(t("ec2.col.state")).setFlexGrow(1);
        grid.addColumn(r -> r.profileArn() == null ? "-" : r.profileArn().substring(r.profileArn().lastIndexOf('/') + 1))
                .setHeader(t("ec2.col.profile")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(t("ec2.col.actions")).setKey("actions").setFlexGrow(3);
        grid.addItemClickListener(e -> {
            selected = e.getItem().instanceId();
            showDetail();
        });
        detail.addClassName("ec2-detail");
        root.add(new H4(t("ec2.instances")), listError, grid, detail);
        refresh();
    }

    private Component launchForm() {
        TextField ami = new TextField(t("ec2.ami"));
        ami.setId("ec2-ami");
        ami.setValue("ami-0abcdef1234567890");
        Select<String> type = new Select<>();
        type.setLabel(t("ec2.type"));
        type.setId("ec2-type");
        type.setItems(INSTANCE_TYPES);
        type.setValue(INSTANCE_TYPES.get(0));
        profile.setLabel(t("ec2.profile"));
        profile.setId("ec2-profile");
        profile.setClearButtonVisible(true);
        profile.setPlaceholder(t("ec2.profile.none"));
        TextArea userData = new TextArea(t("ec2.user-data"));
        userData.setId("ec2-user-data");
        userData.setWidthFull();
        userData.setMaxHeight("120px");
        userData.setHelperText(t("ec2.user-data.help"));
        Button launch = new Button(t("ec2.launch"), e -> {
            ObjectNode p = Sandbox.json().objectNode();
            p.put("ImageId", ami.getValue().trim());
            p.put("InstanceType", type.getValue());
            p.put("MinCount", 1);
            p.put("MaxCount", 1);
            if (profile.getValue() != null) {
                p.putObject("IamInstanceProfile").put("Name", profile.getValue());
            }
            if (!userData.getValue().isBlank()) {
                p.put("UserData", userData.getValue());
            }
            CallResult r = workspace.call("ec2", "RunInstances", new Params(p));
            if (CallFeedback.show(r, t("ec2.launched"))) {
                selected = r.response().path("Instances").path(0).path("InstanceId").asText(null);
                userData.clear();
                refresh();
            }
        });
        launch.setId("ec2-launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(ami, type, profile, launch);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        Div form = new Div(new H4(t("ec2.launch-title")), row, userData);
        form.addClassName("ec2-launch");
        return form;
    }

    private Span badge(String state) {
        Span s = new Span(t("ec2.state." + state));
        s.getElement().getThemeList().add("badge pill");
        s.getElement().getThemeList().add(switch (state) {
            case "running" -> "success";
            case "terminated", "shutting-down" -> "error";
            default -> "contrast";
        });
        return s;
    }

    private Component actions(InstanceRow r) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.add(transition(r, "StopInstances", "ec2.stop", "running"));
        row.add(transition(r, "StartInstances", "ec2.start", "stopped"));
        row.add(transition(r, "TerminateInstances", "ec2.terminate", null));
        return row;
    }

    private Button transition(InstanceRow r, String operation, String labelKey, String requiredState) {
        Runnable run = () -> {
            ObjectNode p = Sandbox.json().objectNode();
            p.putArray("InstanceIds").add(r.instanceId());
            if (CallFeedback.show(workspace.call("ec2", operation, new Params(p)),
                    t(labelKey + ".done", r.instanceId()))) {
                refresh();
            }
        };
        // Terminating cannot be undone: ask first, as the EC2 console does.
        Button b = new Button(t(labelKey), e -> {
            if ("TerminateInstances".equals(operation)) {
                ConsoleUi.confirm(t("ec2.terminate.title", r.instanceId()),
                        t("ec2.terminate.text"), run);
            } else {
                run.run();
            }
        });
        b.addClassName("ec2-" + operation.toLowerCase());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if ("TerminateInstances".equals(operation)) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        b.setEnabled(requiredState == null ? !"terminated".equals(r.state()) : requiredState.equals(r.state()));
        return b;
    }

    @Override
    public void refresh() {
        listError.removeAll();
        // The profiles ListInstanceProfiles returns to the acting identity, as the launch wizard lists them.
        List<String> profiles = ConsoleUi.listNames(workspace, "iam", "ListInstanceProfiles", Params.of(),
                "InstanceProfiles", "InstanceProfileName", listError);
        profile.setItems(profiles == null ? List.of() : profiles.stream().sorted().toList());
        CallResult r = workspace.call("ec2", "DescribeInstances", Params.of());
        rows = new ArrayList<>();
        if (r.succeeded()) {
            for (JsonNode res : r.response().path("Reservations")) {
                for (JsonNode i : res.path("Instances")) {
                    rows.add(new InstanceRow(i.path("InstanceId").asText(), i.path("ImageId").asText(),
                            i.path("InstanceType").asText(), i.path("State").path("Name").asText(),
                            i.path("IamInstanceProfile").path("Arn").asText(null), i.path("LaunchTime").asText()));
                }
            }
        } else {
            listError.add(new ErrorNotice(r));
        }
        grid.setItems(rows);
        showDetail();
    }

    /**
     * The selected instance as DescribeInstances returned it, its role from GetInstanceProfile, its user data from
     * DescribeInstanceAttribute (checked for access keys), each as the acting identity with the refusal in place;
     * and what the instance's own metadata service hands it, which is the instance's view, not the caller's.
     */
    private void showDetail() {
        detail.removeAll();
        InstanceRow instance = selected == null ? null
                : rows.stream().filter(r -> r.instanceId().equals(selected)).findFirst().orElse(null);
        if (instance == null) {
            detail.add(new Paragraph(t("ec2.pick-instance")));
            return;
        }
        H4 title = new H4(t("ec2.detail-title", instance.instanceId()));
        title.setId("ec2-detail-title");
        detail.add(title);
        Div facts = new Div();
        facts.addClassName("fact-list");
        facts.add(fact("ec2.detail.ami", new Span(instance.imageId())));
        facts.add(fact("ec2.detail.launched", new Span(instance.launched())));
        facts.add(fact("ec2.detail.profile", new Span(instance.profileArn() == null
                ? t("ec2.profile.none") : instance.profileArn())));
        facts.add(fact("ec2.detail.role", role(instance.profileArn())));
        Optional<InstanceCredentials> creds = InstanceMetadata.of(workspace.sandbox()).credentials(instance.instanceId());
        Div credsFact = fact("ec2.detail.credentials", new Span(creds.map(c -> t("ec2.detail.credentials.value",
                c.accessKeyId(), c.expiration().toString())).orElseGet(() -> t("ec2.detail.credentials.none"))));
        credsFact.setId("ec2-credentials");
        facts.add(credsFact);
        detail.add(facts);
        if (!"terminated".equals(instance.state())) {
            userDataWarning(instance.instanceId());
        }
        detail.add(runCommand(instance.instanceId()));
    }

    /** The role of an instance profile as GetInstanceProfile returns it to the acting identity. */
    private Component role(String profileArn) {
        if (profileArn == null) {
            return new Span("-");
        }
        CallResult r = workspace.call("iam", "GetInstanceProfile",
                Params.of("InstanceProfileName", profileArn.substring(profileArn.lastIndexOf('/') + 1)));
        if (!r.succeeded()) {
            return new ErrorNotice(r);
        }
        JsonNode roles = r.response().path("InstanceProfile").path("Roles");
        return new Span(roles.size() > 0 ? roles.get(0).path("RoleName").asText() : "-");
    }

    /** A warning when the instance's user data (DescribeInstanceAttribute) holds access keys. */
    private void userDataWarning(String instanceId) {
        CallResult r = workspace.call("ec2", "DescribeInstanceAttribute",
                Params.of("InstanceId", instanceId, "Attribute", "userData"));
        if (!r.succeeded()) {
            detail.add(new ErrorNotice(r));
            return;
        }
        String encoded = r.response().path("UserData").path("Value").asText("");
        String userData = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        List<Ec2Inspection.UserDataFinding> leaks = Ec2Inspection.accessKeysIn(instanceId, workspace.accountId(), userData);
        if (!leaks.isEmpty()) {
            Div warn = new Div(new Span(t("ec2.user-data.warning")));
            warn.setId("ec2-user-data-warning");
            warn.addClassName("warning-notice");
            for (Ec2Inspection.UserDataFinding f : leaks) {
                warn.add(new Div(new Span(t("ec2.user-data.finding", f.line(), f.kind(), f.evidence()))));
            }
            detail.add(warn);
        }
    }

    private Div fact(String labelKey, Component value) {
        Span label = new Span(t(labelKey));
        label.addClassName("fact-label");
        value.getElement().getClassList().add("fact-value");
        return new Div(label, value);
    }

    private Component runCommand(String instanceId) {
        Select<String> service = new Select<>();
        service.setLabel(t("ec2.run.service"));
        service.setId("ec2-run-service");
        service.setItems(SERVICES);
        service.setValue("s3");
        TextField operation = new TextField(t("ec2.run.operation"));
        operation.setId("ec2-run-operation");
        operation.setValue("PutObject");
        TextArea params = new TextArea(t("ec2.run.params"));
        params.setId("ec2-run-params");
        params.setWidthFull();
        params.setValue("{\"Bucket\": \"my-bucket\", \"Key\": \"hello.txt\", \"Body\": \"hello from " + instanceId + "\"}");
        Pre output = new Pre();
        output.setId("ec2-run-output");
        output.addClassName("console-json");
        output.setVisible(false);
        Button run = new Button(t("ec2.run.button"), e -> {
            JsonNode json = PrettyJson.parse(params.getValue().isBlank() ? "{}" : params.getValue());
            if (!(json instanceof ObjectNode obj)) {
                params.setInvalid(true);
                params.setErrorMessage(t("ec2.run.params.invalid"));
                return;
            }
            params.setInvalid(false);
            CallResult r;
            try {
                r = Ec2Operations.runOnInstance(workspace.sandbox(), instanceId, service.getValue(),
                        operation.getValue().trim(), new Params(obj));
            } catch (AwsException ex) {
                r = new CallResult(null, ex, null, null);
            }
            if (CallFeedback.show(r, t("ec2.run.done", service.getValue(), operation.getValue().trim()))) {
                output.setText(PrettyJson.of(r.response()));
            } else {
                output.setText(r.error().code() + ": " + r.error().getMessage());
            }
            output.setVisible(true);
        });
        run.setId("ec2-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(service, operation, run);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div box = new Div(new H4(t("ec2.run.title")),
                new Paragraph(t("ec2.run.help")), row, params, output);
        box.addClassName("ec2-run");
        return box;
    }
}
