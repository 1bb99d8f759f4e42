package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyType;

/** Policies: AWS managed and customer managed (ListPolicies), filter, create, versions, delete. */
final class PoliciesPage extends IamListPage<PoliciesPage.Row> {
    /** One row of the list. */
    record Row(String name, String arn, boolean awsManaged, String defaultVersion, int attachments) {
    }

    /** One version of the selected policy. */
    record Version(String id, boolean isDefault, String created) {
    }

    private final TextField filter = new TextField();
    private final Select<String> scope = new Select<>();

    PoliciesPage(SandboxWorkspace ws) {
        super(ws, "Policy", "policies", "ListPolicies", Row::arn);
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
        build(filters);
    }

    @Override
    protected CallResult list() {
        return ws.call("iam", "ListPolicies", Params.of("Scope", scope.getValue()));
    }

    @Override
    protected Row row(JsonNode p) {
        String name = p.path("PolicyName").asText();
        String q = filter.getValue().strip().toLowerCase(Locale.ROOT);
        return q.isEmpty() || name.toLowerCase(Locale.ROOT).contains(q) ? new Row(name, p.path("Arn").asText(),
                p.path("Arn").asText().startsWith("arn:aws:iam::aws:"), p.path("DefaultVersionId").asText(),
                p.path("AttachmentCount").asInt()) : null;
    }

    /** Customer managed first, then AWS managed, each by name. */
    @Override
    protected List<Row> arrange(List<Row> rows) {
        rows.sort((a, b) -> a.awsManaged() == b.awsManaged() ? a.name().compareToIgnoreCase(b.name())
                : a.awsManaged() ? 1 : -1);
        return rows;
    }

    @Override
    protected void columns(Grid<Row> grid) {
        grid.addColumn(Row::name).setHeader(t("iam.col.name")).setFlexGrow(1);
        grid.addColumn(x -> t(x.awsManaged() ? "iam.policies.aws" : "iam.policies.customer"))
                .setHeader(t("iam.col.type")).setAutoWidth(true);
        grid.addColumn(Row::attachments).setHeader(t("iam.policies.attached")).setAutoWidth(true);
    }

    @Override
    protected void size(Grid<Row> grid, int rows) {
        grid.setHeight("220px");
    }

    @Override
    protected void drawDetail(String arn) {
        boolean aws = arn.startsWith("arn:aws:iam::aws:");
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        CallResult r = ws.call("iam", "ListPolicyVersions", Params.of("PolicyArn", arn));
        if (gone(r)) {
            return;
        }
        HorizontalLayout head = detailHead(name, null, null, aws ? null : "delete-policy", "iam.policies.delete",
                "DeletePolicy", Params.of("PolicyArn", arn));
        head.addComponentAtIndex(1, new Span(arn));
        detail.add(head);
        if (!r.succeeded()) {
            detail.add(new ErrorNotice(r));
            return;
        }
        List<Version> versions = new ArrayList<>();
        r.response().path("Versions").forEach(v -> versions.add(new Version(v.path("VersionId").asText(),
                v.path("IsDefaultVersion").asBoolean(), v.path("CreateDate").asText().replace('T', ' ')
                .replaceAll("\\..*|Z", ""))));
        Pre json = new Pre();
        json.addClassName("policy-view");
        json.setId("version-json");
        Div refused = new Div();
        Grid<Version> grid = new Grid<>();
        grid.setId("policy-versions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(Version::id).setHeader(t("iam.policies.version")).setAutoWidth(true);
        grid.addColumn(v -> v.isDefault() ? t("iam.policies.default") : "").setHeader(t("iam.policies.default"))
                .setAutoWidth(true);
        grid.addColumn(Version::created).setHeader(t("iam.col.created")).setAutoWidth(true);
        grid.addComponentColumn(v -> {
            HorizontalLayout actions = new HorizontalLayout(ConsoleUi.small("view-version", "iam.policies.view", e ->
                    showVersion(arn, v.id(), json, refused)));
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
        detail.add(versionsHead, grid, json, refused);
        versions.stream().filter(Version::isDefault).findFirst().ifPresent(v -> showVersion(arn, v.id(), json, refused));
    }

    /** GetPolicyVersion's document, pretty-printed; null with the error added to {@code deniedInto} when refused. */
    private String versionDocument(String arn, String versionId, HasComponents deniedInto) {
        CallResult r = ws.call("iam", "GetPolicyVersion", Params.of("PolicyArn", arn, "VersionId", versionId));
        if (!r.succeeded()) {
            deniedInto.add(new ErrorNotice(r));
            return null;
        }
        var doc = r.response().path("PolicyVersion").path("Document");
        return doc.isTextual() ? PolicyJson.pretty(URLDecoder.decode(doc.asText(), StandardCharsets.UTF_8))
                : PolicyJson.pretty(doc);
    }

    private void showVersion(String arn, String versionId, Pre target, Div refused) {
        refused.removeAll();
        String doc = versionDocument(arn, versionId, refused);
        target.setText(doc == null ? "" : doc);
        target.setVisible(doc != null);
    }

    /** Opens the editor on the default version's document, read with GetPolicy and GetPolicyVersion. */
    private void newVersion(String arn) {
        Div refused = new Div();
        CallResult policy = ws.call("iam", "GetPolicy", Params.of("PolicyArn", arn));
        String current = null;
        if (policy.succeeded()) {
            current = versionDocument(arn, policy.response().at("/Policy/DefaultVersionId").asText(), refused);
        } else {
            refused.add(new ErrorNotice(policy));
        }
        if (current == null) {
            current = "";
        }
        Checkbox setDefault = new Checkbox(t("iam.policies.set-as-default"), true);
        setDefault.setId("version-set-default");
        PolicyEditorDialog d = new PolicyEditorDialog(ws.validator(), t("iam.policies.new-version"), null, arn,
                PolicyType.IDENTITY_POLICY, current, (a, doc) -> {
                    boolean ok = ConsoleUi.call(ws, "iam", "CreatePolicyVersion", Params.of("PolicyArn", a,
                            "PolicyDocument", doc, "SetAsDefault", Boolean.toString(setDefault.getValue())),
                            "iam.policies.version-created") != null;
                    if (ok) {
                        refresh();
                    }
                    return ok;
                });
        d.add(setDefault, refused);
        d.open();
    }

    @Override
    protected void create() {
        TextField description = new TextField(t("iam.policies.description"));
        description.setWidth("420px");
        PolicyEditorDialog d = new PolicyEditorDialog(ws.validator(), t("iam.policies.create"), "iam.policies.name", null,
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
        create();
    }
}
