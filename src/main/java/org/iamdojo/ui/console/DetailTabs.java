package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Remembers which tab of a detail panel the learner had open, so redrawing the panel after an action (assign MFA,
 * create a key, edit a trust policy) keeps them where they were; opening another subject starts on the first tab.
 */
final class DetailTabs {
    private String subject;
    private int index;

    /** A tab whose content is made only while it is open. */
    record Lazy(String label, Supplier<Component> content) {
    }

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

    /**
     * Adds tabs whose content is made only while open: the one the learner had open now, another when chosen,
     * and the one left is emptied (its components and their state are not kept for a tab nobody looks at; it is
     * read again, fresh, when opened again). {@code inOneWrite} runs the drawing so its calls' log entries are
     * saved together.
     */
    void restoreLazy(TabSheet tabs, List<Lazy> lazy, Consumer<Runnable> inOneWrite) {
        List<Div> holders = new ArrayList<>();
        for (Lazy l : lazy) {
            Div holder = new Div();
            holders.add(holder);
            tabs.add(l.label(), holder);
        }
        int open = Math.min(index, lazy.size() - 1);
        tabs.setSelectedIndex(open);
        holders.get(open).add(lazy.get(open).content().get());
        tabs.addSelectedChangeListener(e -> {
            int chosen = tabs.getSelectedIndex();
            if (chosen < 0 || chosen == index) {
                return;
            }
            holders.get(index).removeAll();
            index = chosen;
            inOneWrite.accept(() -> holders.get(chosen).add(lazy.get(chosen).content().get()));
        });
        index = open;
    }
}
