package org.iamdojo.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/** Page-level settings for every view: the IAM Dojo theme (plain CSS on top of Lumo), server push for live boards. */
@Push
@Theme("iamdojo")
public class AppShell implements AppShellConfigurator {
}
