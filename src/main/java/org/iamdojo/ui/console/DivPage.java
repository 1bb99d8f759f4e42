package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * A console page drawn inside one {@link Div} carrying the {@code console-page} class and the page's own classes
 * (e.g. {@code s3-page}); the page fills {@link #root} and redraws it in {@link #refresh()}.
 */
abstract class DivPage implements ConsolePage {
    /** What the page shows; the console places it in the content area. */
    protected final Div root = new Div();

    /** A page whose root has the console-page class and {@code pageClasses}. */
    protected DivPage(String... pageClasses) {
        root.addClassName("console-page");
        root.addClassNames(pageClasses);
    }

    @Override
    public final Component component() {
        return root;
    }
}
