package org.iamdojo.ui.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Params;

/** Small building blocks the IAM console pages share: translated text, buttons, confirmations, in-place errors. */
final class ConsoleUi {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ConsoleUi() {
    }

    /** The translation of a key for the current UI's locale. */
    static String t(String key, Object... args) {
        return I18NProvider.translate(key, args);
    }

    /** A translated button with an id. */
    static Button button(String id, String key, ComponentEventListener<ClickEvent<Button>> click) {
        Button b = new Button(t(key), click);
        if (id != null) {
            b.setId(id);
        }
        return b;
    }

    /** A small button that puts {@code value} on the clipboard; its accessible name says what it copies. */
    static Button copyButton(String label, String value) {
        Button copy = new Button(t("iam.copy"), e -> UI.getCurrent().getPage()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", value));
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.setAriaLabel(t("iam.copy.label", label));
        return copy;
    }

    /** The primary button in a dialog's footer that closes it. */
    static void closeInFooter(Dialog dialog, String id, String key) {
        Button close = new Button(t(key), e -> dialog.close());
        close.setId(id);
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
    }

    /** A small tertiary button for grid rows. */
    static Button small(String className, String key, ComponentEventListener<ClickEvent<Button>> click) {
        Button b = new Button(t(key), click);
        b.addClassName(className);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    /** Calls an operation as the acting identity and shows the outcome; returns the response or null on error. */
    static ObjectNode call(SandboxWorkspace ws, String service, String operation, Params params, String successKey,
                           Object... args) {
        CallResult r = ws.call(service, operation, params);
        return CallFeedback.show(r, successKey == null ? null : t(successKey, args)) ? r.response() : null;
    }

    /** Asks before a destructive action. */
    static void confirm(String title, String text, Runnable yes) {
        Dialog d = new Dialog();
        d.setId("confirm-dialog");
        d.setHeaderTitle(title);
        d.add(new Paragraph(text));
        Button ok = new Button(t("iam.confirm.yes"), e -> {
            d.close();
            yes.run();
        });
        ok.setId("confirm-yes");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    /** A date in the sandbox's UTC, minutes precision. */
    static String date(Instant instant) {
        return instant == null ? "-" : DATE.format(instant);
    }

    /** Yes/No in the UI language. */
    static String yesNo(boolean b) {
        return t(b ? "iam.yes" : "iam.no");
    }

    /** A page heading with its primary "create" button, as every IAM list page starts. */
    static HorizontalLayout pageHead(String titleKey, String createId,
            String createKey, Runnable create) {
        Button button = button(createId, createKey, e -> create.run());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head =
                new HorizontalLayout(
                        new H3(t(titleKey)), button);
        head.addClassName("iam-page-head");
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        return head;
    }

    /**
     * The {@code nameField} of each item a List* call returns to the acting identity, or null when the call is
     * refused; then AWS's error is added to {@code deniedInto} in place of the list (as the AWS console does).
     */
    static List<String> listNames(SandboxWorkspace ws, String service, String operation, Params params,
            String listField, String nameField, HasComponents deniedInto) {
        CallResult r = ws.call(service, operation, params);
        if (!r.succeeded()) {
            deniedInto.add(new ErrorNotice(r));
            return null;
        }
        List<String> out = new ArrayList<>();
        r.response().path(listField).forEach(x -> out.add(x.path(nameField).asText()));
        return out;
    }

    /** The entities a List* response names, looked up in the account (names the account no longer has are skipped). */
    static <T> List<T> listed(CallResult r, String listField, String nameField,
            Function<String, T> lookup) {
        List<T> out = new ArrayList<>();
        r.response().path(listField).forEach(x -> {
            T item = lookup.apply(x.path(nameField).asText());
            if (item != null) {
                out.add(item);
            }
        });
        return out;
    }
}
