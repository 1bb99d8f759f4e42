package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a new access key's secret the one time AWS returns it: read-only fields with copy buttons and a
 * warning that the secret cannot be retrieved later. The secret lives only in this dialog.
 */
final class AccessKeySecretDialog extends Dialog {

    AccessKeySecretDialog(String accessKeyId, String secret) {
        setHeaderTitle(t("iam.keys.created.title"));
        setId("access-key-created");
        setWidth("min(640px, 96vw)");
        setCloseOnOutsideClick(false);
        Div warning = new Div(t("iam.keys.created.warning"));
        warning.addClassName("secret-warning");
        warning.setId("access-key-warning");
        add(warning, row("access-key-id", t("iam.keys.id"), accessKeyId),
                row("access-key-secret", t("iam.keys.secret"), secret));
        ConsoleUi.closeInFooter(this, "access-key-done", "iam.keys.created.done");
    }

    private static HorizontalLayout row(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidth("440px");
        field.addClassName("secret-field");
        HorizontalLayout row = new HorizontalLayout(field, ConsoleUi.copyButton(label, value));
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return row;
    }
}
