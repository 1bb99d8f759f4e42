package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.iamdojo.iam.account.Params;

/**
 * Assigns a virtual MFA device to a user (or to the root user when userName is null), as the console does:
 * CreateVirtualMFADevice, show a QR code of the otpauth:// URI, the base32 secret and the URI, then EnableMFADevice with two
 * consecutive codes. Cancelling deletes the unassigned device again.
 */
final class VirtualMfaDialog extends Dialog {
    private final SandboxWorkspace ws;
    private String serial;
    private boolean enabled;

    VirtualMfaDialog(SandboxWorkspace ws, String userName, String deviceName, Runnable done) {
        this.ws = ws;
        setHeaderTitle(t("iam.mfa.title", userName == null ? "root" : userName));
        setId("mfa-dialog");
        setWidth("min(680px, 96vw)");
        ObjectNode r = ConsoleUi.call(ws, "iam", "CreateVirtualMFADevice",
                Params.of("VirtualMFADeviceName", deviceName), null);
        if (r == null) {
            return;
        }
        serial = r.path("VirtualMFADevice").path("SerialNumber").asText();
        String seed = r.path("VirtualMFADevice").path("Base32StringSeed").asText();
        String account = userName == null ? "root" : userName;
        String uri = "otpauth://totp/" + URLEncoder.encode("AWS:" + account + "@" + ws.accountId(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "?secret=" + seed + "&issuer=Amazon%20Web%20Services";
        add(new Paragraph(t("iam.mfa.step1")));
        // As the AWS console does: a QR code to scan, and the secret for apps that take it typed in.
        Image qr = new Image(QrCode.dataUri(uri),
                t("iam.mfa.qr-alt"));
        qr.setId("mfa-qr");
        qr.addClassName("mfa-qr");
        qr.setWidth("180px");
        qr.setHeight("180px");
        add(qr);
        TextField secret = new TextField(t("iam.mfa.secret"));
        secret.setId("mfa-secret");
        secret.setValue(seed);
        secret.setReadOnly(true);
        secret.setWidthFull();
        TextArea uriField = new TextArea(t("iam.mfa.uri"));
        uriField.setId("mfa-uri");
        uriField.setValue(uri);
        uriField.setReadOnly(true);
        uriField.setWidthFull();
        add(secret, uriField, new Paragraph(t("iam.mfa.step2")));
        TextField code1 = new TextField(t("iam.mfa.code1"));
        code1.setId("mfa-code1");
        TextField code2 = new TextField(t("iam.mfa.code2"));
        code2.setId("mfa-code2");
        add(new HorizontalLayout(code1, code2));
        Button assign = new Button(t("iam.mfa.assign"), e -> {
            Params p = userName == null
                    ? Params.of("SerialNumber", serial, "AuthenticationCode1", code1.getValue().strip(),
                    "AuthenticationCode2", code2.getValue().strip())
                    : Params.of("UserName", userName, "SerialNumber", serial,
                    "AuthenticationCode1", code1.getValue().strip(), "AuthenticationCode2", code2.getValue().strip());
            if (ConsoleUi.call(ws, "iam", "EnableMFADevice", p, "iam.mfa.assigned") != null) {
                enabled = true;
                close();
                done.run();
            }
        });
        assign.setId("mfa-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(t("iam.cancel"), e -> close()), assign);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && !enabled && serial != null) {
                ws.call("iam", "DeleteVirtualMFADevice", Params.of("SerialNumber", serial));
            }
        });
    }

    /** Whether the device was created (the dialog is worth opening). */
    boolean ready() {
        return serial != null;
    }
}
