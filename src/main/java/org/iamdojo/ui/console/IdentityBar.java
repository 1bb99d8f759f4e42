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
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.ConsoleSignIn;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import org.iamdojo.awsapi.AwsEndpointServer;
import java.util.List;

/**
 * Shows which identity the console acts as, and lets the learner switch: root, an IAM user (signing in with
 * the password and MFA code set in the sandbox) or an assumed-role session (AssumeRole as the current identity).
 */
public class IdentityBar extends Div {
    private final SandboxWorkspace workspace;
    private final Runnable onChange;
    private final Span who = new Span();
    private final Credentials own;
    private final String ownLabel;
    private final String ownAccount;

    public IdentityBar(SandboxWorkspace workspace, Runnable onChange) {
        this.workspace = workspace;
        this.onChange = onChange;
        this.own = workspace.actingAs();
        this.ownLabel = workspace.actingLabel();
        this.ownAccount = workspace.accountId();
        addClassName("identity-bar");
        who.setId("acting-as");
        MenuBar menu = new MenuBar();
        menu.setId("switch-identity");
        menu.addThemeVariants(MenuBarVariant.LUMO_SMALL);
        MenuItem top = menu.addItem(t("identity.switch"));
        SubMenu sub = top.getSubMenu();
        sub.addItem(t("identity.root"), e -> actAsRoot(ownAccount)).setId("switch-root");
        for (String other : workspace.rootAccounts().subList(1, workspace.rootAccounts().size())) {
            sub.addItem(t("identity.root-of", other), e -> actAsRoot(other)).setId("switch-root-" + other);
        }
        sub.addItem(t("identity.user"), e -> openUserSignIn()).setId("switch-user");
        sub.addItem(t("identity.role"), e -> openSwitchRole()).setId("switch-role");
        sub.addItem(t("identity.keys"), e -> openUseKeys()).setId("switch-keys");
        if (!(own instanceof Credentials.ConsoleSession c && c.isRoot())) {
            sub.addItem(t("identity.own", ownLabel), e -> actAsOwn()).setId("switch-own");
        }
        int endpointPort = endpointPort();
        if (endpointPort > 0) {
            // Hidden when the AWS-compatible endpoint is switched off (or could not open its port).
            Button terminal = new Button(t("terminal.own"), e -> openOwnTerminal(endpointPort));
            terminal.setId("own-terminal");
            terminal.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(who, menu, terminal);
        } else {
            add(who, menu);
        }
        update();
    }

    /** Redraws the current identity. */
    public void update() {
        who.setText(t("console.acting-as", workspace.actingLabel(), workspace.accountId()));
    }

    /** Tells the page the identity changed. */
    protected void changed() {
        update();
        onChange.run();
    }

    /** Acts as the home account's root user; the playground treats the learner as already signed in as root. */
    void actAsRoot() {
        actAsRoot(ownAccount);
    }

    /** Acts as the root user of one of the accounts the learner owns (the console then shows that account). */
    void actAsRoot(String accountId) {
        workspace.actAs(Credentials.ConsoleSession.root(accountId, false), "root", accountId);
        changed();
    }

    /** Goes back to the identity the learner started as (the scenario's user). */
    void actAsOwn() {
        workspace.actAs(own, ownLabel, ownAccount);
        changed();
    }

    /**
     * Acts with the access keys of a terminal profile (one the story handed over, or one the learner configured
     * with {@code aws configure}); returns false when the profile has no keys.
     */
    boolean actWithProfile(String profile) {
        Credentials.AccessKeyPair keys = profile == null ? null : workspace.terminal().profileKeys(profile);
        if (keys == null) {
            return false;
        }
        // The keys' own account, as "aws sts get-caller-identity" with them says; keys AWS would refuse leave the
        // account shown (the first call shows why).
        CallResult identity = workspace.callAs(keys, "sts", "GetCallerIdentity", Params.of());
        String account = identity.succeeded() ? identity.response().path("Account").asText(null) : null;
        workspace.actAs(keys, t("identity.keys.label", profile, keys.accessKeyId()), account);
        changed();
        return true;
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
            return ConsoleSignIn.MFA_REQUIRED.equals(e.code()) ? ConsoleSignIn.MFA_REQUIRED : e.getMessage();
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
        String[] arn = roleArn.split(":");
        workspace.actAs(new Credentials.AccessKeyPair(c.path("AccessKeyId").asText(), c.path("SecretAccessKey").asText(),
                c.path("SessionToken").asText()), "assumed-role/" + roleName + "/" + sessionName,
                arn.length > 4 ? arn[4] : null);
        changed();
        return true;
    }

