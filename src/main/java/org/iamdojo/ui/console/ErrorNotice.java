package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.account.CallResult;

/**
 * The console's one rendering of a refused call: AWS's error code and message, and for an AccessDenied a "Why?"
 * button that opens the engine's decision trace. Shown in place of what the call would have shown (a list, a
 * detail, a choice), and inside the notification of a failed action ({@link CallFeedback}).
 */
final class ErrorNotice extends Div {
    private final Button why;

    /** The error of a failed call. */
    ErrorNotice(CallResult failed) {
        this(failed, null);
    }

    /** The error of a failed call, preceded by {@code prefix} (what did happen) when given. */
    ErrorNotice(CallResult failed, String prefix) {
        addClassName("error-notice");
        Span text = new Span((prefix == null ? "" : prefix + " ") + failed.error().code() + ": "
                + failed.error().getMessage());
        text.addClassName("error-notice-text");
        add(text);
        Decision decision = failed.decision();
        if (decision != null) {
            why = new Button(t("console.why"), e -> new DecisionDialog(decision).open());
            why.addClassName("error-notice-why");
            why.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            add(why);
        } else {
            why = null;
        }
    }

    /** The "Why?" button, or null when the error carries no decision. */
    Button why() {
        return why;
    }
}
