package org.iamdojo.iam.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.Caller;
import org.iamdojo.iam.account.CallerType;
import org.iamdojo.iam.account.EngineAccessEvaluator;
import org.iamdojo.iam.account.IamGroup;
import org.iamdojo.iam.account.IamRole;
import org.iamdojo.iam.account.IamUser;
import org.iamdojo.iam.account.InstanceProfile;
import org.iamdojo.iam.account.ManagedPolicy;
import org.iamdojo.iam.account.PolicyHolder;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.account.SandboxAccount;
import org.iamdojo.iam.account.SessionKind;
import org.iamdojo.iam.account.TemporarySession;
import org.iamdojo.iam.cloud.Ec2Operations;
import org.iamdojo.iam.cloud.Ec2State;
import org.iamdojo.iam.cloud.S3Operations;
import org.iamdojo.iam.cloud.S3State;
import org.iamdojo.iam.eval.AnalysisProbe;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.Statement;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@link AccessMap} of sandbox accounts with the policy engine. Every "can" edge and every
 * escalation step is an engine decision for a request built exactly as a sandbox call would build it (the
 * caller's policies, boundary, SCPs, the resource's own policy). Representative actions, fixed and few:
 * <ul>
 * <li>can assume: sts:AssumeRole on the role with its trust policy (cross-account included);</li>
 * <li>can read / can write a bucket: s3:GetObject / s3:PutObject on one of its first {@value #KEYS_PER_BUCKET}
 * object keys, or on the key {@value #PROBE_KEY} when it is empty, with the bucket policy;</li>
 * <li>"stronger than": {@link #POWER_PROBES} on "*" and the bucket edges; a target is stronger when it has one
 * the principal lacks; a principal with every probe is an administrator and needs no escalation.</li>
 * </ul>
 * Call under the sandbox's lock. Techniques: {@link Technique}.
 */
public final class AccessMapper {
    /** The key a read/write probe uses in an empty bucket. */
    public static final String PROBE_KEY = "dojo-probe-object";
    /** How many existing object keys a bucket probe tries. */
    public static final int KEYS_PER_BUCKET = 3;
    /** The session name of probe AssumeRole requests. */
    static final String SESSION_NAME = "dojo-access-map";
    /**
     * Representative sensitive actions, evaluated on "*", that measure what a principal can do (none whose
     * resource policy must allow, such as sts:AssumeRole or kms:Decrypt: on "*" they are always denied).
     */
    public static final List<String> POWER_PROBES = List.of("iam:CreateUser", "iam:AttachUserPolicy",
            "iam:PutUserPolicy", "iam:AttachRolePolicy", "iam:CreatePolicyVersion", "iam:CreateAccessKey",
            "iam:PassRole", "iam:UpdateAssumeRolePolicy", "s3:GetObject", "s3:PutObject",
            "s3:DeleteBucket", "ec2:RunInstances", "ec2:TerminateInstances", "kms:CreateKey",
            "cloudtrail:StopLogging", "organizations:LeaveOrganization");
    private static final String EC2 = "ec2.amazonaws.com";

    private final EngineAccessEvaluator evaluator;
    private final Authorizer authorizer = new Authorizer();
    private final boolean straightforward;

    /** A mapper building its requests with {@code evaluator} (which caches compiled policies). */
    public AccessMapper(EngineAccessEvaluator evaluator) {
        this(evaluator, false);
    }

    /**
     * {@code straightforward}: build every request from scratch and ask the engine every question, without the
     * per-map shortcuts (prepared callers, the action index); the same map, slower, for tests that compare.
     */
    AccessMapper(EngineAccessEvaluator evaluator, boolean straightforward) {
        this.evaluator = evaluator;
        this.straightforward = straightforward;
    }

    /** The map of {@code accountIds} (those of the sandbox); buckets and instances only when asked. */
    public AccessMap map(Sandbox sandbox, List<String> accountIds, boolean buckets, boolean instances) {
        return new Run(sandbox, accountIds, buckets, instances).build();
    }

    /** A user or role that makes requests, with the caller the engine sees. */
    private record Principal(MapNode node, Caller caller, SandboxAccount account, PolicyHolder holder) {
    }

    private final class Run {
        private final Sandbox sandbox;
        private final List<SandboxAccount> accounts = new ArrayList<>();
        private final boolean buckets;
        private final boolean instances;
        private final Map<String, MapNode> nodes = new LinkedHashMap<>();
        private final List<MapEdge> edges = new ArrayList<>();
        private final List<Principal> principals = new ArrayList<>();
        private final Map<String, Set<String>> power = new HashMap<>();
        private final Map<String, Map<String, MapEdge>> assumable = new HashMap<>();
        private final List<EscalationPath> paths = new ArrayList<>();
        private final List<String> admins = new ArrayList<>();
        /** Per principal: its {@link EngineAccessEvaluator.PreparedCaller}, or the exception preparing it threw. */
        private final Map<Principal, Object> prepared = new IdentityHashMap<>();
        /** Per role ARN: whether EC2 may assume it. */
        private final Map<String, Boolean> ec2Trust = new HashMap<>();
        /** Per principal and action: whether an identity Allow statement matches it ({@link #mayAllow}). */
        private final Map<Principal, Map<String, Boolean>> actionIndex = new IdentityHashMap<>();

        Run(Sandbox sandbox, List<String> accountIds, boolean buckets, boolean instances) {
            this.sandbox = sandbox;
            for (String id : accountIds) {
                SandboxAccount a = sandbox.account(id);
                if (a != null) {
                    accounts.add(a);
                }
            }
            this.buckets = buckets;
            this.instances = instances;
        }

        AccessMap build() {
            for (SandboxAccount a : accounts) {
                configuration(a);
            }
            List<S3State.Bucket> bucketList = buckets ? S3Operations.state(sandbox).buckets().stream()
                    .filter(b -> accounts.stream().anyMatch(a -> a.accountId().equals(b.ownerAccountId()))).toList()
                    : List.of();
            bucketList.forEach(b -> node(b.arn(), NodeKind.BUCKET, b.name(), b.ownerAccountId()));
            if (instances) {
                instanceNodes();
            }
            for (Principal p : principals) {
                Set<String> has = new LinkedHashSet<>();
                for (String action : POWER_PROBES) {
                    EngineCheck c = check(p, action, null, p.account().accountId(), null, Map.of(), List.of());
                    if (c != null && c.allowed()) {
                        has.add(action);
                    }
                }
                for (S3State.Bucket b : bucketList) {
                    bucketEdge(p, b, "s3:GetObject", EdgeKind.CAN_READ, has);
                    bucketEdge(p, b, "s3:PutObject", EdgeKind.CAN_WRITE, has);
                }
                power.put(p.node().id(), has);
                assumable.put(p.node().id(), new LinkedHashMap<>());
                for (SandboxAccount a : accounts) {
                    for (IamRole r : a.roles()) {
                        if (r.arn().equals(p.node().id())) {
                            continue;
                        }
                        EngineCheck c = check(p, "sts:AssumeRole", r.arn(), a.accountId(), r.trustPolicy(),
                                Map.of("sts:RoleSessionName", List.of(SESSION_NAME)), List.of());
                        if (c != null && c.allowed()) {
                            MapEdge e = new MapEdge(p.node().id(), r.arn(), EdgeKind.CAN_ASSUME, List.of(c));
                            edges.add(e);
                            assumable.get(p.node().id()).put(r.arn(), e);
                        }
                    }
                }
            }
            for (Principal p : principals) {
                if (power.get(p.node().id()).containsAll(POWER_PROBES)) {
                    admins.add(p.node().id());
                } else {
                    escalations(p);
                }
            }
            inherited();
            return new AccessMap(accounts.stream().map(SandboxAccount::accountId).toList(),
                    List.copyOf(nodes.values()), edges, paths, admins, buckets, instances);
        }

        private void bucketEdge(Principal p, S3State.Bucket b, String action, EdgeKind kind, Set<String> has) {
            List<String> keys = b.objects().keySet().stream().limit(KEYS_PER_BUCKET).toList();
            if (keys.isEmpty()) {
                keys = List.of(PROBE_KEY);
            }
            List<EngineCheck> tried = new ArrayList<>();
            for (String key : keys) {
                EngineCheck c = check(p, action, b.arn() + "/" + key, b.ownerAccountId(), b.policy(), Map.of(),
                        List.of());
                if (c == null) {
                    continue;
                }
                if (c.allowed()) {
                    tried.add(0, c);
                    edges.add(new MapEdge(p.node().id(), b.arn(), kind, tried));
                    has.add(action + " " + b.arn());
                    return;
                }
                tried.add(c);
            }
        }

        private void configuration(SandboxAccount a) {
            String acct = a.accountId();
            node(a.rootArn(), NodeKind.ROOT, "root", acct);
            for (IamGroup g : a.groups()) {
                node(g.arn(), NodeKind.GROUP, g.name(), acct);
                policies(a, g);
            }
            for (IamUser u : a.users()) {
                MapNode n = node(u.arn(), NodeKind.USER, u.name(), acct);
                principals.add(new Principal(n, new Caller(CallerType.IAM_USER, acct, u.arn(), u.id(), u.name(), null,
                        false, null, null), a, u));
                for (String g : u.groups()) {
                    IamGroup group = a.group(g);
                    if (group != null) {
                        edges.add(MapEdge.fact(u.arn(), group.arn(), EdgeKind.MEMBER_OF));
                    }
                }
                policies(a, u);
            }
            for (IamRole r : a.roles()) {
                MapNode n = node(r.arn(), NodeKind.ROLE, r.name(), acct);
                TemporarySession session = new TemporarySession("ASIAACCESSMAPPROBE00", "", "",
                        sandbox.now().plusSeconds(3600), SessionKind.ASSUMED_ROLE, acct, r.name(), r.arn(),
                        SESSION_NAME, null, Map.of(), false, false, null);
                principals.add(new Principal(n, new Caller(CallerType.ASSUMED_ROLE, acct, session.principalArn(),
                        r.id() + ":" + SESSION_NAME, null, session.accessKeyId(), false, r.arn(), session), a, r));
                policies(a, r);
            }
            for (InstanceProfile ip : a.instanceProfiles()) {
                node(ip.arn(), NodeKind.INSTANCE_PROFILE, ip.name(), acct);
                IamRole r = ip.roleName() == null ? null : a.role(ip.roleName());
                if (r != null) {
                    edges.add(MapEdge.fact(r.arn(), ip.arn(), EdgeKind.IN_PROFILE));
                }
            }
        }

        private void policies(SandboxAccount a, PolicyHolder h) {
            for (String arn : h.attachedPolicyArns()) {
                ManagedPolicy mp = sandbox.managedPolicy(a, arn);
                if (mp != null) {
                    node(arn, NodeKind.MANAGED_POLICY, mp.name(), mp.awsManaged() ? null : a.accountId());
                    edges.add(MapEdge.fact(h.arn(), arn, EdgeKind.ATTACHED));
                }
            }
            for (String name : h.inlinePolicies().keySet()) {
                String id = h.arn() + "#inline/" + name;
                node(id, NodeKind.INLINE_POLICY, name, a.accountId());
                edges.add(MapEdge.fact(h.arn(), id, EdgeKind.INLINE));
            }
        }

        private void instanceNodes() {
            for (Ec2State.Instance i : Ec2Operations.state(sandbox).instances()) {
                if (i.state().equals("terminated") || accounts.stream().noneMatch(a -> a.accountId().equals(i.accountId()))) {
                    continue;
                }
                String arn = i.arn(sandbox.region());
                node(arn, NodeKind.INSTANCE, i.instanceId(), i.accountId());
                if (i.instanceProfileArn() != null && nodes.containsKey(i.instanceProfileArn())) {
                    edges.add(MapEdge.fact(i.instanceProfileArn(), arn, EdgeKind.RUNS_ON));
                }
            }
        }

        private MapNode node(String id, NodeKind kind, String name, @Nullable String account) {
            return nodes.computeIfAbsent(id, k -> new MapNode(id, kind, name, account));
        }

        /** The principal's policies and own context keys, worked out once per map (the sandbox does not change). */
        private EngineAccessEvaluator.PreparedCaller prepared(Principal p) {
            Object known = prepared.computeIfAbsent(p, k -> {
                try {
                    return evaluator.prepare(sandbox, k.caller());
                } catch (RuntimeException e) {
                    return e;
                }
            });
            if (known instanceof RuntimeException e) {
                throw e;
            }
            return (EngineAccessEvaluator.PreparedCaller) known;
        }

        /** One engine decision for the principal; {@code extra} identity policies model a change (joining a group). */
        private @Nullable EngineCheck check(Principal p, String action, @Nullable String resource,
                                            @Nullable String resourceAccount, @Nullable String resourcePolicy,
                                            Map<String, List<String>> context, List<CompiledPolicy> extra) {
            try {
                AccessRequest need = new AccessRequest(action, resource, resourceAccount, resourcePolicy, context);
                if (straightforward) {
                    return decide(evaluator.request(sandbox, p.caller(), need), action, resource, extra);
                }
                if (resourcePolicy == null && !mayAllow(p, action, extra)) {
                    // No resource policy and no identity Allow statement matches the action: the engine can only
                    // deny (no identity-based policy allows it), and the map keeps no denied check of this kind.
                    return null;
                }
                return decide(evaluator.request(prepared(p), need), action, resource, extra);
            } catch (RuntimeException e) {
                // A stored document the engine cannot read or a principal it cannot place: no edge, never a guess.
                return null;
            }
        }

        /** The engine's decision on the request, with {@code extra} identity policies added. */
        private EngineCheck decide(AuthorizationRequest base, String action, @Nullable String resource,
                                   List<CompiledPolicy> extra) {
            AuthorizationRequest req = base;
            if (!extra.isEmpty()) {
                List<CompiledPolicy> identity = new ArrayList<>(req.identityPolicies());
                identity.addAll(extra);
                req = new AuthorizationRequest(req.principal(), req.action(), req.resource(),
                        req.resourceAccount(), req.context(), identity, req.permissionsBoundary(),
                        req.sessionPolicy(), req.resourcePolicy(), req.scps(), req.rcps(), req.sessionIssuer());
            }
            Decision d = authorizer.authorize(req);
            return new EngineCheck(action, resource == null ? "*" : resource, req, d);
        }

        /**
         * Whether an Allow statement of the principal's identity policies (or {@code extra}) matches the action, by
         * the engine's own action matcher; remembered per principal and action (the action index of this map).
         */
        private boolean mayAllow(Principal p, String action, List<CompiledPolicy> extra) {
            if (!extra.isEmpty()) {
                return anyAllowMatches(prepared(p).identityPolicies(), action) || anyAllowMatches(extra, action);
            }
            return actionIndex.computeIfAbsent(p, k -> new HashMap<>())
                    .computeIfAbsent(action, a -> anyAllowMatches(prepared(p).identityPolicies(), a));
        }

        private static boolean anyAllowMatches(List<CompiledPolicy> policies, String action) {
            for (CompiledPolicy cp : policies) {
                List<Statement> statements = cp.document().statements();
                for (int i = 0; i < statements.size(); i++) {
                    if (statements.get(i).effect() == Effect.ALLOW && AnalysisProbe.action(cp, i, action)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private @Nullable EngineCheck allowed(Principal p, String action, String resource, String resourceAccount,
                                              Map<String, List<String>> context) {
            EngineCheck c = check(p, action, resource, resourceAccount, null, context, List.of());
            return c != null && c.allowed() ? c : null;
        }

        /** The first representative action the target has and the principal lacks, or null. */
        private @Nullable String gain(Set<String> target, Set<String> principal) {
            for (String a : target) {
                if (!principal.contains(a)) {
                    return a;
                }
            }
            return null;
        }

        private void escalations(Principal p) {
            String me = p.node().id();
            String acct = p.account().accountId();
            Set<String> mine = power.get(me);
            List<IamGroup> myGroups = new ArrayList<>();
            if (p.holder() instanceof IamUser u) {
                for (String g : u.groups()) {
                    IamGroup group = p.account().group(g);
                    if (group != null) {
                        myGroups.add(group);
                    }
                }
            }
            // CreatePolicyVersion on a customer managed policy attached to oneself or one's groups.
            Set<String> ownPolicies = new LinkedHashSet<>(p.holder().attachedPolicyArns());
            myGroups.forEach(g -> ownPolicies.addAll(g.attachedPolicyArns()));
            for (String arn : ownPolicies) {
                ManagedPolicy mp = sandbox.managedPolicy(p.account(), arn);
                if (mp != null && !mp.awsManaged()) {
                    path(p, Technique.CREATE_POLICY_VERSION, arn, null,
                            allowed(p, "iam:CreatePolicyVersion", arn, acct, Map.of()));
                }
            }
            if (p.holder() instanceof IamUser) {
                path(p, Technique.ATTACH_USER_POLICY, me, null, allowed(p, "iam:AttachUserPolicy", me, acct, Map.of()));
                path(p, Technique.PUT_USER_POLICY, me, null, allowed(p, "iam:PutUserPolicy", me, acct, Map.of()));
            }
            for (IamGroup g : myGroups) {
                path(p, Technique.ATTACH_GROUP_POLICY, g.arn(), null,
                        allowed(p, "iam:AttachGroupPolicy", g.arn(), acct, Map.of()));
                path(p, Technique.PUT_GROUP_POLICY, g.arn(), null,
                        allowed(p, "iam:PutGroupPolicy", g.arn(), acct, Map.of()));
            }
            // Attach/Put on a role one is or can reach by AssumeRole (then assume it).
            Map<String, List<EngineCheck>> reach = reach(me);
            List<String> roles = new ArrayList<>();
            if (p.holder() instanceof IamRole) {
                roles.add(me);
            }
            roles.addAll(reach.keySet());
            for (String roleArn : roles) {
                String roleAccount = roleArn.split(":")[4];
                List<EngineCheck> via = reach.getOrDefault(roleArn, List.of());
                path(p, Technique.ATTACH_ROLE_POLICY, roleArn, null,
                        allowed(p, "iam:AttachRolePolicy", roleArn, roleAccount, Map.of()), via);
                path(p, Technique.PUT_ROLE_POLICY, roleArn, null,
                        allowed(p, "iam:PutRolePolicy", roleArn, roleAccount, Map.of()), via);
            }
            for (Principal t : principals) {
                if (t == p || !t.account().accountId().equals(acct) || reach.containsKey(t.node().id())) {
                    continue;
                }
                String gains = gain(power.get(t.node().id()), mine);
                if (gains == null) {
                    continue;
                }
                if (t.holder() instanceof IamRole r) {
                    passRole(p, r, gains);
                    EngineCheck update = allowed(p, "iam:UpdateAssumeRolePolicy", r.arn(), acct, Map.of());
                    if (update != null) {
                        EngineCheck assume = check(p, "sts:AssumeRole", r.arn(), acct, trustFor(p),
                                Map.of("sts:RoleSessionName", List.of(SESSION_NAME)), List.of());
                        if (assume != null && assume.allowed()) {
                            path(p, Technique.UPDATE_ASSUME_ROLE_POLICY, r.arn(), gains, update, List.of(assume));
                        }
                    }
                } else if (t.holder() instanceof IamUser u) {
                    if (u.accessKeys().size() < 2) {
                        path(p, Technique.CREATE_ACCESS_KEY, u.arn(), gains,
                                allowed(p, "iam:CreateAccessKey", u.arn(), acct, Map.of()));
                    }
                    if (u.loginProfile() == null) {
                        path(p, Technique.CREATE_LOGIN_PROFILE, u.arn(), gains,
                                allowed(p, "iam:CreateLoginProfile", u.arn(), acct, Map.of()));
                    } else {
                        path(p, Technique.UPDATE_LOGIN_PROFILE, u.arn(), gains,
                                allowed(p, "iam:UpdateLoginProfile", u.arn(), acct, Map.of()));
                    }
                }
            }
            if (p.holder() instanceof IamUser u) {
                for (IamGroup g : p.account().groups()) {
                    if (u.groups().stream().anyMatch(g.name()::equalsIgnoreCase)) {
                        continue;
                    }
                    String gains = groupGain(p, g, mine);
                    if (gains != null) {
                        path(p, Technique.ADD_USER_TO_GROUP, g.arn(), gains,
                                allowed(p, "iam:AddUserToGroup", g.arn(), acct, Map.of()));
                    }
                }
            }
        }

        /** A role's paths are also the paths of every principal that can assume it: assume first, then escalate. */
        private void inherited() {
            List<EscalationPath> own = List.copyOf(paths);
            for (Principal p : principals) {
                if (admins.contains(p.node().id())) {
                    continue;
                }
                Map<String, List<EngineCheck>> reach = reach(p.node().id());
                for (EscalationPath rp : own) {
                    List<EngineCheck> via = reach.get(rp.principal());
                    if (via == null || rp.principal().equals(p.node().id())) {
                        continue;
                    }
                    List<EngineCheck> steps = new ArrayList<>(via);
                    steps.addAll(rp.steps());
                    paths.add(new EscalationPath(p.node().id(), rp.technique(), rp.target(), steps, rp.gains(), rp.fix()));
                }
            }
        }

        /** What joining the group would add: a probe the principal lacks that it would have with the group's policies. */
        private @Nullable String groupGain(Principal p, IamGroup g, Set<String> mine) {
            List<CompiledPolicy> extra;
            try {
                extra = evaluator.policiesOf(sandbox, p.account(), g);
            } catch (RuntimeException e) {
                return null;
            }
            if (extra.isEmpty()) {
                return null;
            }
            for (String action : POWER_PROBES) {
                if (!mine.contains(action)) {
                    EngineCheck c = check(p, action, null, p.account().accountId(), null, Map.of(), extra);
                    if (c != null && c.allowed()) {
                        return action;
                    }
                }
            }
            return null;
        }

        /** iam:PassRole of a stronger EC2 role + ec2:RunInstances, with an instance profile holding it (or made). */
        private void passRole(Principal p, IamRole r, String gains) {
            String acct = p.account().accountId();
            if (!ec2MayAssume(r, acct)) {
                return;
            }
            EngineCheck pass = allowed(p, "iam:PassRole", r.arn(), acct,
                    Map.of("iam:PassedToService", List.of(EC2)));
            if (pass == null) {
                return;
            }
            EngineCheck run = allowed(p, "ec2:RunInstances", "arn:aws:ec2:" + sandbox.region() + ":" + acct
                    + ":instance/*", acct, Map.of());
            if (run == null) {
                return;
            }
            List<EngineCheck> more = new ArrayList<>(List.of(run));
            boolean profile = p.account().instanceProfiles().stream().anyMatch(ip -> r.name().equals(ip.roleName()));
            if (!profile) {
                String ipArn = p.account().iamArn("instance-profile", "/", r.name());
                EngineCheck create = allowed(p, "iam:CreateInstanceProfile", ipArn, acct, Map.of());
                EngineCheck add = allowed(p, "iam:AddRoleToInstanceProfile", ipArn, acct, Map.of());
                if (create == null || add == null) {
                    return;
                }
                more.add(create);
                more.add(add);
            }
            path(p, Technique.PASS_ROLE_EC2, r.arn(), gains, pass, more);
        }

        /** Whether the role's trust policy lets EC2 assume it (asked once per role and map, unless straightforward). */
        private boolean ec2MayAssume(IamRole r, String acct) {
            Boolean known = straightforward ? null : ec2Trust.get(r.arn());
            if (known == null) {
                Caller ec2 = new Caller(CallerType.AWS_SERVICE, null, EC2, EC2, null, null, false, null, null);
                AuthorizationRequest trustReq = evaluator.request(sandbox, ec2,
                        new AccessRequest("sts:AssumeRole", r.arn(), acct, r.trustPolicy(), Map.of()));
                known = authorizer.authorize(trustReq).allowed();
                ec2Trust.put(r.arn(), known);
            }
            return known;
        }

        /** A trust policy that names the principal, as an UpdateAssumeRolePolicy would write it. */
        private String trustFor(Principal p) {
            String arn = p.holder().arn();
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + arn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        }

        /** The roles a principal reaches through AssumeRole (chains included), each with the checks on the way. */
        private Map<String, List<EngineCheck>> reach(String from) {
            Map<String, List<EngineCheck>> out = new LinkedHashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(from));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                List<EngineCheck> before = out.getOrDefault(at, List.of());
                for (MapEdge e : assumable.getOrDefault(at, Map.of()).values()) {
                    if (e.to().equals(from) || out.containsKey(e.to())) {
                        continue;
                    }
                    List<EngineCheck> chain = new ArrayList<>(before);
                    chain.add(e.checks().get(0));
                    out.put(e.to(), chain);
                    queue.add(e.to());
                }
            }
            return out;
        }

        private void path(Principal p, Technique technique, String target, @Nullable String gains,
                          @Nullable EngineCheck decisive) {
            path(p, technique, target, gains, decisive, List.of());
        }

        /** Records a path when its decisive permission is allowed; the fix is the statement that allows it. */
        private void path(Principal p, Technique technique, String target, @Nullable String gains,
                          @Nullable EngineCheck decisive, List<EngineCheck> more) {
            if (decisive == null) {
                return;
            }
            List<EngineCheck> steps = new ArrayList<>();
            steps.add(decisive);
            steps.addAll(more);
            paths.add(new EscalationPath(p.node().id(), technique, target, steps, gains, fix(decisive)));
        }

        private EscalationPath.Fix fix(EngineCheck c) {
            MatchedStatement m = c.decision().matchedStatements().stream().filter(s -> s.effect() == Effect.ALLOW)
                    .findFirst().orElse(null);
            return m == null ? new EscalationPath.Fix(c.action(), c.resource(), "", -1, null)
                    : new EscalationPath.Fix(c.action(), c.resource(), m.policyId(), m.statementIndex(), m.sid());
        }
    }
}
