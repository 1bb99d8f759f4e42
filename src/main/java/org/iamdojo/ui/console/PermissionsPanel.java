package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.policy.validation.PolicyType;

/**
 * The permissions of a user, group or role: attached managed policies (attach/detach) and inline policies
 * (add/edit/delete in the policy editor), read with List* calls as the acting identity.
 */
final class PermissionsPanel extends Div {
    /** One attached managed policy. */
    record Attached(String name, String arn) {
    }

    private final SandboxWorkspace ws;
    private final IdentityKind kind;
    private final String entityName;
    private final Runnable changed;

    /** @param kind user, group or role: which operations the panel calls */
    PermissionsPanel(SandboxWorkspace ws, IdentityKind kind, String entityName, Runnable changed) {
        this.ws = ws;
        this.kind = kind;
        this.entityName = entityName;
        this.changed = changed;
        addClassName("permissions-panel");
        draw();
    }

    private Params params(String... more) {
        String[] all = new String[more.length + 2];
        all[0] = kind.nameParameter();
        all[1] = entityName;
        System.arraycopy(more, 0, all, 2, more.length);
        return Params.of(all);
    }

    private void draw() {
        removeAll();
        Button attach = ConsoleUi.button("attach-policy", "iam.perm.attach", e -> attachDialog());
        attach.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout head = new HorizontalLayout(new H4(t("iam.perm.managed")), attach);
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(head);
        CallResult attached = ws.call("iam", kind.listAttached, params());
        if (!attached.succeeded()) {
            add(new ErrorNotice(attached));
        } else {
            List<Attached> rows = new ArrayList<>();
            attached.response().path("AttachedPolicies").forEach(p ->
                    rows.add(new Attached(p.path("PolicyName").asText(), p.path("PolicyArn").asText())));
            Grid<Attached> grid = new Grid<>();
            grid.setId("attached-policies");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(Attached::name).setHeader(t("iam.col.name")).setKey("name").setAutoWidth(true);
            grid.addColumn(Attached::arn).setHeader(t("iam.col.arn")).setFlexGrow(1);
            grid.setItems(rows);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(t("iam.perm.none"));
            if (!rows.isEmpty()) {
                // One action for the selected policy, not a button in every row.
                RowActions<Attached> actions = new RowActions<>(grid);
                actions.add("detach-policy", "iam.perm.detach", a -> {
                    if (ConsoleUi.call(ws, "iam", kind.detach, params("PolicyArn", a.arn()),
                            "iam.perm.detached", a.name()) != null) {
                        refresh();
                    }
                });
                add(actions);
            }
            add(grid);
        }

        Button addInline = ConsoleUi.button("add-inline", "iam.perm.add-inline", e -> editInline(null, null));
        addInline.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout head2 = new HorizontalLayout(new H4(t("iam.perm.inline")), addInline);
        head2.setAlignItems(HorizontalLayout.Alignment.CENTER);
        add(head2);
        CallResult inline = ws.call("iam", kind.listInline, params());
        if (!inline.succeeded()) {
            add(new ErrorNotice(inline));
            return;
        }
        List<String> names = new ArrayList<>();
        inline.response().path("PolicyNames").forEach(n -> names.add(n.asText()));
        Grid<String> grid = new Grid<>();
        grid.setId("inline-policies");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(n -> n).setHeader(t("iam.col.name")).setFlexGrow(1);
        if (!names.isEmpty()) {
            RowActions<String> actions = new RowActions<>(grid);
            actions.add("edit-inline", "iam.edit", n -> {
                CallResult got = ws.call("iam", kind.getInline, params("PolicyName", n));
                if (CallFeedback.show(got, null)) {
                    editInline(n, PolicyJson.pretty(got.response().path("PolicyDocument")));
                }
            });
            actions.add("delete-inline", "iam.delete", n -> ConsoleUi.confirm(
                    t("iam.perm.delete-inline.title"), t("iam.perm.delete-inline.text", n), () -> {
                        if (ConsoleUi.call(ws, "iam", kind.deleteInline, params("PolicyName", n),
                                "iam.perm.inline-deleted", n) != null) {
                            refresh();
                        }
                    })).addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(actions);
        }
        grid.setItems(names);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("iam.perm.none"));
        add(grid);
    }

    private void refresh() {
        draw();
        changed.run();
    }

    private void editInline(String existingName, String json) {
        String title = existingName == null ? t("iam.perm.add-inline") : t("iam.perm.edit-inline", existingName);
        new PolicyEditorDialog(ws.validator(), title, existingName == null ? "iam.perm.policy-name" : null, existingName,
                PolicyType.IDENTITY_POLICY, json == null ? "" : json, (name, doc) -> {
                    ObjectNode r = ConsoleUi.call(ws, "iam", kind.putInline,
                            params("PolicyName", name, "PolicyDocument", doc), "iam.perm.inline-saved", name);
                    if (r != null) {
                        refresh();
                    }
                    return r != null;
                }).open();
    }

    private void attachDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam.perm.attach.title", entityName));
        d.setId("attach-dialog");
        ComboBox<PolicyChoice> policy = new ComboBox<>(t("iam.perm.attach.policy"));
        policy.setId("attach-policy-choice");
        policy.setItems(policies(ws, d));
        policy.setItemLabelGenerator(p -> p.name() + (p.awsManaged() ? " (AWS)" : ""));
        policy.setWidth("420px");
        d.addComponentAsFirst(policy);
        Button ok = new Button(t("iam.perm.attach"), e -> {
            PolicyChoice p = policy.getValue();
            if (p != null && ConsoleUi.call(ws, "iam", kind.attach, params("PolicyArn", p.arn()),
                    "iam.perm.attached", p.name()) != null) {
                d.close();
                refresh();
            }
        });
        ok.setId("attach-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    /** A managed policy as ListPolicies names it. */
    record PolicyChoice(String name, String arn) {
        boolean awsManaged() {
            return arn.startsWith("arn:aws:iam::aws:");
        }
    }

    /**
     * The managed policies ListPolicies returns to the acting identity (customer managed first, as the call
     * lists them); empty with AWS's error added to {@code deniedInto} when the call is refused.
     */
    static List<PolicyChoice> policies(SandboxWorkspace ws, HasComponents deniedInto) {
        CallResult r = ws.call("iam", "ListPolicies", Params.of());
        List<PolicyChoice> out = new ArrayList<>();
        if (!r.succeeded()) {
            deniedInto.add(new ErrorNotice(r));
            return out;
        }
        r.response().path("Policies").forEach(p -> out.add(new PolicyChoice(p.path("PolicyName").asText(),
                p.path("Arn").asText())));
        out.sort(Comparator.comparing(PolicyChoice::awsManaged));
        return out;
    }

    /**
     * The boundary chooser shared by users and roles: the current boundary as the Get{@code kind} response
     * {@code got} shows it (its error in place when refused), set (Put…PermissionsBoundary) or remove.
     */
    static Div boundary(SandboxWorkspace ws, IdentityKind kind, String name, CallResult got, Runnable changed) {
        Div box = new Div();
        box.addClassName("boundary-box");
        box.add(new H4(t("iam.boundary")));
        String currentArn = got.succeeded()
                ? got.response().path(kind.word).path("PermissionsBoundary").path("PermissionsBoundaryArn").asText(null) : null;
        Component current = got.succeeded()
                ? new Span(currentArn == null ? t("iam.boundary.none") : currentArn) : new ErrorNotice(got);
        current.setId("boundary-current");
        // The policy list (ListPolicies) is read when the learner opens the chooser, not on every draw.
        Button set = ConsoleUi.button("boundary-set", "iam.boundary.set", e -> boundaryDialog(ws, kind, name, changed));
        Button remove = ConsoleUi.button("boundary-remove", "iam.boundary.remove", e -> {
            if (ConsoleUi.call(ws, "iam", kind.deleteBoundary(), Params.of(kind.nameParameter(), name),
                    "iam.boundary.removed") != null) {
                changed.run();
            }
        });
        // Unknown when GetUser/GetRole is refused: then DeletePermissionsBoundary itself decides.
        remove.setEnabled(currentArn != null || !got.succeeded());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(set, remove);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        box.add(current, row);
        return box;
    }

    private static void boundaryDialog(SandboxWorkspace ws, IdentityKind kind, String name, Runnable changed) {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam.boundary.set"));
        d.setId("boundary-dialog");
        ComboBox<PolicyChoice> choice = new ComboBox<>(t("iam.boundary.choose"));
        choice.setId("boundary-choice");
        choice.setItems(policies(ws, d));
        choice.setItemLabelGenerator(PolicyChoice::name);
        choice.setWidth("420px");
        d.addComponentAsFirst(choice);
        Button ok = new Button(t("iam.boundary.set"), e -> {
            if (choice.getValue() != null && ConsoleUi.call(ws, "iam", kind.putBoundary(),
                    Params.of(kind.nameParameter(), name, "PermissionsBoundary", choice.getValue().arn()),
                    "iam.boundary.done") != null) {
                d.close();
                changed.run();
            }
        });
        ok.setId("boundary-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

}
