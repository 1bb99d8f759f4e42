package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/**
 * The sandbox console on its own page. The URL names the page (console/users), so failed checks can link
 * straight to where the fix is made.
 */
@Route(value = Routes.CONSOLE, layout = MainLayout.class)
@PermitAll
public class ConsoleView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final ConsolePanel panel;

    public ConsoleView(PolicyValidator validator) {
        panel = new ConsolePanel(WorkspaceHolder.current(validator),
                key -> getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "console/" + key)));
        panel.setSizeFull();
        // The page's one h1; beside a scenario the console sits under the scenario's title instead.
        H1 title = new H1(t("nav.console"));
        title.addClassName("console-view-title");
        add(title, panel);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String key) {
        panel.show(key);
    }

    @Override
    public String getPageTitle() {
        return t("console.page-title");
    }
}
