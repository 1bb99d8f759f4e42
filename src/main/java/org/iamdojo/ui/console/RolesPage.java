package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyType;

/**
 * Roles: the list (ListRoles as the acting identity), create with a trust policy template, and a detail panel
 * read with GetRole (trust, session, boundary), the permission calls and ListInstanceProfilesForRole.
 */
final class RolesPage extends IamListPage<RolesPage.RoleRow> {

    /** A role as ListRoles returns it. */
    record RoleRow(String name, String trusted, int maxSessionSeconds, String created) {
    }

    private final DetailTabs detailTabs = new DetailTabs();

    RolesPage(SandboxWorkspace ws) {
        super(ws, "Role", "roles", "ListRoles", RoleRow::name);
        build();
    }

    @Override
    protected RoleRow row(JsonNode r) {
        return new RoleRow(r.path("RoleName").asText(), trusted(trustPolicy(r)), r.path("MaxSessionDuration").asInt(3600),
                created(r));
    }

    @Override
    protected void columns(Grid<RoleRow> grid) {
        column(grid, RoleRow::name, "iam.col.name");
        grid.addColumn(RoleRow::trusted).setHeader(t("iam.roles.trusted")).setFlexGrow(1);
        column(grid, x -> x.maxSessionSeconds() / 3600 + " h", "iam.roles.max-session");
        column(grid, RoleRow::created, "iam.col.created");
    }

    /** A role's trust policy from a ListRoles/GetRole Role (AWS sends it URL-encoded text; the sandbox, JSON). */
    private static JsonNode trustPolicy(JsonNode role) {
        JsonNode doc = role.path("AssumeRolePolicyDocument");
        JsonNode parsed = doc.isTextual() ? PolicyJson.parse(URLDecoder.decode(doc.asText(), StandardCharsets.UTF_8)) : doc;
        return parsed == null ? doc : parsed;
    }

    /** The principals a trust policy names, for the list ("Trusted entities"). */
    private static String trusted(JsonNode doc) {
        List<String> out = new ArrayList<>();
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

    @Override
    protected void drawDetail(String name) {
        CallResult got = readSelected(IdentityKind.ROLE, name);
        if (got == null) {
            return;
        }
        if (!got.succeeded()) {
            detail.add(new ErrorNotice(got));
        }
        JsonNode role = got.succeeded() ? got.response().path("Role") : null;
        TabSheet tabs = detailTabs.sheet("role-tabs", name);
        Div perms = new Div(new PermissionsPanel(ws, IdentityKind.ROLE, name, this::refresh),
                PermissionsPanel.boundary(ws, IdentityKind.ROLE, name, got, this::refresh));
        tabs.add(t("iam.tab.permissions"), perms);
        tabs.add(t("iam.tab.trust"), role == null ? new ErrorNotice(got) : trustTab(name, role));
        tabs.add(t("iam.tab.session"), role == null ? new ErrorNotice(got) : sessionTab(name, role));
        tabs.add(t("iam.tab.profiles"), profilesTab(name));
        detailTabs.restore(tabs);
        detail.add(tabs);
    }

    private Component trustTab(String name, JsonNode role) {
        String trust = PolicyJson.pretty(trustPolicy(role));
        Pre json = new Pre(trust);
        json.addClassName("policy-view");
        json.setId("trust-policy");
        Button edit = ConsoleUi.button("edit-trust", "iam.roles.edit-trust", e -> new PolicyEditorDialog(ws.validator(),
                t("iam.roles.edit-trust"), null, name, PolicyType.TRUST_POLICY, trust,
                (roleName, doc) -> {
                    boolean ok = ConsoleUi.call(ws, "iam", "UpdateAssumeRolePolicy",
                            Params.of("RoleName", roleName, "PolicyDocument", doc), "iam.roles.trust-saved") != null;
                    if (ok) {
                        refresh();
                    }
                    return ok;
                }).open());
        return new Div(edit, json);
    }

    private Component sessionTab(String name, JsonNode role) {
        Select<Integer> hours = new Select<>();
        hours.setLabel(t("iam.roles.max-session"));
        hours.setId("max-session");
        hours.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        hours.setItemLabelGenerator(h -> t("iam.roles.hours", h));
        hours.setValue(Math.max(1, role.path("MaxSessionDuration").asInt(3600) / 3600));
        Button save = ConsoleUi.button("max-session-save", "iam.save", e -> {
            if (ConsoleUi.call(ws, "iam", "UpdateRole", Params.of("RoleName", name,
                    "MaxSessionDuration", Integer.toString(hours.getValue() * 3600)), "iam.roles.session-saved") != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(hours, save);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return new Div(new Paragraph(t("iam.roles.session.help")), row);
    }

    /** One instance profile of the role, as ListInstanceProfilesForRole returns it. */
    record ProfileRow(String name, String arn) {
    }

    private Component profilesTab(String roleName) {
        Div box = new Div();
        CallResult r = ws.call("iam", "ListInstanceProfilesForRole", Params.of("RoleName", roleName));
        if (!r.succeeded()) {
            box.add(new ErrorNotice(r));
        } else {
            List<ProfileRow> profiles = new ArrayList<>();
            r.response().path("InstanceProfiles").forEach(p -> profiles.add(
                    new ProfileRow(p.path("InstanceProfileName").asText(), p.path("Arn").asText())));
            Grid<ProfileRow> grid = new Grid<>();
            grid.setId("instance-profiles");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(ProfileRow::name).setHeader(t("iam.col.name")).setAutoWidth(true);
            grid.addColumn(ProfileRow::arn).setHeader(t("iam.col.arn")).setFlexGrow(1);
            grid.setItems(profiles);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(t("iam.roles.no-profiles"));
            box.add(grid);
        }
        TextField name = new TextField(t("iam.roles.profile-name"));
        name.setId("profile-name");
        name.setValue(roleName);
        Button create = ConsoleUi.button("create-profile", "iam.roles.create-profile", e -> {
            String n = name.getValue().strip();
            if (ConsoleUi.call(ws, "iam", "CreateInstanceProfile", Params.of("InstanceProfileName", n), null) != null
                    && ConsoleUi.call(ws, "iam", "AddRoleToInstanceProfile",
                    Params.of("InstanceProfileName", n, "RoleName", roleName), "iam.roles.profile-created", n) != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, create);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        box.add(row);
        return box;
    }

    @Override
    protected void create() {
        Dialog d = createDialog();
        d.setWidth("min(920px, 96vw)");
        TextField name = nameField();
        TextField path = pathField();
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
        PolicyEditor trust = new PolicyEditor(ws.validator(), PolicyType.TRUST_POLICY, TrustTemplates.ec2());
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
        openCreate(d, () -> {
            String n = name.getValue().strip();
            Params p = Params.of("RoleName", n, "Path", path.getValue().strip(), "AssumeRolePolicyDocument",
                    trust.getValue(), "MaxSessionDuration", Integer.toString(hours.getValue() * 3600));
            if (!description.getValue().isBlank()) {
                p.json().put("Description", description.getValue().strip());
            }
            return ConsoleUi.call(ws, "iam", "CreateRole", p, "iam.roles.created", n) != null ? n : null;
        });
    }
}
