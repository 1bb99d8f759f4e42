package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * One side of group membership, as the acting identity may read it: a user's groups (ListGroupsForUser) or a
 * group's users (GetGroup), each with Remove (RemoveUserFromGroup), and Add (AddUserToGroup) choosing from what
 * ListGroups or ListUsers returns; every refused call's error in place of what it would show.
 */
final class Membership extends Div {
    /** The words and element ids of one side. */
    private record Side(String listField, String nameField, String gridId, String removeClass, String columnKey,
                        String emptyKey, String choiceOperation, String choiceField, String choiceName,
                        String choicesId, String choiceId, String addId, String addKey) {
    }

    private static final Side GROUPS_OF_USER = new Side("Groups", "GroupName", "user-groups", "remove-from-group",
            "iam.col.group", "iam.users.no-groups", "ListGroups", "Groups", "GroupName", "add-to-group-list",
            "add-to-group-choice", "add-to-group", "iam.users.add-to-group");
    private static final Side USERS_OF_GROUP = new Side("Users", "UserName", "group-members", "remove-member",
            "iam.col.user", "iam.groups.no-members", "ListUsers", "Users", "UserName", "add-member-list",
            "add-member-choice", "add-member", "iam.groups.add-member");

    /** The groups of a user. */
    static Membership ofUser(SandboxWorkspace ws, String userName, Runnable changed) {
        return new Membership(ws, GROUPS_OF_USER, userName, null,
                ws.call("iam", "ListGroupsForUser", Params.of("UserName", userName)), changed);
    }

    /** The users of a group, from the GetGroup result the group's page already read. */
    static Membership ofGroup(SandboxWorkspace ws, String groupName, CallResult getGroup, Runnable changed) {
        return new Membership(ws, USERS_OF_GROUP, null, groupName, getGroup, changed);
    }

    private Membership(SandboxWorkspace ws, Side side, String user, String group, CallResult listed, Runnable changed) {
        List<String> names = new ArrayList<>();
        if (!listed.succeeded()) {
            add(new ErrorNotice(listed));
        } else {
            listed.response().path(side.listField()).forEach(x -> names.add(x.path(side.nameField()).asText()));
            Grid<String> grid = new Grid<>();
            grid.setId(side.gridId());
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(n -> n).setHeader(t(side.columnKey())).setFlexGrow(1);
            grid.addComponentColumn(n -> {
                Button remove = ConsoleUi.small(side.removeClass(), "iam.groups.remove-member", e -> {
                    String u = user == null ? n : user;
                    String g = group == null ? n : group;
                    if (ConsoleUi.call(ws, "iam", "RemoveUserFromGroup", Params.of("GroupName", g, "UserName", u),
                            "iam.groups.member-removed", u, g) != null) {
                        changed.run();
                    }
                });
                // Every row's button says "Remove": the row's name tells a screen reader which one.
                remove.getElement().setAttribute("aria-label", t("iam.groups.remove-member") + " " + n);
                return remove;
            }).setAutoWidth(true);
            grid.setItems(names);
            grid.setAllRowsVisible(true);
            grid.setEmptyStateText(t(side.emptyKey()));
            add(grid);
        }
        // The choice is what the List call returns to the acting identity, as the AWS console fills it.
        Div choices = new Div();
        choices.setId(side.choicesId());
        List<String> options = ConsoleUi.listNames(ws, "iam", side.choiceOperation(), Params.of(), side.choiceField(),
                side.choiceName(), choices);
        ComboBox<String> choice = new ComboBox<>(t(side.columnKey()));
        choice.setId(side.choiceId());
        choice.setItems(options == null ? List.of() : options.stream().filter(o -> !names.contains(o)).toList());
        choice.setEnabled(options != null);
        Button addButton = ConsoleUi.button(side.addId(), side.addKey(), e -> {
            String u = user == null ? choice.getValue() : user;
            String g = group == null ? choice.getValue() : group;
            if (choice.getValue() != null && ConsoleUi.call(ws, "iam", "AddUserToGroup",
                    Params.of("GroupName", g, "UserName", u), "iam.groups.member-added", u, g) != null) {
                changed.run();
            }
        });
        HorizontalLayout row = new HorizontalLayout(choice, addButton);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(row, choices);
    }
}
