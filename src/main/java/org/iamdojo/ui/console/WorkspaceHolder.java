package org.iamdojo.ui.console;

import com.vaadin.flow.server.VaadinSession;
import java.time.Clock;
import java.util.UUID;
import org.iamdojo.iam.SandboxFactory;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.iam.time.SandboxClock;

/**
 * The workspace of the current browser session: the scenario player puts the attempt's sandbox here; without
 * one, the console opens a private playground sandbox (account 111122223333, acting as its root user).
 */
public final class WorkspaceHolder {
    /** The playground's account id. */
    public static final String PLAYGROUND_ACCOUNT = "111122223333";

    private WorkspaceHolder() {
    }

    /** The session's workspace, creating a playground checked by {@code validator} on first use. */
    public static SandboxWorkspace current(PolicyValidator validator) {
        VaadinSession session = VaadinSession.getCurrent();
        SandboxWorkspace workspace = session.getAttribute(SandboxWorkspace.class);
        if (workspace == null) {
            workspace = playground(validator);
            session.setAttribute(SandboxWorkspace.class, workspace);
        }
        return workspace;
    }

    /** Makes a workspace the session's current one. */
    public static void set(SandboxWorkspace workspace) {
        VaadinSession.getCurrent().setAttribute(SandboxWorkspace.class, workspace);
    }

    /** A fresh playground sandbox whose documents are checked by {@code validator} (the app's one instance). */
    public static SandboxWorkspace playground(PolicyValidator validator) {
        Sandbox sandbox = SandboxFactory.create(new SandboxClock(Clock.systemUTC()), System.nanoTime(),
                new EngineAccessEvaluator(), SandboxFactory.validatorChecker(validator));
        sandbox.createAccount(PLAYGROUND_ACCOUNT, "root@playground.example", UUID.randomUUID().toString());
        return new SandboxWorkspace(sandbox, PLAYGROUND_ACCOUNT,
                Credentials.ConsoleSession.root(PLAYGROUND_ACCOUNT, false), "root", validator);
    }
}
