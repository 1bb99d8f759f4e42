package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.cloud.RootOnlyTasks;

/**
 * Account settings: alias, password policy, the root user's MFA and access keys, and the root-only tasks,
 * each of which can be tried as the acting identity (an IAM admin is refused with AWS's words).
 */
final class AccountPage extends DivPage {
    /** Example parameters for trying a root-only operation; the point is who may call it, not the values. */
    private static final Map<String, Params> EXAMPLES = Map.of(
            "UpdateAccountName", Params.of("AccountName", "dojo-playground"),
            "UpdateAccountEmail", Params.of("NewEmailAddress", "root@playground.example"),
            "UpdateRootPassword", Params.of("OldPassword", "not-the-password", "NewPassword", "N3w-root-pass!"),
            "UpdateSupportPlan", Params.of("SupportPlan", "developer"));

    private final SandboxWorkspace ws;

    AccountPage(SandboxWorkspace ws) {
        super("iam-page");
        this.ws = ws;
        root.setId("account-page");
        refresh();
    }

    @Override
    public void refresh() {
        root.removeAll();
        root.add(new H3(t("account.title")), new Paragraph(t("account.id", ws.accountId())));
        Div columns = new Div(aliasSection(), passwordPolicySection());
        columns.addClassName("account-columns");
        root.add(columns, rootSection(), tasksSection());
    }

