package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.iamdojo.iam.audit.CloudTrail;
import org.iamdojo.iam.audit.TrailEvent;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.time.SandboxClock;
import org.jspecify.annotations.Nullable;

/**
 * A sandbox: one or more AWS accounts side by side, with their clock, STS sessions, simulated resources and
 * CloudTrail. Every call goes one way: resolve the caller → authorize with the engine → change state or
 * answer AccessDenied → record a CloudTrail event. One sandbox is safe under concurrent calls (one lock).
 */
public final class Sandbox {
    private final SandboxClock clock;
    private final IdGenerator ids;
    private final AccessEvaluator evaluator;
    private final Map<String, SandboxAccount> accounts = new LinkedHashMap<>();
    private final Map<String, TemporarySession> sessions = new HashMap<>();
    /** Secret access keys by key id, for checking SigV4 signatures; in memory only (replays make them again). */
    private final Map<String, String> signingSecrets = new HashMap<>();
    private final Map<String, List<List<String>>> scps = new HashMap<>();
    private final Map<String, List<List<String>>> rcps = new HashMap<>();
    private final Map<String, String[]> organizationOf = new HashMap<>();
    /** The operations this sandbox registered itself (those bound to its evaluator); looked up before the shared ones. */
    private final Map<String, Operation> operations = new HashMap<>();
    /** The operations every sandbox shares (they keep no state and reach the sandbox through their context). */
    private Map<String, Operation> sharedOperations = Map.of();
    private final Map<String, Object> extensions = new HashMap<>();
    private final CloudTrail trail = new CloudTrail();
    private final List<MutationListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * The source address of calls that name none (console, terminal, scenario setup): 203.0.113.10, from the block
     * RFC 5737 reserves for documentation (TEST-NET-3), so no real host is ever meant.
     */
    public static final String DEFAULT_SOURCE_IP = "203.0.113.10";
    /** What the root user of a closed account can still reach: billing, account settings and Support. */
    private static final Set<String> POST_CLOSURE_SERVICES = Set.of("aws-portal", "account", "support");
    private final String region = "us-east-1";
    private final Map<String, ManagedPolicy> awsManaged = new TreeMap<>();
    private PolicyChecker policyChecker = PolicyChecker.ACCEPT_ALL;

    private final long seed;
    private final IdGenerator eventIds;
    private long mutations;

    public Sandbox(SandboxClock clock, long seed, AccessEvaluator evaluator) {
        this.clock = clock;
        this.seed = seed;
        this.ids = new IdGenerator(seed);
        this.eventIds = new IdGenerator(~seed);
        this.evaluator = evaluator;
    }

    /** The seed the sandbox was made with: the same seed and the same mutations give the same ids. */
    public long seed() {
        return seed;
    }

    /** How many state-changing operations succeeded (setup, calls and replays). */
    public long mutations() {
        return mutations;
    }

    /**
     * Every state-changing operation draws its ids from a generator seeded by (seed, its position), so
     * replaying the successful mutations in order rebuilds the same ids whatever else happened in between.
     */
    private void beforeMutation() {
        ids.reseed(seed * 0x9E3779B97F4A7C15L + mutations);
    }

    /** Adds an operation (by service and name); services register theirs when the sandbox is built. */
    public void register(Operation operation) {
        operations.put(key(operation.service(), operation.name()), operation);
    }

    /**
     * Uses a table of stateless operations shared with other sandboxes (one copy per server instead of one per
     * sandbox: heap per session), as {@link #operationTable()} of a sandbox they were registered on returns it.
     */
    public void useSharedOperations(Map<String, Operation> table) {
        this.sharedOperations = Map.copyOf(table);
    }

    /** Every operation this sandbox knows, by lower-case service:name key, unmodifiable (for sharing them). */
    public Map<String, Operation> operationTable() {
        Map<String, Operation> all = new HashMap<>(sharedOperations);
        all.putAll(operations);
        return Map.copyOf(all);
    }

