package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The console itself, usable on its own page or beside a scenario: the page list, the identity bar and the
 * selected page, all working on one workspace.
 */
public class ConsolePanel extends Div {
    /** The simulator page's key in {@link ConsolePages}. */
    private static final String SIMULATOR_KEY = "simulator";
    private final SandboxWorkspace workspace;
    private final Tabs nav = new Tabs();
    private final Div content = new Div();
    private final Map<Tab, ConsolePages.Entry> entries = new HashMap<>();
    private final Map<String, Tab> tabsByKey = new HashMap<>();
    private ConsolePage current;

    /** A console on a workspace; {@code onNavigate} hears page changes the learner makes (null: none). */
    public ConsolePanel(SandboxWorkspace workspace, Consumer<String> onNavigate) {
        this.workspace = workspace;
        addClassName("console");
        nav.setOrientation(Tabs.Orientation.VERTICAL);
        nav.setId("console-nav");
        nav.addClassName("console-nav-tabs");
        for (ConsolePages.Entry e : ConsolePages.all()) {
            Tab tab = new Tab(t(e.labelKey()));
            tab.setId("console-nav-" + e.key());
            entries.put(tab, e);
            tabsByKey.put(e.key(), tab);
            nav.add(tab);
        }
        nav.addSelectedChangeListener(e -> {
            if (e.isFromClient() && e.getSelectedTab() != null) {
                String key = entries.get(e.getSelectedTab()).key();
                show(key);
                if (onNavigate != null) {
                    onNavigate.accept(key);
                }
            }
        });
        content.addClassName("console-content");
        IdentityBar identity = new IdentityBar(workspace, this::refresh);
        Div main = new Div(identity, content);
        main.addClassName("console-main");
        // The console is a section of its page: its h2 heads the page list, each page's title is an h3 below it.
        H2 heading = new H2(getTranslation("console.nav.heading"));
        heading.addClassName("console-nav-heading");
        Div navigation = new Div(heading, nav);
        navigation.addClassName("console-nav");
        add(navigation, main);
        // Never a blank panel: the first page (the dashboard) until the learner or the view picks another.
        show(ConsolePages.all().get(0).key());
    }

    /** Shows a page by its key (the first page when the key is unknown). */
    public void show(String key) {
        ConsolePages.Entry entry = ConsolePages.all().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElse(ConsolePages.all().get(0));
        nav.setSelectedTab(tabsByKey.get(entry.key()));
        // A page reads what it shows with many calls: their log entries are saved in one write.
        workspace.inOneWrite(() -> current = entry.factory().apply(workspace));
        content.removeAll();
        content.add(current.component());
    }

    /**
     * Opens the simulator with one request filled in (principal ARN, action, resource, context keys), runs it and
     * opens its evaluation: how a grader's counterexample is replayed.
     */
    public void playInSimulator(String principalArn, String action, String resource, Map<String, List<String>> context) {
        show(SIMULATOR_KEY);
        if (current instanceof SimulatorPage sim) {
            sim.play(principalArn, action, resource, context);
        }
    }

    /**
     * Opens the simulator on pasted identity policies (its custom mode) with one request filled in, runs it and
     * opens its evaluation: how the Compare page replays a counterexample against the new policy.
     */
    public void playCustomInSimulator(String policyText, String action, String resource,
                                      Map<String, List<String>> context) {
        show(SIMULATOR_KEY);
        if (current instanceof SimulatorPage sim) {
            sim.playCustom(policyText, action, resource, context);
        }
    }

    /** Redraws the current page from the sandbox. */
    public void refresh() {
        if (current != null) {
            workspace.inOneWrite(current::refresh);
        }
    }

    /** The workspace. */
    public SandboxWorkspace workspace() {
        return workspace;
    }
}
