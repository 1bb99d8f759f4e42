package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyType;

/** Policies: AWS managed and customer managed (ListPolicies), filter, create, versions, delete. */
final class PoliciesPage implements ConsolePage {
    /** One row of the list. */
    record Row(String name, String arn, boolean awsManaged, String defaultVersion, int attachments) {
    }

    /** One version of the selected policy. */
    record Version(String id, boolean isDefault, String created) {
    }

    private final SandboxWorkspace ws;
    private final Div root = new Div();
    private final Div listBox = new Div();
    private final Div detail = new Div();
    private final TextField filter = new TextField();
    private final Select<String> scope = new Select<>();
    private String selected;

    PoliciesPage(SandboxWorkspace ws) {
        this.ws = ws;
        root.addClassNames("console-page", "iam-page");
        root.setId("policies-page");
        Button create = ConsoleUi.button("create-policy", "iam.policies.create", e -> createDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head = new HorizontalLayout(new H3(t("iam.policies.title")), create);
        head.addClassName("iam-page-head");
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        filter.setLabel(t("iam.policies.filter"));
        filter.setId("policy-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> refresh());
        scope.setLabel(t("iam.policies.scope"));
        scope.setId("policy-scope");
        scope.setItems("All", "AWS", "Local");
        scope.setItemLabelGenerator(s -> t("iam.policies.scope." + s));
        scope.setValue("All");
        scope.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(filter, scope);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        detail.addClassName("iam-detail");
        root.add(head, filters, listBox, detail);
        refresh();
    }

    @Override
    public Component component() {
        return root;
    }

    /** Selects a policy by ARN. */
    void select(String arn) {
        selected = arn;
        refresh();
    }

    @Override
    public void refresh() {
        listBox.removeAll();
        CallResult r = ws.call("iam", "ListPolicies", Params.of("Scope", scope.getValue()));
        if (!r.succeeded()) {
            listBox.add(ConsoleUi.denied(r));
        } else {
            String q = filter.getValue().strip().toLowerCase(Locale.ROOT);
            List<Row> rows = new ArrayList<>();
            r.response().path("Policies").forEach(p -> {
                String name = p.path("PolicyName").asText();
                if (q.isEmpty() || name.toLowerCase(Locale.ROOT).contains(q)) {
                    rows.add(new Row(name, p.path("Arn").asText(), p.path("Arn").asText().startsWith("arn:aws:iam::aws:"),
                            p.path("DefaultVersionId").asText(), p.path("AttachmentCount").asInt()));
                }
            });
            rows.sort((a, b) -> a.awsManaged() == b.awsManaged() ? a.name().compareToIgnoreCase(b.name())
                    : a.awsManaged() ? 1 : -1);
            Grid<Row> grid = new Grid<>();
            grid.setId("policies-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(Row::name).setHeader(t("iam.col.name")).setFlexGrow(1);
            grid.addColumn(x -> t(x.awsManaged() ? "iam.policies.aws" : "iam.policies.customer"))
                    .setHeader(t("iam.col.type")).setAutoWidth(true);
            grid.addColumn(Row::attachments).setHeader(t("iam.policies.attached")).setAutoWidth(true);
            grid.setItems(rows);
            grid.setHeight("220px");
            grid.setEmptyStateText(t("iam.policies.empty"));
            rows.stream().filter(x -> x.arn().equals(selected)).findFirst().ifPresent(grid::select);
            grid.addSelectionListener(e -> {
                selected = e.getFirstSelectedItem().map(Row::arn).orElse(null);
                drawDetail();
            });
            listBox.add(grid);
        }
        drawDetail();
    }

    private void drawDetail() {
        detail.removeAll();
        if (selected == null) {
            detail.add(new Paragraph(t("iam.policies.select")));
            return;
        }
        String arn = selected;
        boolean aws = arn.startsWith("arn:aws:iam::aws:");
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        HorizontalLayout head = new HorizontalLayout(new H4(name), new Span(arn));
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (!aws) {
            Button delete = ConsoleUi.button("delete-policy", "iam.policies.delete", e -> ConsoleUi.confirm(
                    t("iam.policies.delete.title", name), t("iam.policies.delete.text"), () -> {
                        if (ConsoleUi.call(ws, "iam", "DeletePolicy", Params.of("PolicyArn", arn),
                                "iam.policies.deleted", name) != null) {
                            selected = null;
                            refresh();
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            head.add(delete);
        }
        detail.add(head);
        CallResult r = ws.call("iam", "ListPolicyVersions", Params.of("PolicyArn", arn));
        if (!r.succeeded()) {
            detail.add(ConsoleUi.denied(r));
            return;
        }
        List<Version> versions = new ArrayList<>();
        r.response().path("Versions").forEach(v -> versions.add(new Version(v.path("VersionId").asText(),
                v.path("IsDefaultVersion").asBoolean(), v.path("CreateDate").asText().replace('T', ' ')
                .replaceAll("\\..*|Z", ""))));
        Pre json = new Pre();
        json.addClassName("policy-view");
        json.setId("version-json");
        Grid<Version> grid = new Grid<>();
        grid.setId("policy-versions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(Version::id).setHeader(t("iam.policies.version")).setAutoWidth(true);
        grid.addColumn(v -> v.isDefault() ? t("iam.policies.default") : "").setHeader(t("iam.policies.default"))
                .setAutoWidth(true);
        grid.addColumn(Version::created).setHeader(t("iam.col.created")).setAutoWidth(true);
        grid.addComponentColumn(v -> {
            HorizontalLayout actions = new HorizontalLayout(ConsoleUi.small("view-version", "iam.policies.view", e ->
                    showVersion(arn, v.id(), json)));
            if (!aws && !v.isDefault()) {
                actions.add(ConsoleUi.small("default-version", "iam.policies.set-default", e -> {
                    if (ConsoleUi.call(ws, "iam", "SetDefaultPolicyVersion", Params.of("PolicyArn", arn,
                            "VersionId", v.id()), "iam.policies.default-set", v.id()) != null) {
                        refresh();
                    }
                }));
                Button del = ConsoleUi.small("delete-version", "iam.delete", e -> {
                    if (ConsoleUi.call(ws, "iam", "DeletePolicyVersion", Params.of("PolicyArn", arn,
                            "VersionId", v.id()), "iam.policies.version-deleted", v.id()) != null) {
                        refresh();
                    }
                });
                del.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(del);
            }
            return actions;
        }).setFlexGrow(1);
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        HorizontalLayout versionsHead = new HorizontalLayout(new H4(t("iam.policies.versions")));
        versionsHead.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (!aws) {
            Button newVersion = ConsoleUi.button("create-version", "iam.policies.new-version", e -> newVersion(arn));
            newVersion.addThemeVariants(ButtonVariant.LUMO_SMALL);
            versionsHead.add(newVersion);
        }
        detail.add(versionsHead, grid, json);
        versions.stream().filter(Version::isDefault).findFirst().ifPresent(v -> showVersion(arn, v.id(), json));
    }

    private String versionDocument(String arn, String versionId) {
        CallResult r = ws.call("iam", "GetPolicyVersion", Params.of("PolicyArn", arn, "VersionId", versionId));
        if (!CallFeedback.show(r, null)) {
            return null;
        }
        var doc = r.response().path("PolicyVersion").path("Document");
        return doc.isTextual() ? PolicyJson.pretty(java.net.URLDecoder.decode(doc.asText(), java.nio.charset.StandardCharsets.UTF_8))
                : PolicyJson.pretty(doc);
    }

    private void showVersion(String arn, String versionId, Pre target) {
        String doc = versionDocument(arn, versionId);
        if (doc != null) {
            target.setText(doc);
        }
    }

    private void newVersion(String arn) {
        String current = ws.sandbox().managedPolicy(ws.account(), arn) == null ? ""
                : PolicyJson.pretty(ws.sandbox().managedPolicy(ws.account(), arn).defaultVersion().document());
        Checkbox setDefault = new Checkbox(t("iam.policies.set-as-default"), true);
        setDefault.setId("version-set-default");
        PolicyEditorDialog d = new PolicyEditorDialog(t("iam.policies.new-version"), null, arn,
                PolicyType.IDENTITY_POLICY, current, (a, doc) -> {
                    boolean ok = ConsoleUi.call(ws, "iam", "CreatePolicyVersion", Params.of("PolicyArn", a,
                            "PolicyDocument", doc, "SetAsDefault", Boolean.toString(setDefault.getValue())),
                            "iam.policies.version-created") != null;
                    if (ok) {
                        refresh();
                    }
                    return ok;
                });
        d.add(setDefault);
        d.open();
    }

    private void createDialog() {
        TextField description = new TextField(t("iam.policies.description"));
        description.setWidth("420px");
        PolicyEditorDialog d = new PolicyEditorDialog(t("iam.policies.create"), "iam.policies.name", null,
                PolicyType.IDENTITY_POLICY, "", (name, doc) -> {
                    Params p = Params.of("PolicyName", name, "PolicyDocument", doc);
                    if (!description.getValue().isBlank()) {
                        p.json().put("Description", description.getValue().strip());
                    }
                    var r = ConsoleUi.call(ws, "iam", "CreatePolicy", p, "iam.policies.created", name);
                    if (r != null) {
                        select(r.path("Policy").path("Arn").asText());
                    }
                    return r != null;
                });
        d.addComponentAtIndex(1, description);
        d.open();
    }

    /** Opens the create-policy dialog (for tests and links). */
    void openCreate() {
        createDialog();
    }
}
