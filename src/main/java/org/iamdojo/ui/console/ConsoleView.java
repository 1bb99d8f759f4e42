package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.ui.MainLayout;

/**
 * The sandbox console: a page list on the left (Users, Groups, Roles, Policies, S3, EC2, CloudWatch, Account,
 * Simulator, Terminal, CloudTrail), the identity bar on top, the selected page on the right. The URL names
 * the page (console/users), so failed checks can link straight to where the fix is made.
 */
@Route(value = "console", layout = MainLayout.class)
@PermitAll
public class ConsoleView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final SandboxWorkspace workspace;
    private final Tabs nav = new Tabs();
    private final Div content = new Div();
    private final Map<Tab, ConsolePages.Entry> entries = new HashMap<>();
    private final Map<String, Tab> tabsByKey = new HashMap<>();
    private ConsolePage current;

    public ConsoleView() {
        this.workspace = WorkspaceHolder.current();
        addClassName("console");
        nav.setOrientation(Tabs.Orientation.VERTICAL);
        nav.setId("console-nav");
        nav.addClassName("console-nav");
        List<ConsolePages.Entry> all = ConsolePages.all();
        for (ConsolePages.Entry e : all) {
            Tab tab = new Tab(getTranslation(e.labelKey()));
            tab.setId("console-nav-" + e.key());
            entries.put(tab, e);
            tabsByKey.put(e.key(), tab);
            nav.add(tab);
        }
        nav.addSelectedChangeListener(e -> {
            if (e.isFromClient() && e.getSelectedTab() != null) {
                getUI().ifPresent(ui -> ui.navigate("console/" + entries.get(e.getSelectedTab()).key()));
            }
        });
        content.addClassName("console-content");
        IdentityBar identity = new IdentityBar(workspace, () -> {
            if (current != null) {
                current.refresh();
            }
        });
        Div main = new Div(identity, content);
        main.addClassName("console-main");
        add(nav, main);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String key) {
        ConsolePages.Entry entry = ConsolePages.all().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElse(ConsolePages.all().get(0));
        nav.setSelectedTab(tabsByKey.get(entry.key()));
        current = entry.factory().apply(workspace);
        content.removeAll();
        Component c = current.component();
        content.add(c);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("console.page-title");
    }
}
