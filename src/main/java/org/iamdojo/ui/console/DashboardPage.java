package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/**
 * The console's start page: the account id, its alias (ListAccountAliases) and what it holds (GetAccountSummary),
 * each as the acting identity may read it, the refusal in place otherwise.
 */
final class DashboardPage extends DivPage {
    private final SandboxWorkspace workspace;

    DashboardPage(SandboxWorkspace workspace) {
        super();
        this.workspace = workspace;
        root.setId("dashboard-page");
        refresh();
    }

    @Override
    public void refresh() {
        root.removeAll();
        root.add(new H3(t("console.dashboard.title")));
        CallResult aliases = workspace.call("iam", "ListAccountAliases", Params.of());
        Paragraph account;
        if (aliases.succeeded()) {
            JsonNode list = aliases.response().path("AccountAliases");
            account = new Paragraph(t("console.dashboard.account", workspace.accountId(),
                    list.size() > 0 ? list.get(0).asText() : "-"));
        } else {
            account = new Paragraph(t("console.dashboard.account-id", workspace.accountId()));
        }
        account.setId("dashboard-account");
        root.add(account);
        if (!aliases.succeeded()) {
            root.add(new ErrorNotice(aliases));
        }
        CallResult summary = workspace.call("iam", "GetAccountSummary", Params.of());
        Component counts;
        if (summary.succeeded()) {
            JsonNode m = summary.response().path("SummaryMap");
            counts = new Paragraph(t("console.dashboard.summary", m.path("Users").asInt(), m.path("Groups").asInt(),
                    m.path("Roles").asInt(), m.path("Policies").asInt()));
        } else {
            counts = new ErrorNotice(summary);
        }
        counts.setId("dashboard-summary");
        root.add(counts);
    }
}
