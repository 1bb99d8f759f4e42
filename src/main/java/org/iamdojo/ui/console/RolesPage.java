package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyType;

/** Roles: list, create with a trust policy template, and a detail panel (trust, session, permissions, profiles). */
final class RolesPage implements ConsolePage {
    private final SandboxWorkspace ws;
    private final Div root = new Div();
    private final Div listBox = new Div();
    private final Div detail = new Div();
    private String selected;

    RolesPage(SandboxWorkspace ws) {
        this.ws = ws;
        root.addClassNames("console-page", "iam-page");
        root.setId("roles-page");
        HorizontalLayout head = ConsoleUi.pageHead("iam.roles.title", "create-role", "iam.roles.create", this::createDialog);
        detail.addClassName("iam-detail");
        root.add(head, listBox, detail);
        refresh();
    }

    @Override
    public Component component() {
        return root;
    }

    /** Selects a role by name. */
    void select(String name) {
        selected = name;
        refresh();
    }

    @Override
    public void refresh() {
        listBox.removeAll();
        CallResult r = ws.call("iam", "ListRoles", Params.of());
        if (!r.succeeded()) {
            listBox.add(ConsoleUi.denied(r));
        } else {
            List<IamRole> roles = ConsoleUi.listed(r, "Roles", "RoleName", ws.account()::role);
            Grid<IamRole> grid = new Grid<>();
            grid.setId("roles-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(IamRole::name).setHeader(t("iam.col.name")).setAutoWidth(true);
            grid.addColumn(x -> trusted(x.trustPolicy())).setHeader(t("iam.roles.trusted")).setFlexGrow(1);
            grid.addColumn(x -> x.maxSessionDurationSeconds() / 3600 + " h").setHeader(t("iam.roles.max-session")).setAutoWidth(true);
            grid.addColumn(x -> ConsoleUi.date(x.createDate())).setHeader(t("iam.col.created")).setAutoWidth(true);
            grid.setItems(roles);
            grid.setEmptyStateText(t("iam.roles.empty"));
            grid.setAllRowsVisible(roles.size() <= 6);
            if (roles.size() > 6) {
                grid.setHeight("240px");
            }
            roles.stream().filter(x -> x.name().equals(selected)).findFirst().ifPresent(grid::select);
            grid.addSelectionListener(e -> {
                selected = e.getFirstSelectedItem().map(IamRole::name).orElse(null);
                drawDetail();
            });
            listBox.add(grid);
        }
        drawDetail();
    }

    /** The principals a trust policy names, for the list ("Trusted entities"). */
    private static String trusted(String trustPolicy) {
        List<String> out = new ArrayList<>();
        var doc = PolicyJson.parse(trustPolicy);
        if (doc != null) {
            var statements = doc.path("Statement");
            (statements.isArray() ? statements : PolicyJson.MAPPER.createArrayNode().add(statements)).forEach(st ->
                    st.path("Principal").fields().forEachRemaining(e -> {
                        if (e.getValue().isArray()) {
                            e.getValue().forEach(v -> out.add(v.asText()));
                        } else {
                            out.add(e.getValue().asText());
                        }
                    }));
        }
        return String.join(", ", out);
    }

    private void drawDetail() {
        detail.removeAll();
        IamRole role = selected == null ? null : ws.account().role(selected);
        if (role == null) {
            detail.add(new Paragraph(t("iam.roles.select")));
            return;
        }
        Button delete = ConsoleUi.button("delete-role", "iam.roles.delete", e -> ConsoleUi.confirm(
                t("iam.roles.delete.title", role.name()), t("iam.roles.delete.text"), () -> {
                    if (ConsoleUi.call(ws, "iam", "DeleteRole", Params.of("RoleName", role.name()),
                            "iam.roles.deleted", role.name()) != null) {
                        selected = null;
                        refresh();
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout head = new HorizontalLayout(new H4(role.name()), new Span(role.arn()), delete);
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        detail.add(head);
        TabSheet tabs = new TabSheet();
        tabs.setId("role-tabs");
        tabs.setWidthFull();
        Div perms = new Div(new PermissionsPanel(ws, "Role", role.name(), this::refresh),
                PermissionsPanel.boundary(ws, "Role", role.name(), role.permissionsBoundaryArn(), this::refresh));
        tabs.add(t("iam.tab.permissions"), perms);
        tabs.add(t("iam.tab.trust"), trustTab(role));
        tabs.add(t("iam.tab.session"), sessionTab(role));
        tabs.add(t("iam.tab.profiles"), profilesTab(role));
        detail.add(tabs);
    }

    private Component trustTab(IamRole role) {
        Pre json = new Pre(PolicyJson.pretty(role.trustPolicy()));
        json.addClassName("policy-view");
        json.setId("trust-policy");
        Button edit = ConsoleUi.button("edit-trust", "iam.roles.edit-trust", e -> new PolicyEditorDialog(
                t("iam.roles.edit-trust"), null, role.name(), PolicyType.TRUST_POLICY, PolicyJson.pretty(role.trustPolicy()),
                (name, doc) -> {
                    boolean ok = ConsoleUi.call(ws, "iam", "UpdateAssumeRolePolicy",
                            Params.of("RoleName", name, "PolicyDocument", doc), "iam.roles.trust-saved") != null;
                    if (ok) {
                        refresh();
                    }
                    return ok;
                }).open());
        return new Div(edit, json);
    }

    private Component sessionTab(IamRole role) {
        Select<Integer> hours = new Select<>();
        hours.setLabel(t("iam.roles.max-session"));
        hours.setId("max-session");
        hours.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        hours.setItemLabelGenerator(h -> t("iam.roles.hours", h));
        hours.setValue(Math.max(1, role.maxSessionDurationSeconds() / 3600));
        Button save = ConsoleUi.button("max-session-save", "iam.save", e -> {
            if (ConsoleUi.call(ws, "iam", "UpdateRole", Params.of("RoleName", role.name(),
                    "MaxSessionDuration", Integer.toString(hours.getValue() * 3600)), "iam.roles.session-saved") != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(hours, save);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return new Div(new Paragraph(t("iam.roles.session.help")), row);
    }

    private Component profilesTab(IamRole role) {
        Div box = new Div();
        List<InstanceProfile> profiles = ws.account().instanceProfiles().stream()
                .filter(p -> role.name().equals(p.roleName())).toList();
        Grid<InstanceProfile> grid = new Grid<>();
        grid.setId("instance-profiles");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(InstanceProfile::name).setHeader(t("iam.col.name")).setAutoWidth(true);
        grid.addColumn(InstanceProfile::arn).setHeader(t("iam.col.arn")).setFlexGrow(1);
        grid.setItems(profiles);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("iam.roles.no-profiles"));
        TextField name = new TextField(t("iam.roles.profile-name"));
        name.setId("profile-name");
        name.setValue(role.name());
        Button create = ConsoleUi.button("create-profile", "iam.roles.create-profile", e -> {
            String n = name.getValue().strip();
            if (ConsoleUi.call(ws, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", n), null) != null
                    && ConsoleUi.call(ws, "iam", "AddRoleToInstanceProfile",
                    Params.of("InstanceProfileName", n, "RoleName", role.name()), "iam.roles.profile-created", n) != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, create);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        box.add(grid, row);
        return box;
    }

    private void createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam.roles.create"));
        d.setId("create-role-dialog");
        d.setWidth("min(920px, 96vw)");
        TextField name = new TextField(t("iam.roles.name"));
        name.setId("new-role-name");
        TextField path = new TextField(t("iam.path"));
        path.setValue("/");
        TextField description = new TextField(t("iam.roles.description"));
        description.setWidth("320px");
        Select<String> template = new Select<>();
        template.setLabel(t("iam.roles.trusted-entity"));
        template.setId("trust-template");
        template.setItems("ec2", "account", "custom");
        template.setItemLabelGenerator(k -> t("iam.roles.template." + k));
        TextField accountId = new TextField(t("iam.roles.account-id"));
        accountId.setId("trust-account-id");
        TextField externalId = new TextField(t("iam.roles.external-id"));
        externalId.setId("trust-external-id");
        Checkbox mfa = new Checkbox(t("iam.roles.require-mfa"));
        mfa.setId("trust-mfa");
        HorizontalLayout accountRow = new HorizontalLayout(accountId, externalId, mfa);
        accountRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        PolicyEditor trust = new PolicyEditor(PolicyType.TRUST_POLICY, TrustTemplates.ec2());
        Runnable regenerate = () -> {
            String k = template.getValue();
            accountRow.setVisible("account".equals(k));
            trust.setValue("ec2".equals(k) ? TrustTemplates.ec2() : "account".equals(k)
                    ? TrustTemplates.account(accountId.getValue(), externalId.getValue(), mfa.getValue())
                    : TrustTemplates.custom());
        };
        template.addValueChangeListener(e -> regenerate.run());
        accountId.addValueChangeListener(e -> regenerate.run());
        externalId.addValueChangeListener(e -> regenerate.run());
        mfa.addValueChangeListener(e -> regenerate.run());
        template.setValue("ec2");
        Select<Integer> hours = new Select<>();
        hours.setLabel(t("iam.roles.max-session"));
        hours.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        hours.setItemLabelGenerator(h -> t("iam.roles.hours", h));
        hours.setValue(1);
        HorizontalLayout names = new HorizontalLayout(name, path, description, hours);
        names.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        d.add(names, template, accountRow, trust);
        Button ok = new Button(t("iam.create"), e -> {
            String n = name.getValue().strip();
            Params p = Params.of("RoleName", n, "Path", path.getValue().strip(), "AssumeRolePolicyDocument",
                    trust.getValue(), "MaxSessionDuration", Integer.toString(hours.getValue() * 3600));
            if (!description.getValue().isBlank()) {
                p.json().put("Description", description.getValue().strip());
            }
            if (ConsoleUi.call(ws, "iam", "CreateRole", p, "iam.roles.created", n) != null) {
                d.close();
                select(n);
            }
        });
        ok.setId("create-role-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }
}
