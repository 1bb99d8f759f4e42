package org.iamdojo.ui.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * When a session has ended (timed out, signed out elsewhere, or ended by {@link MemberStateFilter}), the next click
 * reloads the page at once instead of showing Vaadin's untranslated "Session Expired" box; the reload then finds
 * the person signed out and leads to the sign-in page.
 */
@Component
public class SessionExpiredReload implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            return messages;
        });
    }
}
