package org.iamdojo.ui.learn;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.iamdojo.training.attempt.AttemptSupersededException;
import org.iamdojo.ui.common.ModalConfirmDialog;
import org.springframework.stereotype.Component;

/**
 * When the learner's attempt was changed by another node (or another tab whose copy wrote first), the action the
 * learner just made is not saved and this page's sandbox is stale: say so and reload, which rebuilds the attempt
 * from its log as stored. Nothing acknowledged is lost; the unsaved action was never acknowledged.
 */
@Component
public class SupersededAttemptReload implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new Handler()));
    }

    private static final class Handler implements ErrorHandler {
        private final DefaultErrorHandler fallback = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            UI ui = UI.getCurrent();
            if (ui == null || !superseded(event.getThrowable())) {
                fallback.error(event);
                return;
            }
            ModalConfirmDialog dialog = new ModalConfirmDialog();
            dialog.setId("attempt-superseded");
            dialog.setHeader(ui.getTranslation("attempt.superseded.title"));
            dialog.setText(ui.getTranslation("attempt.superseded.text"));
            dialog.setConfirmText(ui.getTranslation("attempt.superseded.reload"));
            dialog.addConfirmListener(c -> ui.getPage().reload());
            dialog.open();
        }

        private static boolean superseded(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof AttemptSupersededException) {
                    return true;
                }
            }
            return false;
        }
    }
}