    /**
     * The sign-in page of an IAM user: the name (typed, or picked from what ListUsers returns to the acting
     * identity), the password and, on a second step when the user has an MFA device, its code.
     */
    private void openUserSignIn() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("identity.user.title"));
        d.setId("user-signin-dialog");
        Div refused = new Div();
        List<String> names = ConsoleUi.listNames(workspace, "iam", "ListUsers", Params.of(), "Users",
                "UserName", refused);
        ComboBox<String> user = new ComboBox<>(t("identity.user.name"));
        user.setId("signin-user");
        user.setItems(names == null ? List.of() : names);
        user.setAllowCustomValue(true);
        user.addCustomValueSetListener(e -> user.setValue(e.getDetail()));
        PasswordField password = new PasswordField(t("identity.user.password"));
        password.setId("signin-password");
        TextField mfa = new TextField(t("identity.user.mfa"));
        mfa.setId("signin-mfa");
        mfa.setVisible(false);
        // Another user, another sign-in: the code step starts over.
        user.addValueChangeListener(e -> mfa.setVisible(false));
        Paragraph error = new Paragraph();
        error.addClassName("signin-error");
        error.setId("signin-error");
        d.add(new Paragraph(t("identity.user.help", workspace.accountId())), new Div(user), refused,
                new Div(password), new Div(mfa), error);
        Button ok = new Button(t("identity.user.sign-in"), e -> {
            String message = signInAsUser(user.getValue(), password.getValue(), mfa.isVisible() ? mfa.getValue() : null);
            if (message == null) {
                d.close();
            } else if (ConsoleSignIn.MFA_REQUIRED.equals(message)) {
                mfa.setVisible(true);
                mfa.focus();
                error.setText(t("identity.user.mfa-needed"));
            } else {
                error.setText(message);
            }
        });
        ok.setId("signin-submit");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(t("iam.cancel"), e -> d.close()), ok);
        d.open();
    }

    /** The port of the AWS-compatible endpoint, or -1 when it is off (or outside a running Vaadin app). */
    private static int endpointPort() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return -1;
        }
        AwsEndpointServer server = service.getInstantiator().getOrCreate(AwsEndpointServer.class);
        return server == null ? -1 : server.port();
    }

    /** The dialog with the lines for a real AWS CLI: the host the browser used, the endpoint server's port. */
    private void openOwnTerminal(int port) {
        VaadinRequest request = VaadinRequest.getCurrent();
        new OwnTerminalDialog(workspace.actingAs(), workspace.actingLabel(), browserHost(request), port).open();
    }

    /** The host name the browser used for the app (its Host header without the port; IPv6 kept in brackets). */
    static String browserHost(VaadinRequest request) {
        String header = request == null ? null : request.getHeader("Host");
        if (header == null || header.isBlank()) {
            return "localhost";
        }
        String host = header.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : "localhost";
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private void openUseKeys() {
        Dialog d = new Dialog();
        d.setHeaderTitle(t("identity.keys.title"));
        d.setId("use-keys-dialog");
        List<String> names = workspace.terminal().profiles().stream()
                .filter(p -> workspace.terminal().profileKeys(p) != null).toList();
        ComboBox<String> profile = new ComboBox<>(t("identity.keys.profile"));
        profile.setId("use-keys-profile");
        profile.setItems(names);
        profile.setItemLabelGenerator(p -> t("identity.keys.option", p, workspace.terminal().profileKeys(p).accessKeyId()));
        profile.setWidth("360px");
        d.add(new Paragraph(t(names.isEmpty() ? "identity.keys.none" : "identity.keys.help")), new Div(profile));
        Button ok = new Button(t("identity.keys.use"), e -> {
            if (actWithProfile(profile.getValue())) {
                d.close();
            }
        });
        ok.setId("use-keys-submit");
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
        // The choice is what ListRoles returns to the acting identity; any ARN can be typed (another account's).
        Div refused = new Div();
        List<String> arns = ConsoleUi.listNames(workspace, "iam", "ListRoles", Params.of(), "Roles", "Arn",
                refused);
        role.setItems(arns == null ? List.of() : arns);
        role.setWidth("460px");
        TextField session = new TextField(t("identity.role.session"));
        session.setId("switch-role-session");
        session.setValue("console");
        TextField externalId = new TextField(t("identity.role.external-id"));
        TextField serial = new TextField(t("identity.role.mfa-serial"));
        TextField code = new TextField(t("identity.role.mfa-code"));
        d.add(new Paragraph(t("identity.role.help", workspace.actingLabel())), new Div(role), refused, new Div(session),
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
