package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.iamdojo.iam.account.SandboxAccount;

/** The console's start page: the account id, alias and a summary of what it holds. */
final class DashboardPage implements ConsolePage {
    private final SandboxWorkspace workspace;
    private final Div root = new Div();

    DashboardPage(SandboxWorkspace workspace) {
        this.workspace = workspace;
        root.addClassName("console-page");
        refresh();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void refresh() {
        root.removeAll();
        SandboxAccount a = workspace.account();
        root.add(new H3(root.getTranslation("console.dashboard.title")));
        root.add(new Paragraph(root.getTranslation("console.dashboard.account", a.accountId(),
                a.alias() == null ? "-" : a.alias())));
        root.add(new Paragraph(root.getTranslation("console.dashboard.summary", a.users().size(), a.groups().size(),
                a.roles().size(), a.customerPolicies().size())));
    }
}
