package org.iamdojo.ui.console;

import com.vaadin.flow.component.tabs.TabSheet;

/**
 * Remembers which tab of a detail panel the learner had open, so redrawing the panel after an action (assign MFA,
 * create a key, edit a trust policy) keeps them where they were; opening another subject starts on the first tab.
 */
final class DetailTabs {
    private String subject;
    private int index;

    /** A new tab sheet for the detail of {@code subject}; call {@link #restore} once its tabs are added. */
    TabSheet sheet(String id, String subject) {
        if (!subject.equals(this.subject)) {
            this.subject = subject;
            index = 0;
        }
        TabSheet tabs = new TabSheet();
        tabs.setId(id);
        tabs.setWidthFull();
        return tabs;
    }

    /** Selects the tab the learner had open and follows later choices. */
    void restore(TabSheet tabs) {
        tabs.setSelectedIndex(index);
        tabs.addSelectedChangeListener(e -> index = tabs.getSelectedIndex());
    }
}
