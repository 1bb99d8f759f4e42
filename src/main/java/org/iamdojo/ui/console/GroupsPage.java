package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.IamGroup;
import org.iamdojo.iam.account.Params;

/** Groups: list, create, delete, members and the group's permissions. */
final class GroupsPage implements ConsolePage {
    private final SandboxWorkspace ws;
    private final Div root = new Div();
    private final Div listBox = new Div();
    private final Div detail = new Div();
    private String selected;

    GroupsPage(SandboxWorkspace ws) {
        this.ws = ws;
        root.addClassNames("console-page", "iam-page");
        root.setId("groups-page");
        HorizontalLayout head = ConsoleUi.pageHead("iam.groups.title", "create-group", "iam.groups.create", this::createDialog);
        detail.addClassName("iam-detail");
        root.add(head, listBox, detail);
        refresh();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void refresh() {
        listBox.removeAll();
        CallResult r = ws.call("iam", "ListGroups", Params.of());
        if (!r.succeeded()) {
            listBox.add(ConsoleUi.denied(r));
        } else {
            List<IamGroup> groups = ConsoleUi.listed(r, "Groups", "GroupName", ws.account()::group);
            Grid<IamGroup> grid = new Grid<>();
            grid.setId("groups-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(IamGroup::name).setHeader(t("iam.col.name")).setAutoWidth(true);
            grid.addColumn(g -> ws.account().users().stream().filter(u -> u.groups().contains(g.name())).count())
                    .setHeader(t("iam.col.members")).setAutoWidth(true);
            grid.addColumn(g -> g.attachedPolicyArns().size() + g.inlinePolicies().size())
                    .setHeader(t("iam.col.policies")).setAutoWidth(true);
            grid.addColumn(g -> ConsoleUi.date(g.createDate())).setHeader(t("iam.col.created")).setAutoWidth(true);
            grid.setItems(groups);
            grid.setEmptyStateText(t("iam.groups.empty"));
            grid.setAllRowsVisible(true);
            groups.stream().filter(g -> g.name().equals(selected)).findFirst().ifPresent(grid::select);
            grid.addSelectionListener(e -> {
                selected = e.getFirstSelectedItem().map(IamGroup::name).orElse(null);
                drawDetail();
            });
            listBox.add(grid);
        }
        drawDetail();
    }

    private void drawDetail() {
        detail.removeAll();
        IamGroup g = selected == null ? null : ws.account().group(selected);
        if (g == null) {
            detail.add(new Paragraph(t("iam.groups.select")));
            return;
        }
        Button delete = ConsoleUi.button("delete-group", "iam.groups.delete", e -> ConsoleUi.confirm(
                t("iam.groups.delete.title", g.name()), t("iam.groups.delete.text"), () -> {
                    if (ConsoleUi.call(ws, "iam", "DeleteGroup", Params.of("GroupName", g.name()),
                            "iam.groups.deleted", g.name()) != null) {
                        selected = null;
                        refresh();
                    }
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout head = new HorizontalLayout(new H4(g.name()), new Span(g.arn()), delete);
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        detail.add(head, new H4(t("iam.groups.members")));
        CallResult r = ws.call("iam", "GetGroup", Params.of("GroupName", g.name()));
        List<String> members = new ArrayList<>();
        if (!r.succeeded()) {
            detail.add(ConsoleUi.denied(r));
        } else {
            r.response().path("Users").forEach(u -> members.add(u.path("UserName").asText()));
            Grid<String> grid = new Grid<>();
            grid.setId("group-members");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(n -> n).setHeader(t("iam.col.user")).setFlexGrow(1);
            grid.addComponentColumn(n -> ConsoleUi.small("remove-member", "iam.groups.remove-member", e -> {
                if (ConsoleUi.call(ws, "iam", "RemoveUserFromGroup", Params.of("GroupName", g.name(), "UserName", n),
                        "iam.groups.member-removed", n, g.name()) != null) {
                    refresh();
                }
            })).setAutoWidth(true);
            grid.setItems(members);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(t("iam.groups.no-members"));
            detail.add(grid);
        }
        // The choice is what ListUsers returns to the acting identity.
        Div choices = new Div();
        List<String> users = ConsoleUi.listNames(ws, "iam", "ListUsers", Params.of(), "Users", "UserName", choices);
        ComboBox<String> user = new ComboBox<>(t("iam.col.user"));
        user.setId("add-member-choice");
        user.setItems(users == null ? List.of() : users.stream().filter(u -> !members.contains(u)).toList());
        user.setEnabled(users != null);
        Button add = ConsoleUi.button("add-member", "iam.groups.add-member", e -> {
            if (user.getValue() != null && ConsoleUi.call(ws, "iam", "AddUserToGroup",
                    Params.of("GroupName", g.name(), "UserName", user.getValue()),
                    "iam.groups.member-added", user.getValue(), g.name()) != null) {
                refresh();
            }
        });
        HorizontalLayout row = new HorizontalLayout(user, add);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        detail.add(row, choices, new PermissionsPanel(ws, "Group", g.name(), this::refresh));
    }

    private void createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("iam.groups.create"));
        d.setId("create-group-dialog");
        TextField name = new TextField(t("iam.groups.name"));
        name.setId("new-group-name");
        TextField path = new TextField(t("iam.path"));
        path.setValue("/");
        d.add(new Div(name), new Div(path));
        Button ok = new Button(t("iam.create"), e -> {
            String n = name.getValue().strip();
            if (ConsoleUi.call(ws, "iam", "CreateGroup", Params.of("GroupName", n, "Path", path.getValue().strip()),
                    "iam.groups.created", n) != null) {
                d.close();
                selected = n;
                refresh();
            }
        });
        ok.setId("create-group-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }
}
