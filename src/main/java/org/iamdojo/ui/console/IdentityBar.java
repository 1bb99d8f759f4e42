package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.ConsoleSignIn;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.Params;

/**
 * Shows which identity the console acts as, and lets the learner switch: root, an IAM user (signing in with
 * the password and MFA code set in the sandbox) or an assumed-role session (AssumeRole as the current identity).
 */
public class IdentityBar extends Div {
    private final SandboxWorkspace workspace;
    private final Runnable onChange;
    private final Span who = new Span();

    public IdentityBar(SandboxWorkspace workspace, Runnable onChange) {
        this.workspace = workspace;
        this.onChange = onChange;
        addClassName("identity-bar");
        who.setId("acting-as");
        MenuBar menu = new MenuBar();
        menu.setId("switch-identity");
        menu.addThemeVariants(MenuBarVariant.LUMO_SMALL);
        MenuItem top = menu.addItem(t("identity.switch"));
        SubMenu sub = top.getSubMenu();
        sub.addItem(t("identity.root"), e -> actAsRoot()).setId("switch-root");
        sub.addItem(t("identity.user"), e -> openUserSignIn()).setId("switch-user");
        sub.addItem(t("identity.role"), e -> openSwitchRole()).setId("switch-role");
        add(who, menu);
        update();
    }

    /** Redraws the current identity. */
    public void update() {
        who.setText(getTranslation("console.acting-as", workspace.actingLabel(), workspace.accountId()));
    }

    /** Tells the page the identity changed. */
    protected void changed() {
        update();
        onChange.run();
    }

    /** Acts as the account's root user; the playground treats the learner as already signed in as root. */
    void actAsRoot() {
        workspace.actAs(Credentials.ConsoleSession.root(workspace.accountId(), false), "root");
        changed();
    }

    /**
     * Signs in as an IAM user with the user's console password (and MFA code when the user has a device);
     * on success the console acts as that user. Returns AWS's message on failure, or null.
     */
    String signInAsUser(String userName, String password, String mfaCode) {
        try {
            Credentials.ConsoleSession session = ConsoleSignIn.signIn(workspace.sandbox(), workspace.accountId(),
                    userName, password, mfaCode);
            workspace.actAs(session, userName);
            changed();
            return null;
        } catch (AwsException e) {
            return e.getMessage();
        }
    }

    /** Calls AssumeRole as the current identity and, on success, acts with the session's temporary keys. */
    boolean switchRole(String roleArn, String sessionName, String externalId, String serial, String code) {
        Params p = Params.of("RoleArn", roleArn, "RoleSessionName", sessionName);
        if (externalId != null && !externalId.isBlank()) {
            p.json().put("ExternalId", externalId.strip());
        }
        if (serial != null && !serial.isBlank()) {
            p.json().put("SerialNumber", serial.strip());
            p.json().put("TokenCode", code == null ? "" : code.strip());
        }
        ObjectNode r = ConsoleUi.call(workspace, "sts", "AssumeRole", p, null);
        if (r == null) {
            return false;
        }
        ObjectNode c = (ObjectNode) r.path("Credentials");
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        workspace.actAs(new Credentials.AccessKeyPair(c.path("AccessKeyId").asText(), c.path("SecretAccessKey").asText(),
                c.path("SessionToken").asText()), "assumed-role/" + roleName + "/" + sessionName);
        changed();
        return true;
    }

    private void openUserSignIn() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("identity.user.title"));
        d.setId("user-signin-dialog");
        ComboBox<IamUser> user = new ComboBox<>(t("identity.user.name"));
        user.setId("signin-user");
        user.setItems(workspace.account().users().stream().filter(u -> u.loginProfile() != null).toList());
        user.setItemLabelGenerator(IamUser::name);
        PasswordField password = new PasswordField(t("identity.user.password"));
        password.setId("signin-password");
        TextField mfa = new TextField(t("identity.user.mfa"));
        mfa.setId("signin-mfa");
        mfa.setVisible(false);
        user.addValueChangeListener(e -> mfa.setVisible(e.getValue() != null
                && ConsoleSignIn.needsMfa(workspace.account(), e.getValue().name())));
        Paragraph error = new Paragraph();
        error.addClassName("signin-error");
        error.setId("signin-error");
        d.add(new Paragraph(t("identity.user.help", workspace.accountId())), new Div(user), new Div(password),
                new Div(mfa), error);
        Button ok = new Button(t("identity.user.sign-in"), e -> {
            String message = signInAsUser(user.getValue() == null ? null : user.getValue().name(),
                    password.getValue(), mfa.getValue());
            if (message == null) {
                d.close();
            } else {
                error.setText(message);
            }
        });
        ok.setId("signin-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    private void openSwitchRole() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("identity.role.title"));
        d.setId("switch-role-dialog");
        ComboBox<String> role = new ComboBox<>(t("identity.role.arn"));
        role.setId("switch-role-arn");
        role.setAllowCustomValue(true);
        role.addCustomValueSetListener(e -> role.setValue(e.getDetail()));
        role.setItems(workspace.account().roles().stream().map(IamRole::arn).toList());
        role.setWidth("460px");
        TextField session = new TextField(t("identity.role.session"));
        session.setId("switch-role-session");
        session.setValue("console");
        TextField externalId = new TextField(t("identity.role.external-id"));
        TextField serial = new TextField(t("identity.role.mfa-serial"));
        TextField code = new TextField(t("identity.role.mfa-code"));
        d.add(new Paragraph(t("identity.role.help", workspace.actingLabel())), new Div(role), new Div(session),
                new Div(externalId), new Div(serial, code));
        Button ok = new Button(t("identity.role.switch"), e -> {
            if (role.getValue() != null && switchRole(role.getValue(), session.getValue().strip(),
                    externalId.getValue(), serial.getValue(), code.getValue())) {
                d.close();
            }
        });
        ok.setId("switch-role-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }
}
