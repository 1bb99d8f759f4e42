package org.iamdojo.iam.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvalDecision;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.eval.RequestContext;

/**
 * Authorizes sandbox calls with the policy engine: works out which policies apply to the caller (its own,
 * its groups', its role's, the boundary, the session policy, the SCPs of its account) and which request
 * context keys AWS would set, then asks the {@link Authorizer}.
 * Context keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
public final class EngineAccessEvaluator implements AccessEvaluator {
    private static final int CACHE_SIZE = 2048;
    private final Authorizer authorizer = new Authorizer();
    private final Map<PolicyKey, CompiledPolicy> compiled = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PolicyKey, CompiledPolicy> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    @Override
    public AccessOutcome evaluate(Sandbox sandbox, Caller caller, AccessRequest need) {
        Decision decision = authorizer.authorize(request(sandbox, caller, need));
        return new AccessOutcome(decision.allowed(), decision.allowed() ? null : denialReason(decision, need.action()),
                decision);
    }

    /** The engine request for a sandbox caller: every policy that applies, and AWS's context keys. */
    public AuthorizationRequest request(Sandbox sandbox, Caller caller, AccessRequest need) {
        return request(prepare(sandbox, caller), need);
    }

    /**
     * What every request of {@code caller} shares (its identity policies, boundary, session policy, SCPs and the
     * caller's own context keys), worked out once, for many requests of one caller against an unchanged sandbox
     * (e.g. an access map, made under the sandbox's lock). Not thread-safe; valid only while the sandbox is unchanged.
     */
    public PreparedCaller prepare(Sandbox sandbox, Caller caller) {
        List<CompiledPolicy> identity = new ArrayList<>();
        CompiledPolicy boundary = null;
        CompiledPolicy sessionPolicy = null;
        SandboxAccount account = caller.accountId() == null ? null : sandbox.account(caller.accountId());
        Map<String, String> principalTags = Map.of();
        if (account != null && caller.type() == CallerType.IAM_USER) {
            IamUser user = account.user(caller.userName());
            if (user != null) {
                addHolder(sandbox, account, user, "user", identity);
                for (String groupName : user.groups) {
                    IamGroup group = account.group(groupName);
                    if (group != null) {
                        addHolder(sandbox, account, group, "group", identity);
                    }
                }
                boundary = managed(sandbox, account, user.permissionsBoundaryArn);
                principalTags = user.tags;
            }
        } else if (account != null && caller.session() != null && caller.session().kind() == SessionKind.ASSUMED_ROLE) {
            IamRole role = account.role(caller.session().roleOrUserName());
            if (role != null) {
                addHolder(sandbox, account, role, "role", identity);
                boundary = managed(sandbox, account, role.permissionsBoundaryArn);
                principalTags = new LinkedHashMap<>(role.tags);
                principalTags.putAll(caller.session().sessionTags());
            }
            if (caller.session().sessionPolicy() != null) {
                sessionPolicy = compile(caller.session().sessionPolicy(), "session policy");
            }
        }
        List<List<CompiledPolicy>> scps = new ArrayList<>();
        if (account != null) {
            List<List<String>> levels = sandbox.serviceControlPolicies(account.accountId());
            for (int i = 0; i < levels.size(); i++) {
                List<CompiledPolicy> level = new ArrayList<>();
                for (int j = 0; j < levels.get(i).size(); j++) {
                    level.add(compile(levels.get(i).get(j), "SCP level " + (i + 1) + " #" + (j + 1)));
                }
                scps.add(level);
            }
        }
        return new PreparedCaller(sandbox, caller, List.copyOf(identity), boundary, sessionPolicy,
                scps, callerContext(sandbox, caller, principalTags));
    }

    /**
     * The part of the engine request that depends on the caller only; see {@link #prepare}. Requests made from it
     * equal those of {@link #request(Sandbox, Caller, AccessRequest)} for the same sandbox state.
     */
    public static final class PreparedCaller {
        private final Sandbox sandbox;
        private final Caller caller;
        private final List<CompiledPolicy> identity;
        private final CompiledPolicy boundary;
        private final CompiledPolicy sessionPolicy;
        private final List<List<CompiledPolicy>> scps;
        private final Map<String, List<String>> callerContext;
        private final Map<ContextKey, RequestContext> contexts = new HashMap<>();

        private PreparedCaller(Sandbox sandbox, Caller caller, List<CompiledPolicy> identity, CompiledPolicy boundary,
                               CompiledPolicy sessionPolicy, List<List<CompiledPolicy>> scps,
                               Map<String, List<String>> callerContext) {
            this.sandbox = sandbox;
            this.caller = caller;
            this.identity = identity;
            this.boundary = boundary;
            this.sessionPolicy = sessionPolicy;
            this.scps = scps;
            this.callerContext = callerContext;
        }

        /** The caller's identity policies (its own, its groups', its role's), in evaluation order. */
        public List<CompiledPolicy> identityPolicies() {
            return identity;
        }
    }

    private record ContextKey(String resourceAccount, Map<String, List<String>> given) {
    }

    /** The engine request of a prepared caller for one access. */
    public AuthorizationRequest request(PreparedCaller prepared, AccessRequest need) {
        Sandbox sandbox = prepared.sandbox;
        Caller caller = prepared.caller;
        CompiledPolicy resourcePolicy = need.resourcePolicy() == null ? null
                : compile(need.resourcePolicy(), resourcePolicyId(need));
        // RCPs are those of the account that owns the resource, whoever calls
        // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html).
        List<List<CompiledPolicy>> rcps = new ArrayList<>();
        String resourceAccount = resourceAccount(need);
        if (resourceAccount != null) {
            List<List<String>> levels = sandbox.resourceControlPolicies(resourceAccount);
            for (int i = 0; i < levels.size(); i++) {
                List<CompiledPolicy> level = new ArrayList<>();
                for (int j = 0; j < levels.get(i).size(); j++) {
                    level.add(compile(levels.get(i).get(j), "RCP level " + (i + 1) + " #" + (j + 1)));
                }
                rcps.add(level);
            }
        }
        return AuthorizationRequest.builder(caller.arn(), need.action()).resource(need.resourceArn())
                .resourceAccount(need.resourceAccount()).context(context(prepared, need))
                .identity(prepared.identity).boundary(prepared.boundary).session(prepared.sessionPolicy)
                .resourcePolicy(resourcePolicy).scps(prepared.scps).rcps(rcps).sessionIssuer(caller.issuerArn())
                .awsManagedResource(need.awsManagedResource()).build();
    }

    /** The account owning the resource: as the operation says, else the account segment of its ARN. */
    private static String resourceAccount(AccessRequest need) {
        if (need.resourceAccount() != null && !need.resourceAccount().isEmpty()) {
            return need.resourceAccount();
        }
        String arn = need.resourceArn();
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    private static String resourcePolicyId(AccessRequest need) {
        if (need.action().toLowerCase().startsWith("sts:assumerole")) {
            return "trust policy of " + need.resourceArn();
        }
        return "resource policy of " + need.resourceArn();
    }

    /** The context keys that depend on the caller only, in the order AWS's keys are set. */
    private static Map<String, List<String>> callerContext(Sandbox sandbox, Caller caller, Map<String, String> tags) {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        Instant now = sandbox.now();
        ctx.put("aws:CurrentTime", List.of(now.toString()));
        ctx.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        ctx.put("aws:SecureTransport", List.of("true"));
        ctx.put("aws:RequestedRegion", List.of(sandbox.region()));
        // The call's own address comes in the need's context (Sandbox.call); a request that names none, e.g. a
        // grader's check, is made from the learner's address.
        ctx.put(AccessRequest.SOURCE_IP, List.of(Sandbox.DEFAULT_SOURCE_IP));
        // An unauthenticated request carries no principal keys at all; a service principal only
        // aws:PrincipalIsAWSService (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
        boolean anonymous = caller.type() == CallerType.ANONYMOUS;
        boolean service = caller.type() == CallerType.AWS_SERVICE;
        if (caller.principalId() != null && !service && !anonymous) {
            ctx.put("aws:userid", List.of(caller.principalId()));
        }
        if (caller.userName() != null) {
            ctx.put("aws:username", List.of(caller.userName()));
        }
        if (!anonymous) {
            principalKeys(caller, ctx);
            // Every sandbox call is made by the caller itself, never by a service on its behalf (forward access
            // sessions): "aws:ViaAWSService ... This key is present in the request context for all signed API requests".
            ctx.put("aws:ViaAWSService", List.of("false"));
        }
        // AWS sets aws:MultiFactorAuthPresent only for temporary credentials (console sessions are
        // temporary too); long-term access keys leave it absent, which is why BoolIfExists matters.
        boolean temporary = caller.session() != null || caller.accessKeyId() == null;
        if (temporary && !service && !anonymous) {
            ctx.put("aws:MultiFactorAuthPresent", List.of(Boolean.toString(caller.mfaAuthenticated())));
            if (caller.mfaAuthenticated()) {
                // Seconds since MFA was presented: when STS issued the session (a console sign-in counts as now).
                long age = caller.session() == null ? 0
                        : Math.max(0, Duration.between(caller.session().issuedAt(), now).getSeconds());
                ctx.put("aws:MultiFactorAuthAge", List.of(Long.toString(age)));
            }
        }
        if (caller.session() != null) {
            ctx.put("aws:TokenIssueTime", List.of(caller.session().issuedAt().toString()));
        }
        tags.forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, List.of(v)));
        // Organization keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
        String principalOrg = service || anonymous ? null : sandbox.organizationId(caller.accountId());
        if (principalOrg != null) {
            ctx.put("aws:PrincipalOrgID", List.of(principalOrg));
            ctx.put("aws:PrincipalOrgPaths", List.of(sandbox.organizationPath(caller.accountId())));
        }
        return ctx;
    }

    /** The request context of one access: the caller's keys, the resource's, then the access's own (which win). */
    private static RequestContext context(PreparedCaller prepared, AccessRequest need) {
        ContextKey key = new ContextKey(resourceAccount(need), need.context());
        RequestContext known = prepared.contexts.get(key);
        if (known != null) {
            return known;
        }
        Sandbox sandbox = prepared.sandbox;
        Map<String, List<String>> ctx = new LinkedHashMap<>(prepared.callerContext);
        if (resourceAccount(need) != null) {
            ctx.put("aws:ResourceAccount", List.of(resourceAccount(need)));
        }
        String resourceOrg = sandbox.organizationId(resourceAccount(need));
        if (resourceOrg != null) {
            ctx.put("aws:ResourceOrgID", List.of(resourceOrg));
            ctx.put("aws:ResourceOrgPaths", List.of(sandbox.organizationPath(resourceAccount(need))));
        }
        // An empty value list takes the key out: how a check states "absent", e.g. aws:MultiFactorAuthPresent for a
        // request signed with long-term access keys.
        need.context().forEach((k, v) -> {
            if (v.isEmpty()) {
                ctx.remove(k);
            } else {
                ctx.put(k, v);
            }
        });
        RequestContext made = RequestContext.of(ctx);
        prepared.contexts.put(key, made);
        return made;
    }

    /** The compiled identity policies (inline and attached) of one user, group or role. */
    public List<CompiledPolicy> policiesOf(Sandbox sandbox, SandboxAccount account, PolicyHolder holder) {
        List<CompiledPolicy> out = new ArrayList<>();
        String kind = holder instanceof IamUser ? "user" : holder instanceof IamGroup ? "group" : "role";
        addHolder(sandbox, account, holder, kind, out);
        return out;
    }

    /** aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType and aws:PrincipalIsAWSService as AWS sets them. */
    private static void principalKeys(Caller caller, Map<String, List<String>> ctx) {
        if (caller.type() == CallerType.AWS_SERVICE) {
            ctx.put("aws:PrincipalIsAWSService", List.of("true"));
            return;
        }
        ctx.put("aws:PrincipalIsAWSService", List.of("false"));
        ctx.put("aws:PrincipalAccount", List.of(caller.accountId()));
        boolean roleSession = caller.session() != null && caller.session().kind() == SessionKind.ASSUMED_ROLE;
        ctx.put("aws:PrincipalArn", List.of(roleSession ? caller.issuerArn() : caller.arn()));
        ctx.put("aws:PrincipalType", List.of(switch (caller.type()) {
            case ROOT -> "Account";
            case IAM_USER -> "User";
            default -> caller.type().awsName();
        }));
    }

    private void addHolder(Sandbox sandbox, SandboxAccount account, PolicyHolder holder, String kind,
                           List<CompiledPolicy> out) {
        holder.inlinePolicies.forEach((name, doc) ->
                out.add(compile(doc, kind + "/" + holder.name() + " inline policy " + name)));
        for (String arn : holder.attachedPolicyArns) {
            CompiledPolicy p = managed(sandbox, account, arn);
            if (p != null) {
                out.add(p);
            }
        }
    }

    private CompiledPolicy managed(Sandbox sandbox, SandboxAccount account, String arn) {
        if (arn == null) {
            return null;
        }
        ManagedPolicy mp = sandbox.managedPolicy(account, arn);
        return mp == null ? null : compile(mp.defaultVersion().document(), arn);
    }

    /** A compiled-policy cache key; the document's hash is cached in the String, so a lookup does not rescan it. */
    private record PolicyKey(String id, String document) {
    }

    private CompiledPolicy compile(String document, String id) {
        PolicyKey key = new PolicyKey(id, document);
        synchronized (compiled) {
            CompiledPolicy p = compiled.get(key);
            if (p == null) {
                try {
                    p = CompiledPolicy.parse(document, id);
                } catch (Exception e) {
                    throw new AwsException("MalformedPolicyDocument", 400, "Stored policy " + id + " is invalid: "
                            + e.getMessage());
                }
                compiled.put(key, p);
            }
            return p;
        }
    }

    /** AWS's wording for why access was denied, after the action and resource in the AccessDenied message. */
    public static String denialReason(Decision decision, String action) {
        PolicyLayer layer = decision.decidingLayer();
        String name = layer == null ? PolicyLayer.IDENTITY.awsName() : layer.awsName();
        String article = name.startsWith("i") ? "an " : "a ";
        if (decision.decision() == EvalDecision.EXPLICIT_DENY) {
            return "with an explicit deny in " + article + name;
        }
        if (layer == PolicyLayer.AWS_MANAGED) {
            return decision.reason();
        }
        return "because no " + name + " allows the " + action + " action";
    }
}
