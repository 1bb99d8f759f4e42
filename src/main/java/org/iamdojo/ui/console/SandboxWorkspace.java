package org.iamdojo.ui.console;

import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.cli.AwsCommandLine;

/**
 * What the console works on: one sandbox, the account the learner looks at, and the identity the learner
 * acts as (root, an IAM user signed in with password and MFA, or an assumed-role session). Every console
 * action goes through {@link #call}, so it is authorized as that identity and recorded in CloudTrail.
 */
public final class SandboxWorkspace {
    /** The source IP the sandbox records for console and terminal calls. */
    public static final String CONSOLE_IP = "203.0.113.10";

    private final Sandbox sandbox;
    private final String accountId;
    private final AwsCommandLine terminal;
    private final CallRoute route;
    private volatile java.util.function.Consumer<java.time.Duration> clockRoute;
    private volatile Credentials actingAs;
    private volatile String actingLabel;

    /** How console calls reach the sandbox (an attempt routes them through itself to remember them). */
    @FunctionalInterface
    public interface CallRoute {
        CallResult call(Credentials credentials, String service, String operation, Params params);
    }

    public SandboxWorkspace(Sandbox sandbox, String accountId, Credentials actingAs, String actingLabel) {
        this(sandbox, accountId, actingAs, actingLabel,
                (credentials, service, operation, params) -> sandbox.call(credentials, service, operation, params, CONSOLE_IP));
    }

    public SandboxWorkspace(Sandbox sandbox, String accountId, Credentials actingAs, String actingLabel, CallRoute route) {
        this.route = route;
        this.sandbox = sandbox;
        this.clockRoute = sandbox.clock()::advance;
        this.accountId = accountId;
        this.actingAs = actingAs;
        this.actingLabel = actingLabel;
        this.terminal = new AwsCommandLine(sandbox, route::call);
    }

    /** The sandbox. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The account shown in the console. */
    public SandboxAccount account() {
        return sandbox.account(accountId);
    }

    /** The account id. */
    public String accountId() {
        return accountId;
    }

    /** The credentials the learner currently acts with. */
    public Credentials actingAs() {
        return actingAs;
    }

    /** A short name of the current identity (e.g. "root", "alice", "assumed-role/Admin/s1"). */
    public String actingLabel() {
        return actingLabel;
    }

    /** Switches the identity the console acts as. */
    public void actAs(Credentials credentials, String label) {
        this.actingAs = credentials;
        this.actingLabel = label;
    }

    /** Calls a sandbox operation as the current identity. */
    public CallResult call(String service, String operation, Params params) {
        return route.call(actingAs, service, operation, params);
    }

    /** Moves sandbox time forward (through the attempt when there is one, so the move is kept). */
    public void advanceClock(java.time.Duration by) {
        clockRoute.accept(by);
    }

    /** Routes clock moves elsewhere (an attempt logs them). */
    public void routeClock(java.util.function.Consumer<java.time.Duration> route) {
        this.clockRoute = route;
    }

    /** The terminal's AWS CLI (keeps its configured profiles for the workspace's life). */
    public AwsCommandLine terminal() {
        return terminal;
    }
}
