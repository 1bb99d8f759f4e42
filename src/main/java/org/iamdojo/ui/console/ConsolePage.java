package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;

/** One page of the sandbox console (Users, Groups, S3…): a component that can redraw itself from the sandbox. */
public interface ConsolePage {

    /** The component to show. */
    Component component();

    /** Re-reads the sandbox (after the identity changed or another page changed something). */
    void refresh();
}
