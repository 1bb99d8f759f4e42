package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * Users: the list (ListUsers as the acting identity, each row's groups, password, keys and MFA read with that
 * user's own List/Get calls), create, and a detail panel for the selected user (GetUser and the tabs' calls).
 */
final class UsersPage extends IamListPage<UsersPage.UserRow> {

    /** A user as ListUsers names it, with what the per-user calls returned (or their error code). */
    record UserRow(String name, String created, String groups, String console, String keys, String mfa) {
    }

    private final DetailTabs detailTabs = new DetailTabs();

    UsersPage(SandboxWorkspace ws) {
        super(ws, "User", "users", "ListUsers", UserRow::name);
        detail.setId("user-detail");
        build();
    }

    @Override
    protected UserRow row(JsonNode u) {
        String name = u.path("UserName").asText();
        Params user = Params.of("UserName", name);
        CallResult login = ws.call("iam", "GetLoginProfile", user);
        String console = login.succeeded() || "NoSuchEntity".equals(login.error().code())
                ? ConsoleUi.yesNo(login.succeeded()) : login.error().code();
        return new UserRow(name, created(u),
                cell(ws.call("iam", "ListGroupsForUser", user), r -> names(r.path("Groups"), "GroupName")),
                console,
                cell(ws.call("iam", "ListAccessKeys", user), r -> String.valueOf(r.path("AccessKeyMetadata").size())),
                cell(ws.call("iam", "ListMFADevices", user), r -> ConsoleUi.yesNo(r.path("MFADevices").size() > 0)));
    }

