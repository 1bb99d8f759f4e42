package org.iamdojo.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Gives every new UI (each page load) the language chosen with the header switcher, if any. */
@Component
public class LocaleInitListener implements VaadinServiceInitListener {

    /** Session attribute holding the language picked in the header. */
    static final String CHOSEN_LOCALE = LocaleInitListener.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> {
            VaadinSession session = uiEvent.getUI().getSession();
            if (session.getAttribute(CHOSEN_LOCALE) instanceof Locale chosen) {
                uiEvent.getUI().setLocale(chosen);
            }
        });
    }

    /** Remembers {@code locale} for the rest of the session. */
    public static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN_LOCALE, locale);
        session.setLocale(locale);
    }
}
