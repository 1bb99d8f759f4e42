package org.iamdojo.ui.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cli.AwsCommandLine;
import org.iamdojo.iam.policy.validation.PolicyValidator;

/**
 * What the console works on: one sandbox, the account the learner looks at, and the identity the learner
 * acts as (root, an IAM user signed in with password and MFA, or an assumed-role session). Every console
 * action and every read for display goes through {@link #call}, so it is authorized as that identity, runs
 * under the sandbox's lock and is recorded in CloudTrail; there is no other way to the account's state.
 */
public final class SandboxWorkspace {
    /** The source IP the sandbox records for console and terminal calls. */
    public static final String CONSOLE_IP = Sandbox.DEFAULT_SOURCE_IP;

    private final Sandbox sandbox;
    private volatile String accountId;
    private volatile List<String> rootAccounts;
    private final AwsCommandLine terminal;
    private final CallRoute route;
    private final PolicyValidator validator;
    private volatile Consumer<Duration> clockRoute;
    private volatile Credentials actingAs;
    private volatile String actingLabel;
    private volatile Scope scope = Runnable::run;

    /** Runs a piece of console work whose calls are saved together (an attempt commits their log entries at once). */
    @FunctionalInterface
    public interface Scope {
        void run(Runnable work);
    }

    /** How console calls reach the sandbox (an attempt routes them through itself to remember them). */
    @FunctionalInterface
    public interface CallRoute {
        CallResult call(Credentials credentials, String service, String operation, Params params);
    }

    public SandboxWorkspace(Sandbox sandbox, String accountId, Credentials actingAs, String actingLabel,
                            PolicyValidator validator) {
        this(sandbox, accountId, actingAs, actingLabel, validator,
                (credentials, service, operation, params) -> sandbox.call(credentials, service, operation, params, CONSOLE_IP));
    }

    /** @param validator the app's policy validator, for the policy editors' findings */
    public SandboxWorkspace(Sandbox sandbox, String accountId, Credentials actingAs, String actingLabel,
                            PolicyValidator validator, CallRoute route) {
        this.route = route;
        this.validator = validator;
        this.sandbox = sandbox;
        this.clockRoute = sandbox.clock()::advance;
        this.accountId = accountId;
        this.rootAccounts = List.of(accountId);
        this.actingAs = actingAs;
        this.actingLabel = actingLabel;
        this.terminal = new AwsCommandLine(sandbox, route::call);
    }

    /** The sandbox. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The app's policy validator (the one the sandbox checks documents with), for findings shown while editing. */
    public PolicyValidator validator() {
        return validator;
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

    /** Switches the identity the console acts as, in the account shown now. */
    public void actAs(Credentials credentials, String label) {
        actAs(credentials, label, accountId);
    }

    /**
     * Switches the identity the console acts as and the account it shows (the identity's own account, as a call
     * made with it said; null keeps the account shown).
     */
    public void actAs(Credentials credentials, String label, String accountId) {
        this.actingAs = credentials;
        this.actingLabel = label;
        if (accountId != null) {
            this.accountId = accountId;
        }
    }

    /** The accounts whose root user the learner may act as: the home account first. */
    public List<String> rootAccounts() {
        return rootAccounts;
    }

    /** Lets the learner also act as root of these accounts (a scenario whose story gives them several). */
    public void allowRootOf(List<String> others) {
        List<String> all = new ArrayList<>(List.of(rootAccounts.get(0)));
        others.stream().filter(a -> !all.contains(a)).forEach(all::add);
        this.rootAccounts = List.copyOf(all);
    }

    /** Saves the calls made inside a piece of work together (an attempt's {@code inOneWrite}). */
    public void routeScope(Scope scope) {
        this.scope = Objects.requireNonNull(scope);
    }

    /**
     * Runs console work that makes several calls (a page reading what it shows) so their log entries are saved in
     * one durable write before the work returns, instead of one write per call.
     */
    public void inOneWrite(Runnable work) {
        scope.run(work);
    }

    /** Calls a sandbox operation as the current identity. */
    public CallResult call(String service, String operation, Params params) {
        return route.call(actingAs, service, operation, params);
    }

    /** Calls a sandbox operation with other credentials (keys about to be used), along the same route. */
    public CallResult callAs(Credentials credentials, String service, String operation, Params params) {
        return route.call(credentials, service, operation, params);
    }

    /**
     * Moves sandbox time forward (through the attempt when there is one, so the move is kept); refused with
     * IllegalStateException when the clock is fixed.
     */
    public void advanceClock(Duration by) {
        Consumer<Duration> route = clockRoute;
        if (route == null) {
            throw new IllegalStateException("The sandbox clock of this workspace cannot be moved");
        }
        route.accept(by);
    }

    /** Routes clock moves elsewhere (an attempt logs them). */
    public void routeClock(Consumer<Duration> route) {
        this.clockRoute = Objects.requireNonNull(route);
    }

    /** Keeps sandbox time where it is (a read-only look at someone's sandbox): the clock controls hide. */
    public void fixClock() {
        this.clockRoute = null;
    }

    /** Whether this workspace may move sandbox time. */
    public boolean clockMovable() {
        return clockRoute != null;
    }

    /** The terminal's AWS CLI (keeps its configured profiles for the workspace's life). */
    public AwsCommandLine terminal() {
        return terminal;
    }
}