    private static String names(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.path(field).asText()));
        return String.join(", ", out);
    }

    @Override
    protected void columns(Grid<UserRow> grid) {
        column(grid, UserRow::name, "iam.col.name").setKey("name");
        grid.addColumn(UserRow::groups).setHeader(t("iam.col.groups")).setKey("groups").setFlexGrow(1);
        column(grid, UserRow::console, "iam.col.console").setKey("console");
        column(grid, UserRow::keys, "iam.col.keys").setKey("keys");
        column(grid, UserRow::mfa, "iam.col.mfa").setKey("mfa");
        column(grid, UserRow::created, "iam.col.created").setKey("created");
    }

    @Override
    protected void drawDetail(String name) {
        CallResult user = readSelected(IdentityKind.USER, name);
        if (user == null) {
            return;
        }
        if (!user.succeeded()) {
            detail.add(new ErrorNotice(user));
        }
        TabSheet tabs = detailTabs.sheet("user-tabs", name);
        // Only the open tab is made (and its calls made): the others when the learner opens them.
        detailTabs.restoreLazy(tabs, List.of(
                new DetailTabs.Lazy(t("iam.tab.permissions"), () -> new Div(
                        new PermissionsPanel(ws, IdentityKind.USER, name, this::refresh),
                        PermissionsPanel.boundary(ws, IdentityKind.USER, name, user, this::refresh))),
                new DetailTabs.Lazy(t("iam.tab.groups"), () -> Membership.ofUser(ws, name, this::refresh)),
                new DetailTabs.Lazy(t("iam.tab.credentials"), () -> credentialsTab(name))), ws::inOneWrite);
        detail.add(tabs);
    }

    private Component credentialsTab(String userName) {
        Div box = new Div();
        box.addClassName("credentials-tab");
        // Console password: GetLoginProfile answers NoSuchEntity when the user has none.
        box.add(new H4(t("iam.password.title")));
        CallResult login = ws.call("iam", "GetLoginProfile", Params.of("UserName", userName));
        boolean hasPassword = login.succeeded();
        Component status;
        if (hasPassword) {
            status = new Span(t("iam.password.enabled", ConsoleUi.date(Instant.parse(
                    login.response().at("/LoginProfile/CreateDate").asText()))));
        } else if ("NoSuchEntity".equals(login.error().code())) {
            status = new Span(t("iam.password.disabled"));
        } else {
            status = new ErrorNotice(login);
        }
        status.setId("password-status");
        Button set = ConsoleUi.button("password-set", hasPassword ? "iam.password.change" : "iam.password.set",
                e -> passwordDialog(userName, hasPassword));
        Button remove = ConsoleUi.button("password-remove", "iam.password.remove", e -> {
            if (ConsoleUi.call(ws, "iam", "DeleteLoginProfile", Params.of("UserName", userName),
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
            ObjectNode r = ConsoleUi.call(ws, "iam", "CreateAccessKey", Params.of("UserName", userName), null);
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
        box.add(accessKeys(ws, userName, this::refresh));

        // MFA
        box.add(new H4(t("iam.mfa.section")));
        box.add(mfa(ws, userName, this::refresh));
        return box;
    }

    /**
     * The MFA device of a user (or of the root user when userName is null) as ListMFADevices returns it, with
     * remove; assign when there is none; the refused call's error in place.
     */
    static Component mfa(SandboxWorkspace ws, String userName, Runnable changed) {
        CallResult r = ws.call("iam", "ListMFADevices", userName == null ? Params.of() : Params.of("UserName", userName));
        String prefix = userName == null ? "root-" : "";
        Button assign = ConsoleUi.button(prefix + "mfa-open", "iam.mfa.assign", e -> {
            VirtualMfaDialog d = new VirtualMfaDialog(ws, userName, userName == null ? "root-account-mfa-device"
                    : userName, changed);
            if (d.ready()) {
                d.open();
            }
        });
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (!r.succeeded()) {
            row.add(new ErrorNotice(r), assign);
        } else if (r.response().path("MFADevices").size() > 0) {
            String serial = r.response().at("/MFADevices/0/SerialNumber").asText();
            Span device = new Span(userName == null ? t("account.root.mfa.on", serial) : serial);
            device.setId(userName == null ? "root-mfa" : "mfa-serial");
            Button off = ConsoleUi.button(prefix + "mfa-deactivate", "iam.mfa.deactivate", e -> {
                Params p = userName == null ? Params.of("SerialNumber", serial)
                        : Params.of("UserName", userName, "SerialNumber", serial);
                if (ConsoleUi.call(ws, "iam", "DeactivateMFADevice", p, "iam.mfa.deactivated") != null) {
                    ws.call("iam", "DeleteVirtualMFADevice", Params.of("SerialNumber", serial));
                    changed.run();
                }
            });
            off.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(device, off);
        } else {
            Span none = new Span(t(userName == null ? "account.root.mfa.off" : "iam.mfa.none"));
            none.setId(userName == null ? "root-mfa" : "mfa-serial");
            if (userName == null) {
                none.addClassName("warning-text");
            }
            row.add(none, assign);
        }
        return row;
    }

    /** One access key row. */
    record KeyRow(String id, String status, String created) {
    }

    /** The access keys of a user (or of the root user when userName is null) with activate/deactivate/delete. */
    static Component accessKeys(SandboxWorkspace ws, String userName, Runnable changed) {
        return accessKeys(ws, userName, ws.call("iam", "ListAccessKeys",
                userName == null ? Params.of() : Params.of("UserName", userName)), changed);
    }

    /** As {@link #accessKeys(SandboxWorkspace, String, Runnable)}, from a ListAccessKeys result already made. */
    static Component accessKeys(SandboxWorkspace ws, String userName, CallResult r, Runnable changed) {
        if (!r.succeeded()) {
            return new ErrorNotice(r);
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
        String prefix = userName == null ? "root-" : "";
        // One set of actions for the selected key, not a pair of buttons in every row.
        RowActions<KeyRow> actions = new RowActions<>(grid);
        actions.add(prefix + "toggle-key", "iam.keys.deactivate", k -> {
            String next = "Active".equals(k.status()) ? "Inactive" : "Active";
            Params p = userName == null ? Params.of("AccessKeyId", k.id(), "Status", next)
                    : Params.of("UserName", userName, "AccessKeyId", k.id(), "Status", next);
            if (ConsoleUi.call(ws, "iam", "UpdateAccessKey", p, "iam.keys.updated", k.id()) != null) {
                changed.run();
            }
        }, (b, k) -> b.setText(t("Active".equals(k.status()) ? "iam.keys.deactivate" : "iam.keys.activate")));
        actions.add(prefix + "delete-key", "iam.delete", k -> {
            Params del = userName == null ? Params.of("AccessKeyId", k.id())
                    : Params.of("UserName", userName, "AccessKeyId", k.id());
            ConsoleUi.confirm(t("iam.keys.delete.title", k.id()), t("iam.keys.delete.text"), () -> {
                if (ConsoleUi.call(ws, "iam", "DeleteAccessKey", del, "iam.keys.deleted", k.id()) != null) {
                    changed.run();
                }
            });
        }).addThemeVariants(ButtonVariant.LUMO_ERROR);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("iam.keys.none"));
        if (rows.isEmpty()) {
            return grid;
        }
        return new Div(actions, grid);
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

    @Override
    protected void create() {
        Dialog d = createDialog();
        TextField name = nameField();
        name.setRequired(true);
        TextField path = pathField();
        path.setId("new-user-path");
        Checkbox console = new Checkbox(t("iam.users.console-access"));
        console.setId("new-user-console");
        PasswordField password = new PasswordField(t("iam.password.field"));
        password.setId("new-user-password");
        password.setVisible(false);
        console.addValueChangeListener(e -> password.setVisible(e.getValue()));
        d.add(new Div(name), new Div(path), console, new Div(password));
        openCreate(d, () -> {
            String n = name.getValue().strip();
            // One message for the whole step, as the AWS console reports it: the user with its password, or the
            // user created without console access because the password was refused.
            if (ConsoleUi.call(ws, "iam", "CreateUser", Params.of("UserName", n, "Path", path.getValue().strip()),
                    console.getValue() ? null : "iam.users.created", n) == null) {
                return null;
            }
            if (console.getValue()) {
                CallFeedback.show(ws.call("iam", "CreateLoginProfile", Params.of("UserName", n, "Password",
                        password.getValue())), t("iam.users.created-with-password", n),
                        t("iam.users.created-without-password", n));
            }
            return n;
        });
    }
}
