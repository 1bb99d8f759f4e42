package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.Params;

/** Users: the list (ListUsers as the acting identity), create, and a detail panel for the selected user. */
final class UsersPage implements ConsolePage {
    private final SandboxWorkspace ws;
    private final Div root = new Div();
    private final Div listBox = new Div();
    private final Div detail = new Div();
    private String selected;

    UsersPage(SandboxWorkspace ws) {
        this.ws = ws;
        root.addClassNames("console-page", "iam-page");
        root.setId("users-page");
        HorizontalLayout head = ConsoleUi.pageHead("iam.users.title", "create-user", "iam.users.create", this::createDialog);
        detail.addClassName("iam-detail");
        detail.setId("user-detail");
        root.add(head, listBox, detail);
        refresh();
    }

    @Override
    public Component component() {
        return root;
    }

    /** Selects a user by name (as if clicked in the list). */
    void select(String name) {
        selected = name;
        refresh();
    }

    @Override
    public void refresh() {
        listBox.removeAll();
        CallResult r = ws.call("iam", "ListUsers", Params.of());
        if (!r.succeeded()) {
            listBox.add(ConsoleUi.denied(r));
        } else {
            List<IamUser> users = ConsoleUi.listed(r, "Users", "UserName", ws.account()::user);
            Grid<IamUser> grid = new Grid<>();
            grid.setId("users-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(IamUser::name).setHeader(t("iam.col.name")).setKey("name").setAutoWidth(true);
            grid.addColumn(u -> String.join(", ", u.groups())).setHeader(t("iam.col.groups")).setKey("groups").setFlexGrow(1);
            grid.addColumn(u -> ConsoleUi.yesNo(u.loginProfile() != null)).setHeader(t("iam.col.console")).setKey("console").setAutoWidth(true);
            grid.addColumn(u -> u.accessKeys().size()).setHeader(t("iam.col.keys")).setKey("keys").setAutoWidth(true);
            grid.addColumn(u -> ConsoleUi.yesNo(u.mfaDevice() != null)).setHeader(t("iam.col.mfa")).setKey("mfa").setAutoWidth(true);
            grid.addColumn(u -> ConsoleUi.date(u.createDate())).setHeader(t("iam.col.created")).setKey("created").setAutoWidth(true);
            grid.setItems(users);
            grid.setEmptyStateText(t("iam.users.empty"));
            grid.setAllRowsVisible(users.size() <= 6);
            if (users.size() > 6) {
                grid.setHeight("240px");
            }
            users.stream().filter(u -> u.name().equals(selected)).findFirst().ifPresent(grid::select);
            grid.addSelectionListener(e -> {
                selected = e.getFirstSelectedItem().map(IamUser::name).orElse(null);
                drawDetail();
            });
            listBox.add(grid);
        }
        drawDetail();
    }

    private void drawDetail() {
        detail.removeAll();
        IamUser u = selected == null ? null : ws.account().user(selected);
        if (u == null) {
            detail.add(new Paragraph(t("iam.users.select")));
            return;
        }
        Button delete = ConsoleUi.button("delete-user", "iam.users.delete", e -> ConsoleUi.confirm(
                t("iam.users.delete.title", u.name()), t("iam.users.delete.text"), () -> {
                    if (ConsoleUi.call(ws, "iam", "DeleteUser", Params.of("UserName", u.name()),
                            "iam.users.deleted", u.name()) != null) {
                        selected = null;
                        refresh();
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout head = new HorizontalLayout(new H4(u.name()), new Span(u.arn()), delete);
        head.addClassName("iam-detail-head");
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        detail.add(head);
        TabSheet tabs = new TabSheet();
        tabs.setId("user-tabs");
        Div perms = new Div(new PermissionsPanel(ws, "User", u.name(), this::refresh),
                PermissionsPanel.boundary(ws, "User", u.name(), u.permissionsBoundaryArn(), this::refresh));
        tabs.add(t("iam.tab.permissions"), perms);
        tabs.add(t("iam.tab.groups"), groupsTab(u));
        tabs.add(t("iam.tab.credentials"), credentialsTab(u));
        tabs.setWidthFull();
        detail.add(tabs);
    }

    private Component groupsTab(IamUser u) {
        Div box = new Div();
        CallResult r = ws.call("iam", "ListGroupsForUser", Params.of("UserName", u.name()));
        List<String> names = new ArrayList<>();
        if (!r.succeeded()) {
            box.add(ConsoleUi.denied(r));
        } else {
            r.response().path("Groups").forEach(g -> names.add(g.path("GroupName").asText()));
            Grid<String> grid = new Grid<>();
            grid.setId("user-groups");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(n -> n).setHeader(t("iam.col.group")).setFlexGrow(1);
            grid.addComponentColumn(n -> ConsoleUi.small("remove-from-group", "iam.groups.remove-member", e -> {
                if (ConsoleUi.call(ws, "iam", "RemoveUserFromGroup", Params.of("GroupName", n, "UserName", u.name()),
                        "iam.groups.member-removed", u.name(), n) != null) {
                    refresh();
                }
            })).setAutoWidth(true);
            grid.setItems(names);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(t("iam.users.no-groups"));
            box.add(grid);
        }
        // The choice is what ListGroups returns to the acting identity, as the AWS console fills it.
        Div choices = new Div();
        choices.setId("add-to-group-list");
        List<String> groups = ConsoleUi.listNames(ws, "iam", "ListGroups", Params.of(), "Groups", "GroupName", choices);
        ComboBox<String> group = new ComboBox<>(t("iam.col.group"));
        group.setId("add-to-group-choice");
        group.setItems(groups == null ? List.of() : groups.stream().filter(g -> !names.contains(g)).toList());
        group.setEnabled(groups != null);
        Button add = ConsoleUi.button("add-to-group", "iam.users.add-to-group", e -> {
            if (group.getValue() != null && ConsoleUi.call(ws, "iam", "AddUserToGroup",
                    Params.of("GroupName", group.getValue(), "UserName", u.name()),
                    "iam.groups.member-added", u.name(), group.getValue()) != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(group, add);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        box.add(row, choices);
        return box;
    }

    private Component credentialsTab(IamUser u) {
        Div box = new Div();
        box.addClassName("credentials-tab");
        // Console password
        box.add(new H4(t("iam.password.title")));
        boolean hasPassword = u.loginProfile() != null;
        Span status = new Span(hasPassword ? t("iam.password.enabled", ConsoleUi.date(u.loginProfile().createDate()))
                : t("iam.password.disabled"));
        status.setId("password-status");
        Button set = ConsoleUi.button("password-set", hasPassword ? "iam.password.change" : "iam.password.set",
                e -> passwordDialog(u.name(), hasPassword));
        Button remove = ConsoleUi.button("password-remove", "iam.password.remove", e -> {
            if (ConsoleUi.call(ws, "iam", "DeleteLoginProfile", Params.of("UserName", u.name()),
                    "iam.password.removed") != null) {
                refresh();
            }
        });
        remove.setEnabled(hasPassword);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout pw = new HorizontalLayout(status, set, remove);
        pw.setAlignItems(HorizontalLayout.Alignment.CENTER);
        box.add(pw);

        // Access keys
        Button createKey = ConsoleUi.button("create-access-key", "iam.keys.create", e -> {
            ObjectNode r = ConsoleUi.call(ws, "iam", "CreateAccessKey", Params.of("UserName", u.name()), null);
            if (r != null) {
                refresh();
                new AccessKeySecretDialog(r.path("AccessKey").path("AccessKeyId").asText(),
                        r.path("AccessKey").path("SecretAccessKey").asText()).open();
            }
        });
        createKey.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout keysHead = new HorizontalLayout(new H4(t("iam.keys.title")), createKey);
        keysHead.setAlignItems(HorizontalLayout.Alignment.CENTER);
        box.add(keysHead);
        box.add(accessKeys(ws, u.name(), this::refresh));

        // MFA
        box.add(new H4(t("iam.mfa.section")));
        if (u.mfaDevice() != null) {
            Span device = new Span(u.mfaDevice().serialNumber());
            device.setId("mfa-serial");
            String serial = u.mfaDevice().serialNumber();
            Button off = ConsoleUi.button("mfa-deactivate", "iam.mfa.deactivate", e -> {
                if (ConsoleUi.call(ws, "iam", "DeactivateMFADevice", Params.of("UserName", u.name(),
                        "SerialNumber", serial), "iam.mfa.deactivated") != null) {
                    ws.call("iam", "DeleteVirtualMFADevice", Params.of("SerialNumber", serial));
                    refresh();
                }
            });
            off.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout row = new HorizontalLayout(device, off);
            row.setAlignItems(HorizontalLayout.Alignment.CENTER);
            box.add(row);
        } else {
            Button assign = ConsoleUi.button("mfa-open", "iam.mfa.assign", e -> {
                VirtualMfaDialog d = new VirtualMfaDialog(ws, u.name(), u.name(), this::refresh);
                if (d.ready()) {
                    d.open();
                }
            });
            HorizontalLayout row = new HorizontalLayout(new Span(t("iam.mfa.none")), assign);
            row.setAlignItems(HorizontalLayout.Alignment.CENTER);
            box.add(row);
        }
        return box;
    }

    /** One access key row. */
    record KeyRow(String id, String status, String created) {
    }

    /** The access keys of a user (or of the root user when userName is null) with activate/deactivate/delete. */
    static Component accessKeys(SandboxWorkspace ws, String userName, Runnable changed) {
        Params list = userName == null ? Params.of() : Params.of("UserName", userName);
        CallResult r = ws.call("iam", "ListAccessKeys", list);
        if (!r.succeeded()) {
            return ConsoleUi.denied(r);
        }
        List<KeyRow> rows = new ArrayList<>();
        r.response().path("AccessKeyMetadata").forEach(k -> rows.add(new KeyRow(k.path("AccessKeyId").asText(),
                k.path("Status").asText(), k.path("CreateDate").asText().replace('T', ' ').replaceAll("\\..*|Z", ""))));
        Grid<KeyRow> grid = new Grid<>();
        grid.setId(userName == null ? "root-access-keys" : "access-keys");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(KeyRow::id).setHeader(t("iam.keys.id")).setAutoWidth(true);
        grid.addColumn(k -> t("iam.keys.status." + k.status())).setHeader(t("iam.col.status")).setAutoWidth(true);
        grid.addColumn(KeyRow::created).setHeader(t("iam.col.created")).setAutoWidth(true);
        grid.addComponentColumn(k -> {
            String next = "Active".equals(k.status()) ? "Inactive" : "Active";
            Params p = userName == null ? Params.of("AccessKeyId", k.id(), "Status", next)
                    : Params.of("UserName", userName, "AccessKeyId", k.id(), "Status", next);
            Button toggle = ConsoleUi.small("toggle-key", "Active".equals(k.status()) ? "iam.keys.deactivate"
                    : "iam.keys.activate", e -> {
                if (ConsoleUi.call(ws, "iam", "UpdateAccessKey", p, "iam.keys.updated", k.id()) != null) {
                    changed.run();
                }
            });
            Params del = userName == null ? Params.of("AccessKeyId", k.id())
                    : Params.of("UserName", userName, "AccessKeyId", k.id());
            Button delete = ConsoleUi.small("delete-key", "iam.delete", e -> ConsoleUi.confirm(
                    t("iam.keys.delete.title", k.id()), t("iam.keys.delete.text"), () -> {
                        if (ConsoleUi.call(ws, "iam", "DeleteAccessKey", del, "iam.keys.deleted", k.id()) != null) {
                            changed.run();
                        }
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(toggle, delete);
        }).setAutoWidth(true).setFlexGrow(1);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("iam.keys.none"));
        return grid;
    }

    private void passwordDialog(String userName, boolean change) {
        Dialog d = new Dialog();
        d.setHeaderTitle(t(change ? "iam.password.change" : "iam.password.set"));
        d.setId("password-dialog");
        PasswordField password = new PasswordField(t("iam.password.field"));
        password.setId("password-field");
        Checkbox reset = new Checkbox(t("iam.password.reset-required"));
        d.add(new Div(password), reset);
        Button ok = new Button(t("iam.save"), e -> {
            if (ConsoleUi.call(ws, "iam", change ? "UpdateLoginProfile" : "CreateLoginProfile",
                    Params.of("UserName", userName, "Password", password.getValue(),
                            "PasswordResetRequired", Boolean.toString(reset.getValue())), "iam.password.saved") != null) {
                d.close();
                refresh();
            }
        });
        ok.setId("password-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    private void createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam.users.create"));
        d.setId("create-user-dialog");
        TextField name = new TextField(t("iam.users.name"));
        name.setId("new-user-name");
        name.setRequired(true);
        TextField path = new TextField(t("iam.path"));
        path.setId("new-user-path");
        path.setValue("/");
        Checkbox console = new Checkbox(t("iam.users.console-access"));
        console.setId("new-user-console");
        PasswordField password = new PasswordField(t("iam.password.field"));
        password.setId("new-user-password");
        password.setVisible(false);
        console.addValueChangeListener(e -> password.setVisible(e.getValue()));
        d.add(new Div(name), new Div(path), console, new Div(password));
        Button ok = new Button(t("iam.create"), e -> {
            String n = name.getValue().strip();
            // One message for the whole step, as the AWS console reports it: the user with its password, or the
            // user created without console access because the password was refused.
            if (ConsoleUi.call(ws, "iam", "CreateUser", Params.of("UserName", n, "Path", path.getValue().strip()),
                    console.getValue() ? null : "iam.users.created", n) == null) {
                return;
            }
            if (console.getValue()) {
                CallFeedback.show(ws.call("iam", "CreateLoginProfile", Params.of("UserName", n, "Password",
                        password.getValue())), t("iam.users.created-with-password", n),
                        t("iam.users.created-without-password", n));
            }
            d.close();
            select(n);
        });
        ok.setId("create-user-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }
}
