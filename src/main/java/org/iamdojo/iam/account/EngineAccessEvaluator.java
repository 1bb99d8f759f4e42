package org.iamdojo.iam.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    private final Map<String, CompiledPolicy> compiled = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledPolicy> eldest) {
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
        List<CompiledPolicy> identity = new ArrayList<>();
        CompiledPolicy boundary = null;
        CompiledPolicy sessionPolicy = null;
        SandboxAccount account = caller.accountId() == null ? null : sandbox.account(caller.accountId());
        Map<String, String> principalTags = Map.of();
        if (account != null && "IAMUser".equals(caller.type())) {
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
        } else if (account != null && caller.session() != null && "AssumedRole".equals(caller.session().kind())) {
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
        CompiledPolicy resourcePolicy = need.resourcePolicy() == null ? null
                : compile(need.resourcePolicy(), resourcePolicyId(need));
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
        String principal = "AWSService".equals(caller.type()) ? caller.arn() : caller.arn();
        return new AuthorizationRequest(principal, need.action(), need.resourceArn(), need.resourceAccount(),
                context(sandbox, caller, need, principalTags), identity, boundary, sessionPolicy, resourcePolicy,
                scps, List.of(), caller.issuerArn());
    }

    private static String resourcePolicyId(AccessRequest need) {
        if (need.action().toLowerCase().startsWith("sts:assumerole")) {
            return "trust policy of " + need.resourceArn();
        }
        return "resource policy of " + need.resourceArn();
    }

    private RequestContext context(Sandbox sandbox, Caller caller, AccessRequest need, Map<String, String> tags) {
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        Instant now = sandbox.now();
        ctx.put("aws:CurrentTime", List.of(now.toString()));
        ctx.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        ctx.put("aws:SecureTransport", List.of("true"));
        ctx.put("aws:RequestedRegion", List.of(sandbox.region()));
        ctx.put("aws:SourceIp", List.of("203.0.113.10"));
        if (caller.principalId() != null && !"AWSService".equals(caller.type())) {
            ctx.put("aws:userid", List.of(caller.principalId()));
        }
        if (caller.userName() != null) {
            ctx.put("aws:username", List.of(caller.userName()));
        }
        principalKeys(caller, ctx);
        // AWS sets aws:MultiFactorAuthPresent only for temporary credentials (console sessions are
        // temporary too); long-term access keys leave it absent, which is why BoolIfExists matters.
        boolean temporary = caller.session() != null || caller.accessKeyId() == null;
        if (temporary && !"AWSService".equals(caller.type())) {
            ctx.put("aws:MultiFactorAuthPresent", List.of(Boolean.toString(caller.mfaAuthenticated())));
            if (caller.mfaAuthenticated()) {
                ctx.put("aws:MultiFactorAuthAge", List.of("0"));
            }
        }
        if (caller.session() != null) {
            ctx.put("aws:TokenIssueTime", List.of(caller.session().expiration()
                    .minus(Duration.ofHours(1)).toString()));
        }
        tags.forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, List.of(v)));
        need.context().forEach(ctx::put);
        return RequestContext.of(ctx);
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
        if ("AWSService".equals(caller.type())) {
            ctx.put("aws:PrincipalIsAWSService", List.of("true"));
            return;
        }
        ctx.put("aws:PrincipalIsAWSService", List.of("false"));
        ctx.put("aws:PrincipalAccount", List.of(caller.accountId()));
        boolean roleSession = caller.session() != null && "AssumedRole".equals(caller.session().kind());
        ctx.put("aws:PrincipalArn", List.of(roleSession ? caller.issuerArn() : caller.arn()));
        ctx.put("aws:PrincipalType", List.of(switch (caller.type()) {
            case "Root" -> "Account";
            case "IAMUser" -> "User";
            default -> caller.type();
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

    private CompiledPolicy compile(String document, String id) {
        String key = id + "\u0000" + document;
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
        return "because no " + name + " allows the " + action + " action";
    }
}
