package org.iamdojo.ui.console;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Shows which identity the console acts as, and lets the learner switch: root, an IAM user (signing in with
 * the password and MFA code set in the sandbox) or an assumed-role session.
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
        add(who);
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
}