    /** The operation registered under service and name (its own first, then the shared ones), or null. */
    private @Nullable Operation operation(String service, String name) {
        String k = key(service, name);
        Operation own = operations.get(k);
        return own != null ? own : sharedOperations.get(k);
    }

    /** Sets the validator that checks documents before they are stored. */
    public void setPolicyChecker(PolicyChecker checker) {
        this.policyChecker = checker;
    }

    /**
     * Rejects a document over its size quota with LimitExceeded, as IAM does, before reading it; then with
     * MalformedPolicyDocument (its findings as detail) when the validator finds errors. Inline policies are
     * measured with their siblings by the caller. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
     */
    public void checkPolicy(String document, PolicyUse use) {
        if (use == PolicyUse.MANAGED && InputLimits.nonWhitespace(document) > InputLimits.MANAGED_POLICY_SIZE) {
            throw AwsException.limitExceeded("Cannot exceed quota for PolicySize: " + InputLimits.MANAGED_POLICY_SIZE);
        }
        if (use == PolicyUse.TRUST && InputLimits.nonWhitespace(document) > InputLimits.TRUST_POLICY_SIZE) {
            throw AwsException.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + InputLimits.TRUST_POLICY_SIZE);
        }
        List<String> errors = policyChecker.errors(document, use);
        if (!errors.isEmpty()) {
            throw AwsException.withFindings("MalformedPolicyDocument", 400, errors.get(0), errors);
        }
    }

    /** Makes an AWS managed policy available to every account of the sandbox. */
    public void addAwsManagedPolicy(String name, String path, String arn, String versionId, String document) {
        ManagedPolicy policy = new ManagedPolicy(name, path, "ANPA" + Integer.toHexString(arn.hashCode()).toUpperCase(),
                arn, true, Instant.parse("2015-02-06T18:39:46Z"));
        policy.versions.add(new ManagedPolicy.PolicyVersion(versionId, document, true, policy.createDate()));
        awsManaged.put(arn, policy);
    }

    /** The AWS managed policy with that ARN, or null. */
    public ManagedPolicy awsManagedPolicy(String arn) {
        return awsManaged.get(arn);
    }

    /** All AWS managed policies known to the sandbox. */
    public Collection<ManagedPolicy> awsManagedPolicies() {
        return Collections.unmodifiableCollection(awsManaged.values());
    }

    /** The managed policy (customer managed in that account, or AWS managed) with that ARN, or null. */
    public ManagedPolicy managedPolicy(SandboxAccount account, String arn) {
        ManagedPolicy p = account.customerPolicy(arn);
        return p != null ? p : awsManaged.get(arn);
    }

    /** Adds an account with its root user (email and password). */
    public SandboxAccount createAccount(String accountId, String rootEmail, String rootPassword) {
        lock.lock();
        try {
            if (accounts.containsKey(accountId)) {
                throw AwsException.alreadyExists("Account " + accountId + " already exists in this sandbox");
            }
            SandboxAccount account = new SandboxAccount(accountId,
                    new RootUser(rootEmail, Secrets.hashPassword(rootPassword, ids.base32(16))));
            accounts.put(accountId, account);
            return account;
        } finally {
            lock.unlock();
        }
    }

    /** The account with that id, or null. */
    public SandboxAccount account(String accountId) {
        return accounts.get(accountId);
    }

    /** All accounts, in creation order. */
    public Collection<SandboxAccount> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    /** Sets the SCPs that govern an account: levels from the organization root down to the account. */
    public void setServiceControlPolicies(String accountId, List<List<String>> levels) {
        scps.put(accountId, List.copyOf(levels.stream().map(List::copyOf).toList()));
    }

    /** The SCP levels governing an account; empty when it is not in an organization. */
    public List<List<String>> serviceControlPolicies(String accountId) {
        return scps.getOrDefault(accountId, List.of());
    }

    /** Sets the RCPs that govern an account's resources: levels from the organization root down to the account. */
    public void setResourceControlPolicies(String accountId, List<List<String>> levels) {
        rcps.put(accountId, List.copyOf(levels.stream().map(List::copyOf).toList()));
    }

    /** The RCP levels governing an account's resources; empty when none apply (no organization, management account). */
    public List<List<String>> resourceControlPolicies(String accountId) {
        return rcps.getOrDefault(accountId, List.of());
    }

    /**
     * Records that an account belongs to an organization (its id o-…, and the account's path
     * o-…/r-…/ou-…/ for aws:PrincipalOrgPaths), or leaves it (null id).
     */
    public void setOrganization(String accountId, String organizationId, String path) {
        if (organizationId == null) {
            organizationOf.remove(accountId);
        } else {
            organizationOf.put(accountId, new String[] {organizationId, path});
        }
    }

    /** The id of the organization the account belongs to, or null. */
    public String organizationId(String accountId) {
        String[] o = accountId == null ? null : organizationOf.get(accountId);
        return o == null ? null : o[0];
    }

    /** The account's path in its organization (o-…/r-…/ou-…/), or null. */
    public String organizationPath(String accountId) {
        String[] o = accountId == null ? null : organizationOf.get(accountId);
        return o == null ? null : o[1];
    }

    /** The sandbox clock. */
    public SandboxClock clock() {
        return clock;
    }

    /** The current sandbox time. */
    public Instant now() {
        return clock.instant();
    }

    /** The id generator (seeded: replays give the same ids). */
    public IdGenerator ids() {
        return ids;
    }

    /** The CloudTrail of the sandbox. */
    public CloudTrail trail() {
        return trail;
    }

    /** The region calls are made in. */
    public String region() {
        return region;
    }

    /** The lock all calls take; services that read state from outside a call take it too. */
    public ReentrantLock lock() {
        return lock;
    }

    /** Per-sandbox state of simulated services (S3, EC2…), created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T extension(Class<T> type, Supplier<T> create) {
        return (T) extensions.computeIfAbsent(type.getName(), k -> create.get());
    }

    /** Listens to successful mutating calls: the durable event log of an attempt. */
    public void addMutationListener(MutationListener listener) {
        listeners.add(listener);
    }

    /** Stops telling a listener (a view that showed the sandbox is gone). */
    public void removeMutationListener(MutationListener listener) {
        listeners.remove(listener);
    }

    /**
     * Asks the engine whether a caller may do what an operation needs, without recording anything: for checks an
     * API makes on its own inputs, e.g. KMS's key policy lockout safety check.
     */
    public AccessEvaluator.AccessOutcome authorize(Caller caller, AccessRequest need) {
        return evaluator.evaluate(this, caller, need);
    }

    /** Stores a new STS session. */
    void putSession(TemporarySession session) {
        sessions.put(session.accessKeyId(), session);
    }

    /** Registers temporary credentials (called by STS operations). */
    public void addSession(TemporarySession session) {
        putSession(session);
    }

    /**
     * Keeps the secret of a new access key or session for checking signed requests (AWS Signature Version 4 needs
     * the secret itself, not a hash). Called by the operations that issue keys; never handed out again.
     */
    public void keepSigningSecret(String accessKeyId, String secretAccessKey) {
        signingSecrets.put(accessKeyId, secretAccessKey);
    }

    /** Every access key id this sandbox issued and still knows (users' and roots' keys, sessions). */
    public Set<String> accessKeyIds() {
        lock.lock();
        try {
            Set<String> ids = new TreeSet<>(sessions.keySet());
            for (SandboxAccount account : accounts.values()) {
                account.root.accessKeys.forEach(k -> ids.add(k.accessKeyId()));
                for (IamUser user : account.users.values()) {
                    user.accessKeys.forEach(k -> ids.add(k.accessKeyId()));
                }
            }
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /** Whether an access key id (AKIA… of a user or root, ASIA… of a session) was issued in this sandbox. */
    public boolean knowsAccessKey(String accessKeyId) {
        lock.lock();
        try {
            if (sessions.containsKey(accessKeyId)) {
                return true;
            }
            for (SandboxAccount account : accounts.values()) {
                if (account.root.accessKeys.stream().anyMatch(k -> k.accessKeyId().equals(accessKeyId))) {
                    return true;
                }
                for (IamUser user : account.users.values()) {
                    if (user.accessKeys.stream().anyMatch(k -> k.accessKeyId().equals(accessKeyId))) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The session with that ASIA… key id, or null. */
    public TemporarySession session(String accessKeyId) {
        return sessions.get(accessKeyId);
    }

    /**
     * Calls an operation with the caller's credentials, authorizing every permission it needs.
     * Never throws for AWS-level errors: the result carries the error (and the Decision when access was denied).
     */
    public CallResult call(Credentials credentials, String service, String operation, Params params, String sourceIp) {
        return invoke(credentials, service, operation, params, sourceIp, null, null);
    }

    /**
     * As {@link #call(Credentials, String, String, Params, String)} for a request from outside the app (the AWS
     * CLI or an SDK through the AWS endpoint): CloudTrail keeps its User-Agent.
     */
    public CallResult call(Credentials credentials, String service, String operation, Params params, String sourceIp,
                           String userAgent) {
        return invoke(credentials, service, operation, params, sourceIp, userAgent, null);
    }

    /**
     * Calls an operation as those credentials for someone who may only look (an instructor viewing a learner's
     * sandbox): an operation that is not read-only, or an unknown one, is answered with {@code refusal} before
     * anything else happens; a read-only one is authorized exactly as {@link #call} authorizes it. Nothing of the
     * look is kept: no CloudTrail event, no mutation listener told, no access key marked as used.
     */
    public CallResult callReadOnly(Credentials credentials, String service, String operation, Params params,
                                   AwsException refusal) {
        return invoke(credentials, service, operation, params, null, null, Objects.requireNonNull(refusal));
    }

    /** One call; {@code readOnlyRefusal} non-null makes it a look that records nothing and refuses writes. */
    private CallResult invoke(Credentials credentials, String service, String operation, Params params,
                              String sourceIp, String userAgent, AwsException readOnlyRefusal) {
        boolean audited = readOnlyRefusal == null;
        lock.lock();
        try {
            Operation op = operation(service, operation);
            if (!audited && changesState(op)) {
                return CallResult.failed(readOnlyRefusal, null, null);
            }
            Instant now = now();
            String ip = sourceIp == null ? DEFAULT_SOURCE_IP : sourceIp;
            Caller caller;
            try {
                caller = resolve(credentials, now, audited);
                if (audited) {
                    noteKeyService(caller.accessKeyId(), service);
                }
                refuseBeforePolicies(caller, service);
            } catch (AwsException e) {
                return CallResult.failed(e, null, null);
            }
            if (op == null) {
                AwsException e = new AwsException("InvalidAction", 400,
                        "The action " + operation + " is not valid for this web service (" + service + ").");
                return CallResult.failed(e, null,
                        record(caller, service, operation, true, params, null, e, now, ip, userAgent, List.of()));
            }
            SandboxAccount account = caller.accountId() == null ? null : accounts.get(caller.accountId());
            OperationContext ctx = new OperationContext(this, caller, account, now);
            // Accounts whose resources the call touches also receive the event (cross-account CloudTrail).
            List<String> resourceAccounts = new ArrayList<>();
            try {
                InputLimits.check(op.service(), params);
                for (AccessRequest asked : op.access(ctx, params)) {
                    AccessRequest need = asked.fromSourceIp(ip);
                    InputLimits.resourceArn(need.resourceArn());
                    if (need.resourceAccount() != null && !resourceAccounts.contains(need.resourceAccount())) {
                        resourceAccounts.add(need.resourceAccount());
                    }
                    AccessEvaluator.AccessOutcome outcome = evaluator.evaluate(this, caller, need);
                    if (!outcome.allowed()) {
                        AwsException owned = ServiceLinkedRoles.deniedOnlyAsAwsOwned(caller, outcome.decision())
                                ? ServiceLinkedRoles.refusal(ctx, op.service(), op.name(), params) : null;
                        AwsException denied = owned != null ? withDecision(owned, outcome.decision())
                                : accessDenied(caller, need, outcome);
                        TrailEvent event = audited ? record(caller, op.service(), op.name(), op.readOnly(), params,
                                null, denied, now, ip, userAgent, resourceAccounts) : null;
                        return CallResult.failed(denied, outcome.decision(), event);
                    }
                }
                AwsException owned = ServiceLinkedRoles.refusal(ctx, op.service(), op.name(), params);
                if (owned != null) {
                    // Allowed by the policies (or the root user), refused by IAM: AWS manages this role.
                    throw owned;
                }
                if (!op.readOnly()) {
                    beforeMutation();
                }
                Operation.Outcome outcome = op.run(ctx, params);
                ObjectNode response = outcome.response();
                TrailEvent event = audited ? record(caller, op.service(), op.name(), op.readOnly(), params,
                        op.logsResponse() ? response : null, null, now, ip, userAgent, resourceAccounts) : null;
                if (!op.readOnly()) {
                    mutations++;
                    MutationRecord mutation = new MutationRecord(now, caller, op.service(), op.name(), params, event);
                    listeners.forEach(l -> l.mutated(mutation));
                }
                return CallResult.ok(response, event, outcome.detail());
            } catch (AwsException e) {
                return CallResult.failed(e, e.decision(), audited ? record(caller, op.service(), op.name(),
                        op.readOnly(), params, null, e, now, ip, userAgent, resourceAccounts) : null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs an operation as the account's owner without authorization or CloudTrail: scenario setup and replays. */
    public ObjectNode setup(String accountId, String service, String operation, Params params) {
        lock.lock();
        try {
            SandboxAccount account = accounts.get(accountId);
            if (account == null) {
                throw AwsException.noSuchEntity("No account " + accountId + " in this sandbox");
            }
            Operation op = operation(service, operation);
            if (op == null) {
                throw new AwsException("InvalidAction", 400, "Unknown operation " + service + ":" + operation);
            }
            Caller root = rootCaller(account, false);
            beforeMutation();
            ObjectNode response = op.execute(new OperationContext(this, root, account, now()), params);
            mutations++;
            return response;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-applies a successful mutation recorded earlier (after a restart): as the same caller, at the same
     * sandbox time, without authorization, CloudTrail or listeners. Temporary sessions are found by key id,
     * since replaying the AssumeRole that made them recreated them with the same ids.
     */
    public void replay(MutationRecord record) {
        lock.lock();
        try {
            Operation op = operation(record.service(), record.operation());
            if (op == null) {
                throw new AwsException("InvalidAction", 400, "Unknown operation " + record.service() + ":" + record.operation());
            }
            Caller caller = record.caller();
            if (caller.session() == null && caller.accessKeyId() != null && sessions.containsKey(caller.accessKeyId())) {
                TemporarySession session = sessions.get(caller.accessKeyId());
                caller = new Caller(caller.type(), caller.accountId(), caller.arn(), caller.principalId(),
                        caller.userName(), caller.accessKeyId(), caller.mfaAuthenticated(), caller.issuerArn(), session);
            }
            SandboxAccount account = caller.accountId() == null ? null : accounts.get(caller.accountId());
            clock.pin(record.time());
            try {
                beforeMutation();
                op.execute(new OperationContext(this, caller, account, record.time()), record.params());
                mutations++;
            } finally {
                clock.unpin();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The long-term access key (a user's or a root's) with that id, or null; sessions' ASIA… ids have none. */
    private AccessKey longTermKey(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.startsWith("ASIA")) {
            return null;
        }
        for (SandboxAccount account : accounts.values()) {
            for (AccessKey key : account.root.accessKeys) {
                if (key.accessKeyId().equals(accessKeyId)) {
                    return key;
                }
            }
            for (IamUser user : account.users.values()) {
                for (AccessKey key : user.accessKeys) {
                    if (key.accessKeyId().equals(accessKeyId)) {
                        return key;
                    }
                }
            }
        }
        return null;
    }

    /** The service a long-term key was last used with (GetAccessKeyLastUsed's ServiceName). */
    private void noteKeyService(String accessKeyId, String service) {
        AccessKey key = longTermKey(accessKeyId);
        if (key != null) {
            key.lastUsedService = service;
        }
    }

    /**
     * Sets a long-term key's last use (date and service) from the CloudTrail record of a call it signed: a restart
     * rebuilds GetAccessKeyLastUsed's answer from the attempt's log, where only the key's changes are mutations.
     * A key the sandbox no longer has, or a session's key, is passed over.
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
     */
    public void restoreKeyUse(String accessKeyId, Instant when, String service) {
        lock.lock();
        try {
            AccessKey key = longTermKey(accessKeyId);
            if (key != null && (key.lastUsedDate == null || !when.isBefore(key.lastUsedDate))) {
                key.lastUsedDate = when;
                key.lastUsedService = service;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Works out who is calling; AWS's errors for unknown, wrong, inactive or expired credentials. */
    public Caller resolve(Credentials credentials, Instant now) {
        return resolve(credentials, now, true);
    }

    /** As {@link #resolve(Credentials, Instant)}; {@code markUsed} false leaves access keys' last-used dates. */
    private Caller resolve(Credentials credentials, Instant now, boolean markUsed) {
        if (credentials instanceof Credentials.ConsoleSession s) {
            return resolveConsole(s);
        }
        if (credentials instanceof Credentials.AccessKeyPair k) {
            return resolveKey(k.accessKeyId(), k.sessionToken(), (id, hash) -> Secrets.secretMatches(k.secretAccessKey(), hash),
                    now, markUsed);
        }
        if (credentials instanceof Credentials.SignedRequest r) {
            // The kept secret must still be the key's (its hash), and the request's signature must be the one it gives.
            return resolveKey(r.accessKeyId(), r.sessionToken(), (id, hash) -> {
                String secret = signingSecrets.get(id);
                return secret != null && Secrets.secretMatches(secret, hash) && r.signature().matches(secret);
            }, now, markUsed);
        }
        Credentials.ServicePrincipal sp = (Credentials.ServicePrincipal) credentials;
        return new Caller(CallerType.AWS_SERVICE, null, sp.service(), sp.service(), null, null, false, null, null);
    }

    private Caller resolveConsole(Credentials.ConsoleSession s) {
        SandboxAccount account = accounts.get(s.accountId());
        if (account == null) {
            throw invalidToken();
        }
        if (s.isRoot()) {
            return rootCaller(account, s.mfaAuthenticated());
        }
        IamUser user = account.user(s.userName());
        if (user == null) {
            throw invalidToken();
        }
        return userCaller(account, user, null, s.mfaAuthenticated());
    }

    /** Proves that the caller holds the secret of a key id, given the hash the sandbox stores of it. */
    @FunctionalInterface
    private interface SecretProof {
        boolean holds(String accessKeyId, String secretHash);
    }

    private Caller resolveKey(String id, String sessionToken, SecretProof proof, Instant now, boolean markUsed) {
        if (id != null && id.startsWith("ASIA")) {
            TemporarySession session = sessions.get(id);
            if (session == null || sessionToken == null) {
                throw invalidToken();
            }
            if (!Secrets.secretMatches(sessionToken, session.tokenHash())) {
                throw invalidToken();
            }
            if (!proof.holds(id, session.secretHash())) {
                throw new AwsException("SignatureDoesNotMatch", 403,
                        "The request signature we calculated does not match the signature you provided.");
            }
            if (!session.validAt(now)) {
                throw new AwsException("ExpiredToken", 400, "The security token included in the request is expired");
            }
            String principalId = session.kind() == SessionKind.ASSUMED_ROLE
                    ? roleId(session) + ":" + session.sessionName() : id;
            CallerType type = session.kind().callerType();
            String userName = session.kind() == SessionKind.SESSION_TOKEN ? session.roleOrUserName() : null;
            if (session.kind() == SessionKind.SESSION_TOKEN) {
                SandboxAccount account = accounts.get(session.accountId());
                IamUser user = account == null ? null : account.user(session.roleOrUserName());
                if (user == null) {
                    throw invalidToken();
                }
                principalId = user.id();
            }
            return new Caller(type, session.accountId(), session.principalArn(), principalId, userName, id,
                    session.mfaAuthenticated(), session.issuerArn(), session);
        }
        for (SandboxAccount account : accounts.values()) {
            for (AccessKey key : account.root.accessKeys) {
                if (key.accessKeyId().equals(id)) {
                    checkKey(key, proof, now, markUsed);
                    Caller root = rootCaller(account, false);
                    return new Caller(root.type(), root.accountId(), root.arn(), root.principalId(), null, id,
                            false, null, null);
                }
            }
            for (IamUser user : account.users.values()) {
                for (AccessKey key : user.accessKeys) {
                    if (key.accessKeyId().equals(id)) {
                        checkKey(key, proof, now, markUsed);
                        return userCaller(account, user, id, false);
                    }
                }
            }
        }
        throw invalidToken();
    }

    /**
     * Refusals that come before any policy is read.
     * <ul>
     * <li>A closed account: "You will no longer be able to access AWS services that were previously available in
     * your account. However, you can sign-in and access a closed AWS account during the post-closure period only to
     * view past billing information, access account settings, or contact AWS Support."
     * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-closing.html; "other than signing in as the
     * root user" https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_close.html. AWS
     * documents no error code for it: the account's access keys and sessions are refused as credentials AWS no
     * longer accepts (InvalidClientTokenId), the root user's console session with AccessDenied.</li>
     * <li>GetSessionToken credentials without MFA: "You cannot call any IAM API operations unless MFA
     * authentication information is included in the request."
     * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html. AWS answers
     * InvalidClientTokenId (the page does not say; observed in
     * https://dev.classmethod.jp/articles/tsnote-iam-invalidclienttokenid-error-solution/). Its other limit, no STS
     * API but AssumeRole and GetCallerIdentity, is GetSessionToken's own check: the sandbox has no other STS API.</li>
     * </ul>
     */
    private void refuseBeforePolicies(Caller caller, String service) {
        SandboxAccount account = caller.accountId() == null ? null : accounts.get(caller.accountId());
        if (account != null && account.closed()) {
            boolean rootConsole = caller.isRoot() && caller.accessKeyId() == null && caller.session() == null;
            if (!rootConsole) {
                throw invalidToken();
            }
            if (!POST_CLOSURE_SERVICES.contains(service.toLowerCase())) {
                throw new AwsException("AccessDenied", 403, "The AWS account " + account.accountId() + " is closed. "
                        + "During the post-closure period you can only view past billing information, access account "
                        + "settings, or contact AWS Support.");
            }
        }
        if (caller.session() != null && caller.session().kind() == SessionKind.SESSION_TOKEN && !caller.mfaAuthenticated()
                && "iam".equalsIgnoreCase(service)) {
            throw invalidToken();
        }
    }

    private String roleId(TemporarySession session) {
        SandboxAccount account = accounts.get(session.accountId());
        IamRole role = account == null ? null : account.role(session.roleOrUserName());
        return role == null ? "AROA" : role.id();
    }

    private static void checkKey(AccessKey key, SecretProof proof, Instant now, boolean markUsed) {
        if (!key.active()) {
            throw new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        }
        if (!proof.holds(key.accessKeyId(), key.secretHash())) {
            throw new AwsException("SignatureDoesNotMatch", 403,
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your AWS Secret Access Key and signing method.");
        }
        if (markUsed) {
            key.lastUsedDate = now;
        }
    }

    private static AwsException invalidToken() {
        return new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }

    static Caller rootCaller(SandboxAccount account, boolean mfa) {
        return new Caller(CallerType.ROOT, account.accountId(), account.rootArn(), account.accountId(), null, null, mfa, null, null);
    }

    static Caller userCaller(SandboxAccount account, IamUser user, String accessKeyId, boolean mfa) {
        return new Caller(CallerType.IAM_USER, account.accountId(), user.arn(), user.id(), user.name(), accessKeyId, mfa, null, null);
    }

    /** The same AWS error carrying the engine's trace (why the engine refused it). */
    private static AwsException withDecision(AwsException e, Decision decision) {
        return new AwsException(e.code(), e.httpStatus(), e.getMessage(), decision);
    }

    private static AwsException accessDenied(Caller caller, AccessRequest need, AccessEvaluator.AccessOutcome outcome) {
        String message = "User: " + caller.arn() + " is not authorized to perform: " + need.action()
                + (need.resourceArn() == null ? "" : " on resource: " + need.resourceArn())
                + (outcome.denialReason() == null ? "" : " " + outcome.denialReason());
        return new AwsException(accessDeniedCode(need.action()), 403, message, outcome.decision());
    }

    /**
     * The error code of a denied request: AccessDenied, except for the JSON-protocol services that name it
     * AccessDeniedException (https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html,
     * https://docs.aws.amazon.com/organizations/latest/APIReference/CommonErrors.html).
     */
    static String accessDeniedCode(String action) {
        String service = action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase();
        return switch (service) {
            case "kms", "organizations", "cloudtrail" -> "AccessDeniedException";
            default -> "AccessDenied";
        };
    }

    /**
     * Appends the event for the caller's account and a copy for every other sandbox account whose resources
     * the call touched, as CloudTrail delivers cross-account calls to both sides; returns the caller-side event.
     */
    private TrailEvent record(Caller caller, String service, String operation, boolean readOnly, Params params,
                              ObjectNode response, AwsException error, Instant now, String sourceIp,
                              String userAgent, List<String> resourceAccounts) {
        List<String> recipients = new ArrayList<>();
        if (caller.accountId() != null) {
            recipients.add(caller.accountId());
        }
        resourceAccounts.stream().filter(a -> !recipients.contains(a) && accounts.containsKey(a))
                .forEach(recipients::add);
        if (recipients.isEmpty()) {
            recipients.add(null);
        }
        TrailEvent first = null;
        for (String recipient : recipients) {
            TrailEvent event = new TrailEvent(eventIds.uniqueId("", 32).toLowerCase(), now, eventSource(service), operation,
                    region, caller.type().awsName(), caller.arn(), caller.principalId(), caller.accountId(), caller.accessKeyId(),
                    caller.issuerArn(), caller.mfaAuthenticated(), sourceIp,
                    CloudTrail.redact(params == null ? null : params.json()), CloudTrail.redact(response),
                    error == null ? null : error.code(), error == null ? null : error.getMessage(),
                    recipient, readOnly, userAgent);
            trail.record(event);
            if (first == null) {
                first = event;
            }
        }
        return first;
    }

    /** CloudTrail's eventSource for a service prefix. */
    public static String eventSource(String service) {
        return switch (service) {
            case "cloudwatch" -> "monitoring.amazonaws.com";
            case "signin" -> "signin.amazonaws.com";
            default -> service + ".amazonaws.com";
        };
    }

    private static String key(String service, String name) {
        return service.toLowerCase() + ":" + name.toLowerCase();
    }

    /** Whether a call of this operation changes state: a registered write, or a name the sandbox does not know. */
    public boolean changesState(String service, String operation) {
        return changesState(operation(service, operation));
    }

    /** The one rule for both the read-only view's refusal and the board's count of changes. */
    private static boolean changesState(@Nullable Operation op) {
        return op == null || !op.readOnly();
    }

    /** The names of all registered operations, sorted. */
    public List<String> operationNames() {
        List<String> names = new ArrayList<>();
        operationTable().values().forEach(o -> names.add(o.service() + ":" + o.name()));
        Collections.sort(names);
        return names;
    }

    /** A JSON node factory for services. */
    public static JsonNodeFactory json() {
        return JsonNodeFactory.instance;
    }

    /** Receives every successful mutating call. */
    @FunctionalInterface
    public interface MutationListener {
        void mutated(MutationRecord record);
    }

    /**
     * A successful mutating call: enough to replay it on a fresh sandbox with the same seed (the caller without
     * its session object, which replay finds again), plus the CloudTrail event it left.
     */
    public record MutationRecord(Instant time, Caller caller, String service, String operation, Params params,
                                 TrailEvent event) {
    }
}
