package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * Groups: the list (ListGroups as the acting identity; each row's members and policies from GetGroup and the
 * group's List*Policies calls), create, delete, members and the group's permissions.
 */
final class GroupsPage extends IamListPage<GroupsPage.GroupRow> {

    /** A group as ListGroups names it, with its member and policy counts (or the refused call's error code). */
    record GroupRow(String name, String created, String members, String policies) {
    }

    GroupsPage(SandboxWorkspace ws) {
        super(ws, "Group", "groups", "ListGroups", GroupRow::name);
        build();
    }

    @Override
    protected GroupRow row(JsonNode g) {
        String name = g.path("GroupName").asText();
        Params group = Params.of("GroupName", name);
        CallResult attached = ws.call("iam", "ListAttachedGroupPolicies", group);
        CallResult inline = ws.call("iam", "ListGroupPolicies", group);
        String policies = !attached.succeeded() ? attached.error().code() : !inline.succeeded()
                ? inline.error().code()
                : String.valueOf(attached.response().path("AttachedPolicies").size()
                        + inline.response().path("PolicyNames").size());
        return new GroupRow(name, created(g),
                cell(ws.call("iam", "GetGroup", group), r -> String.valueOf(r.path("Users").size())), policies);
    }

    @Override
    protected void columns(Grid<GroupRow> grid) {
        column(grid, GroupRow::name, "iam.col.name");
        column(grid, GroupRow::members, "iam.col.members");
        column(grid, GroupRow::policies, "iam.col.policies");
        column(grid, GroupRow::created, "iam.col.created");
    }

    @Override
    protected void size(Grid<GroupRow> grid, int rows) {
        grid.setAllRowsVisible(true);
    }

    @Override
    protected void drawDetail(String name) {
        CallResult got = readSelected(IdentityKind.GROUP, name);
        if (got == null) {
            return;
        }
        detail.add(new H4(t("iam.groups.members")), Membership.ofGroup(ws, name, got, this::refresh),
                new PermissionsPanel(ws, IdentityKind.GROUP, name, this::refresh));
    }

    @Override
    protected void create() {
        Dialog d = createDialog();
        TextField name = nameField();
        TextField path = pathField();
        d.add(new Div(name), new Div(path));
        openCreate(d, () -> {
            String n = name.getValue().strip();
            return ConsoleUi.call(ws, "iam", "CreateGroup", Params.of("GroupName", n, "Path", path.getValue().strip()),
                    "iam.groups.created", n) != null ? n : null;
        });
    }
}