    private Component aliasSection() {
        Div box = new Div(new H4(t("account.alias")));
        box.addClassName("account-card");
        CallResult r = ws.call("iam", "ListAccountAliases", Params.of());
        if (!r.succeeded()) {
            box.add(new ErrorNotice(r));
            return box;
        }
        JsonNode aliases = r.response().path("AccountAliases");
        String alias = aliases.size() > 0 ? aliases.get(0).asText() : null;
        Span current = new Span(alias == null ? t("account.alias.none") : alias);
        current.setId("account-alias");
        box.add(new Div(current));
        if (alias == null) {
            TextField name = new TextField(t("account.alias.new"));
            name.setId("alias-field");
            Button create = ConsoleUi.button("alias-create", "iam.create", e -> {
                if (ConsoleUi.call(ws, "iam", "CreateAccountAlias", Params.of("AccountAlias", name.getValue().strip()),
                        "account.alias.created") != null) {
                    refresh();
                }
            });
            HorizontalLayout row = new HorizontalLayout(name, create);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            box.add(row);
        } else {
            Button delete = ConsoleUi.button("alias-delete", "iam.delete", e -> {
                if (ConsoleUi.call(ws, "iam", "DeleteAccountAlias", Params.of("AccountAlias", alias),
                        "account.alias.deleted") != null) {
                    refresh();
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            box.add(delete);
        }
        return box;
    }

    private Component passwordPolicySection() {
        Div box = new Div(new H4(t("account.password-policy")));
        box.addClassName("account-card");
        CallResult r = ws.call("iam", "GetAccountPasswordPolicy", Params.of());
        JsonNode p = r.succeeded() ? r.response().path("PasswordPolicy") : null;
        if (!r.succeeded() && !"NoSuchEntity".equals(r.error().code())) {
            box.add(new ErrorNotice(r));
            return box;
        }
        box.add(new Paragraph(t(p == null ? "account.password-policy.default" : "account.password-policy.custom")));
        IntegerField min = new IntegerField(t("account.pp.min"));
        min.setId("pp-min");
        min.setMin(6);
        min.setMax(128);
        min.setValue(p == null ? 8 : p.path("MinimumPasswordLength").asInt(8));
        Checkbox upper = new Checkbox(t("account.pp.upper"), p != null && p.path("RequireUppercaseCharacters").asBoolean());
        Checkbox lower = new Checkbox(t("account.pp.lower"), p != null && p.path("RequireLowercaseCharacters").asBoolean());
        Checkbox numbers = new Checkbox(t("account.pp.numbers"), p != null && p.path("RequireNumbers").asBoolean());
        Checkbox symbols = new Checkbox(t("account.pp.symbols"), p != null && p.path("RequireSymbols").asBoolean());
        Checkbox change = new Checkbox(t("account.pp.change"), p != null && p.path("AllowUsersToChangePassword").asBoolean());
        IntegerField maxAge = new IntegerField(t("account.pp.max-age"));
        maxAge.setMin(1);
        maxAge.setMax(1095);
        if (p != null && p.has("MaxPasswordAge")) {
            maxAge.setValue(p.path("MaxPasswordAge").asInt());
        }
        IntegerField reuse = new IntegerField(t("account.pp.reuse"));
        reuse.setMin(1);
        reuse.setMax(24);
        if (p != null && p.has("PasswordReusePrevention")) {
            reuse.setValue(p.path("PasswordReusePrevention").asInt());
        }
        Button save = ConsoleUi.button("pp-save", "iam.save", e -> {
            Params params = Params.of("MinimumPasswordLength", String.valueOf(min.getValue() == null ? 8 : min.getValue()),
                    "RequireUppercaseCharacters", String.valueOf(upper.getValue()),
                    "RequireLowercaseCharacters", String.valueOf(lower.getValue()),
                    "RequireNumbers", String.valueOf(numbers.getValue()),
                    "RequireSymbols", String.valueOf(symbols.getValue()),
                    "AllowUsersToChangePassword", String.valueOf(change.getValue()));
            if (maxAge.getValue() != null) {
                params.json().put("MaxPasswordAge", maxAge.getValue().toString());
            }
            if (reuse.getValue() != null) {
                params.json().put("PasswordReusePrevention", reuse.getValue().toString());
            }
            if (ConsoleUi.call(ws, "iam", "UpdateAccountPasswordPolicy", params, "account.pp.saved") != null) {
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = ConsoleUi.button("pp-delete", "account.pp.delete", e -> {
            if (ConsoleUi.call(ws, "iam", "DeleteAccountPasswordPolicy", Params.of(), "account.pp.deleted") != null) {
                refresh();
            }
        });
        delete.setEnabled(p != null);
        HorizontalLayout numbersRow = new HorizontalLayout(min, maxAge, reuse);
        Div checks = new Div(upper, lower, numbers, symbols, change);
        checks.addClassName("pp-checks");
        box.add(numbersRow, checks, new HorizontalLayout(save, delete));
        return box;
    }

    private boolean actingAsRoot() {
        return ws.actingAs() instanceof Credentials.ConsoleSession s && s.isRoot();
    }

    /**
     * The root user's MFA and access keys: as root, its own ListMFADevices and ListAccessKeys (with the buttons
     * to manage them); as anyone else, what GetAccountSummary says (AccountMFAEnabled, AccountAccessKeysPresent).
     */
    private Component rootSection() {
        Div box = new Div(new H4(t("account.root")));
        box.addClassName("account-card");
        if (actingAsRoot()) {
            box.add(UsersPage.mfa(ws, null, this::refresh));
            CallResult keys = ws.call("iam", "ListAccessKeys", Params.of());
            if (keys.succeeded()) {
                box.add(new Paragraph(t("account.root.keys", keys.response().path("AccessKeyMetadata").size())));
            }
            box.add(UsersPage.accessKeys(ws, null, keys, this::refresh));
            return box;
        }
        CallResult summary = ws.call("iam", "GetAccountSummary", Params.of());
        if (!summary.succeeded()) {
            ErrorNotice refused = new ErrorNotice(summary);
            refused.setId("root-mfa");
            box.add(refused);
        } else {
            JsonNode m = summary.response().path("SummaryMap");
            boolean mfa = m.path("AccountMFAEnabled").asInt() == 1;
            Span status = new Span(t(mfa ? "account.root.mfa.enabled" : "account.root.mfa.off"));
            status.setId("root-mfa");
            if (!mfa) {
                status.addClassName("warning-text");
            }
            box.add(new Div(status), new Paragraph(t(m.path("AccountAccessKeysPresent").asInt() == 1
                    ? "account.root.keys.present" : "account.root.keys.absent")));
        }
        box.add(new Paragraph(t("account.root.keys.only-root")));
        return box;
    }

    private Component tasksSection() {
        Div box = new Div(new H4(t("account.tasks")));
        box.addClassName("account-card");
        RootOnlyTasks catalogue = RootOnlyTasks.load();
        box.add(new Paragraph(t("account.tasks.help")));
        Grid<RootOnlyTasks.Task> grid = new Grid<>();
        grid.setId("root-tasks");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(task -> t("account.task." + task.id())).setHeader(t("account.tasks.task")).setFlexGrow(1);
        grid.addColumn(task -> task.iamAction() != null ? task.iamAction() : task.action())
                .setHeader(t("account.tasks.action")).setAutoWidth(true).setFlexGrow(0);
        // The "Try it" column has a set width and its notes wrap: sized to its longest note, it pushed itself out
        // of the grid beside a scenario (issue 11.9).
        grid.addComponentColumn(task -> {
            if (!task.isRootOnlyOperation() && task.iamAction() == null) {
                Span s = new Span(t("account.tasks.as-root"));
                s.addClassName("muted");
                return s;
            }
            Button tryIt = ConsoleUi.small("try-task", "account.tasks.try", e -> ConsoleUi.confirm(
                    t("account.tasks.try.title", task.action()),
                    t("account.tasks.try.text", task.action(), ws.actingLabel()), () -> {
                        Params p = EXAMPLES.getOrDefault(task.operation(), Params.of());
                        ConsoleUi.call(ws, task.service(), task.operation(), new Params(p.json().deepCopy()),
                                "account.tasks.done", task.action());
                        refresh();
                    }));
            tryIt.setId("try-" + task.id());
            if (task.iamAction() != null) {
                // Once root-only; AWS now lets IAM policies decide: say so beside the button.
                Span now = new Span(t("account.tasks.now-iam"));
                now.addClassName("muted");
                return new Div(tryIt, now);
            }
            return tryIt;
        }).setWidth("10em").setFlexGrow(1);
        List<RootOnlyTasks.Task> tasks = catalogue.tasks();
        grid.setItems(tasks);
        grid.setAllRowsVisible(true);
        box.add(grid, new Paragraph(t("account.tasks.refusal", catalogue.refusal().message())));
        return box;
    }
}
