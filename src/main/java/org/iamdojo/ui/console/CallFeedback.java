package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.iamdojo.iam.account.CallResult;

/**
 * Tells the learner how a console action ended: a short success note, or the {@link ErrorNotice} of the
 * failure (AWS's words, "Why?" for an AccessDenied) in a notification that stays until closed.
 */
public final class CallFeedback {
    private CallFeedback() {
    }

    /** Shows the outcome; returns whether the call succeeded. */
    public static boolean show(CallResult result, String successText) {
        return show(result, successText, null);
    }

    /** Shows the outcome, a failure preceded by {@code failurePrefix} (what did happen) when given. */
    public static boolean show(CallResult result, String successText, String failurePrefix) {
        if (result.succeeded()) {
            if (successText != null) {
                Notification n = Notification.show(successText, 3000, Notification.Position.BOTTOM_START);
                n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            return true;
        }
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.BOTTOM_START);
        n.setDuration(0);
        ErrorNotice notice = new ErrorNotice(result, failurePrefix);
        if (notice.why() != null) {
            notice.why().setId("why-denied");
        }
        Button close = new Button(t("console.close"), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        HorizontalLayout row = new HorizontalLayout(notice, close);
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        n.add(row);
        n.open();
        return false;
    }
}
