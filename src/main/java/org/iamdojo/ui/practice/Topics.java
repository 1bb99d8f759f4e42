package org.iamdojo.ui.practice;

import com.vaadin.flow.component.Component;

/** Learner-facing names of topic tags ("explicit-deny" → "Explicit deny"); an unknown tag is shown as it is. */
public final class Topics {
    private Topics() {
    }

    /** The translated name of {@code topic}, or the tag itself when no translation exists. */
    public static String label(Component in, String topic) {
        String text = in.getTranslation("topic." + topic);
        return text.startsWith("!") ? topic : text;
    }
}
