package org.iamdojo.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.iamdojo.i18n.Localized;
import org.iamdojo.i18n.Message;

/** Texts from below the UI (a grader's {@link Message}, a scenario's own text) in the current UI's language. */
public final class Texts {

    private Texts() {
    }

    /** A message through Vaadin's translation provider; any other text in the UI's language. */
    public static String of(Localized text) {
        if (text instanceof Message m) {
            return I18NProvider.translate(m.key(), m.argArray());
        }
        UI ui = UI.getCurrent();
        return text.in(ui == null ? Locale.ENGLISH : ui.getLocale());
    }
}
