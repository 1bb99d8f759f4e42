package org.iamdojo.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.eval.Decision;

/**
 * Tells the learner how a console action ended: success, or AWS's error message; an AccessDenied gets a
 * "Why?" button that opens the engine's decision trace.
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
        Div text = new Div(new Span((failurePrefix == null ? "" : failurePrefix + " ")
                + result.error().code() + ": " + result.error().getMessage()));
        text.addClassName("call-error-text");
        HorizontalLayout row = new HorizontalLayout(text);
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (result.decision() instanceof Decision decision) {
            Button why = new Button(n.getTranslation("console.why"), e -> new DecisionDialog(decision).open());
            why.setId("why-denied");
            why.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
            row.add(why);
        }
        Button close = new Button(n.getTranslation("console.close"), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        row.add(close);
        n.add(row);
        n.open();
        return false;
    }
}
