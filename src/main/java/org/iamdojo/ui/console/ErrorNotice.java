package org.iamdojo.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.eval.Decision;

/** AWS's error shown in place of a list the acting identity may not read, with "Why?" for an AccessDenied. */
final class ErrorNotice extends Div {

    ErrorNotice(CallResult failed) {
        addClassName("error-notice");
        Span text = new Span(failed.error().code() + ": " + failed.error().getMessage());
        add(text);
        if (failed.decision() instanceof Decision decision) {
            Button why = new Button(getTranslation("console.why"), e -> new DecisionDialog(decision).open());
            why.addClassName("error-notice-why");
            why.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            add(why);
        }
    }
}
