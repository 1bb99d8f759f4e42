package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.BiPredicate;
import org.iamdojo.iam.policy.validation.PolicyType;
import org.iamdojo.iam.policy.validation.PolicyValidator;

/**
 * A dialog around {@link PolicyEditor}: an optional name field, and Save, which hands name and JSON to the
 * caller (who calls the sandbox); the dialog closes when the call succeeded.
 */
final class PolicyEditorDialog extends Dialog {
    private final TextField name = new TextField();
    private final PolicyEditor editor;

    /**
     * @param nameLabelKey translation key of the name field, or null when the name is fixed
     * @param save gets (name, json) and returns whether the sandbox accepted it
     */
    PolicyEditorDialog(PolicyValidator validator, String title, String nameLabelKey, String fixedName, PolicyType type,
                       String initial, BiPredicate<String, String> save) {
        setHeaderTitle(title);
        setId("policy-editor-dialog");
        setWidth("min(920px, 96vw)");
        editor = new PolicyEditor(validator, type, initial);
        if (nameLabelKey != null) {
            name.setLabel(t(nameLabelKey));
            name.setId("policy-name");
            name.setRequired(true);
            name.setWidth("360px");
            add(name);
        }
        add(editor);
        Button ok = new Button(t("iam.save"), e -> {
            String n = nameLabelKey == null ? fixedName : name.getValue().strip();
            if (save.test(n, editor.getValue())) {
                close();
            }
        });
        ok.setId("policy-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(t("iam.cancel"), e -> close()), ok);
    }

    /** The editor inside. */
    PolicyEditor editor() {
        return editor;
    }

    /** The name field (when the name is asked for). */
    TextField nameField() {
        return name;
    }
}
