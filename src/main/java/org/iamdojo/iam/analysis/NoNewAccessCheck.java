package org.iamdojo.iam.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.analysis.PolicyReasoner.Mode;
import org.iamdojo.iam.analysis.PolicyReasoner.Outcome;
import org.iamdojo.iam.analysis.PolicyReasoner.Side;
import org.iamdojo.iam.analysis.PolicyReasoner.Witness;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Authorizer;
import org.iamdojo.iam.eval.CompiledPolicy;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvalDecision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.eval.RequestContext;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.iam.policy.PolicyParseException;
import org.iamdojo.iam.policy.Statement;

/**
 * The Access Analyzer custom policy checks, decided by {@link PolicyReasoner} over every request:
 * CheckNoNewAccess (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html),
 * CheckAccessNotGranted (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html)
 * and CheckNoPublicAccess (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html).
 *
 * <p>PASS is a proof (no request exists); FAIL carries a counterexample request that was replayed through the real
 * {@link Authorizer} and behaves as claimed; UNKNOWN when a limit was reached, or when the only request found under
 * the safe approximation (policy variables, mixed condition families) does not replay. Never a guess.
 */
public final class NoNewAccessCheck {
    /** The answer. */
    public enum Result { PASS, FAIL, UNKNOWN }

    /** How the documents are read, as the API's {@code policyType}. */
    public enum PolicyType { IDENTITY_POLICY, RESOURCE_POLICY }

    /** The resource types CheckNoPublicAccess takes here. */
    public enum PublicResourceType {
        /** {@code AWS::S3::Bucket}: a bucket policy. */
        S3_BUCKET("AWS::S3::Bucket"),
        /** {@code AWS::IAM::AssumeRolePolicyDocument}: a role trust policy. */
        ASSUME_ROLE_POLICY("AWS::IAM::AssumeRolePolicyDocument");

        private final String awsName;

        PublicResourceType(String awsName) {
            this.awsName = awsName;
        }

        /** The name the API uses. */
        public String awsName() {
            return awsName;
        }

        /** The type for an API name, or null. */
        public static PublicResourceType of(String name) {
            for (PublicResourceType t : values()) {
                if (t.awsName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * The verdict with the new statement responsible (index, or -1) and a counterexample for FAIL; for UNKNOWN,
     * {@code why} is the reason in a form a page can translate (null when it has none).
     */
    public record Verdict(Result result, String message, int statementIndex, String statementId,
            AuthorizationRequest counterexample, UnknownReason why) {
        /** A verdict without a structured UNKNOWN reason. */
        public Verdict(Result result, String message, int statementIndex, String statementId,
                AuthorizationRequest counterexample) {
            this(result, message, statementIndex, statementId, counterexample, null);
        }
    }

    /** The account that owns the resource in resource-policy checks. */
    public static final String RESOURCE_ACCOUNT = "111122223333";
    /** A caller from an account no policy names, for CheckNoPublicAccess. */
    public static final String OUTSIDER = "arn:aws:iam::999988887777:user/outsider";

    /**
     * Keys whose fixed values AWS takes as restricting a grant to known callers ("The meaning of public",
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status):
     * an outside caller is held to values no policy names.
     */
    static final List<String> RESTRICTING_KEYS = List.of("aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce",
            "aws:SourceAccount", "aws:SourceOwner", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:userid",
            "aws:PrincipalAccount", "aws:PrincipalArn", "aws:SourceOrgID", "aws:SourceOrgPaths");

    private final Authorizer authorizer = new Authorizer();

    /** CheckNoNewAccess for identity policies; none of the arguments may be null. */
    public Verdict check(List<CompiledPolicy> existing, List<CompiledPolicy> proposed) {
        return check(existing, proposed, PolicyType.IDENTITY_POLICY);
    }

    /** CheckNoNewAccess: does the new policy set allow a request the existing one does not? */
    public Verdict check(List<CompiledPolicy> existing, List<CompiledPolicy> proposed, PolicyType type) {
        Mode mode = type == PolicyType.RESOURCE_POLICY ? Mode.RESOURCE : Mode.IDENTITY;
        Outcome o = PolicyReasoner.search(List.of(new Side(proposed, mode, true), new Side(existing, mode, false)),
                null, Map.of());
        if (!o.decided()) {
            return unknown(o);
        }
        if (o.witness() == null) {
            return new Verdict(Result.PASS, "The new policy grants no access that the existing policy does not "
                    + "(proved over every principal, action, resource and context).", -1, null, null);
        }
        Witness w = o.witness();
        AuthorizationRequest req = request(w, proposed, mode);
        if (allows(req, proposed, mode) && !allows(req, existing, mode)) {
            return new Verdict(Result.FAIL, "New access in the statement with index: " + w.statementIndex()
                    + ". The new policy allows " + describe(w) + ", which the existing policy does not.",
                    w.statementIndex(), w.statementId(), req);
        }
        return undecidedReplay(w);
    }

    /** CheckAccessNotGranted: does the policy allow any of the actions (on any of the resources, if given)? */
    public Verdict accessNotGranted(List<CompiledPolicy> policy, List<String> actions, List<String> resources,
            PolicyType type) {
        if ((actions == null || actions.isEmpty()) && (resources == null || resources.isEmpty())) {
            throw new IllegalArgumentException("--access needs at least one action or resource");
        }
        Mode mode = type == PolicyType.RESOURCE_POLICY ? Mode.RESOURCE : Mode.IDENTITY;
        CompiledPolicy bound = accessPolicy(actions, resources);
        Outcome o = PolicyReasoner.search(List.of(new Side(policy, mode, true),
                new Side(List.of(bound), Mode.IDENTITY, true)), null, Map.of());
        if (!o.decided()) {
            return unknown(o);
        }
        if (o.witness() == null) {
            return new Verdict(Result.PASS, "The policy document does not grant the specified access (proved over "
                    + "every principal, resource and context).", -1, null, null);
        }
        Witness w = o.witness();
        AuthorizationRequest req = request(w, policy, mode);
        if (allows(req, policy, mode) && allows(req, List.of(bound), Mode.IDENTITY)) {
            return new Verdict(Result.FAIL, "The policy document grants access to perform one or more of the listed "
                    + "actions or resources in the statement with index: " + w.statementIndex() + ": "
                    + describe(w) + ".", w.statementIndex(), w.statementId(), req);
        }
        return undecidedReplay(w);
    }

    /** CheckNoPublicAccess: does the resource policy grant a caller from an unnamed account, or anyone? */
    public Verdict noPublicAccess(CompiledPolicy policy, PublicResourceType type) {
        Map<String, List<String>> pinned = new LinkedHashMap<>();
        for (String k : RESTRICTING_KEYS) {
            pinned.put(k, List.of());
        }
        Outcome o = PolicyReasoner.search(List.of(new Side(List.of(policy), Mode.RESOURCE, true)),
                List.of(OUTSIDER, "anonymous"), pinned);
        if (!o.decided()) {
            return unknown(o);
        }
        if (o.witness() == null) {
            return new Verdict(Result.PASS, "The " + type.awsName() + " policy grants no public access (no caller "
                    + "outside the named accounts gets any action under any context).", -1, null, null);
        }
        Witness w = o.witness();
        AuthorizationRequest req = request(w, List.of(policy), Mode.RESOURCE);
        if (allows(req, List.of(policy), Mode.RESOURCE)) {
            return new Verdict(Result.FAIL, "The resource policy grants public access for the given resource type "
                    + "in the statement with index: " + w.statementIndex() + ": " + describe(w) + ".",
                    w.statementIndex(), w.statementId(), req);
        }
        return undecidedReplay(w);
    }

    private static Verdict undecidedReplay(Witness w) {
        return unknown(UnknownReason.of(UnknownReason.Kind.REPLAY_NOT_CONFIRMED, w.action(), w.resource(),
                PolicyReasoner.IDENTITY_PRINCIPAL.equals(w.principal()) ? "" : w.principal(),
                w.context().isEmpty() ? "" : w.context(), w.approximated() ? "approximated" : ""));
    }

    /** UNKNOWN for an undecided search. */
    private static Verdict unknown(Outcome o) {
        return o.why() != null ? unknown(o.why()) : new Verdict(Result.UNKNOWN, "The check could not decide: "
                + o.reason() + ".", -1, null, null);
    }

    private static Verdict unknown(UnknownReason why) {
        return new Verdict(Result.UNKNOWN, "The check could not decide: " + why.english() + ".", -1, null, null, why);
    }

    static String describe(Witness w) {
        StringBuilder sb = new StringBuilder();
        sb.append(w.action()).append(" on ").append(w.resource().isEmpty() ? "\"\"" : w.resource());
        if (!PolicyReasoner.IDENTITY_PRINCIPAL.equals(w.principal())) {
            sb.append(" for ").append(w.principal());
        }
        if (w.context().isEmpty()) {
            sb.append(" with no context keys");
        } else {
            sb.append(" with context ").append(w.context());
        }
        return sb.toString();
    }

    static AuthorizationRequest request(Witness w, List<CompiledPolicy> policies, Mode mode) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder(w.principal(), w.action())
                .resource(w.resource()).context(RequestContext.of(w.context()));
        if (mode == Mode.IDENTITY) {
            b.identity(policies);
        } else {
            b.resourceAccount(RESOURCE_ACCOUNT);
            if (!policies.isEmpty()) {
                b.resourcePolicy(policies.get(0));
            }
        }
        return b.build();
    }

    /** The engine's answer: identity policies allow, or the resource policy grants (an Allow of it applies, no Deny). */
    boolean allows(AuthorizationRequest template, List<CompiledPolicy> policies, Mode mode) {
        try {
            if (mode == Mode.IDENTITY) {
                AuthorizationRequest r = template.toBuilder().build();
                AuthorizationRequest req = new AuthorizationRequest(r.principal(), r.action(), r.resource(),
                        r.resourceAccount(), r.context(), policies, null, null, null, List.of(), List.of(), null);
                return authorizer.authorize(req).allowed();
            }
            for (CompiledPolicy p : policies) {
                AuthorizationRequest req = AuthorizationRequest.builder(template.principal(), template.action())
                        .resource(template.resource()).resourceAccount(RESOURCE_ACCOUNT).context(template.context())
                        .resourcePolicy(p).build();
                Decision d = authorizer.authorize(req);
                if (d.decision() == EvalDecision.EXPLICIT_DENY) {
                    return false;
                }
                for (MatchedStatement m : d.matchedStatements()) {
                    if (m.layer() == PolicyLayer.RESOURCE_POLICY && m.effect() == Effect.ALLOW) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code --access} bound as an identity policy: the actions (or all) on the resources (or all). */
    static CompiledPolicy accessPolicy(List<String> actions, List<String> resources) {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",");
        sb.append("\"Action\":").append(array(actions)).append(",\"Resource\":").append(array(resources)).append("}]}");
        try {
            return CompiledPolicy.parse(sb.toString(), "access");
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException("--access: " + e.getMessage());
        }
    }

    private static String array(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "\"*\"";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append(']').toString();
    }

    /** Instances of the patterns: each * filled with a few strings, each ? with 'x' (kept for callers). */
    static Set<String> candidates(List<String> patterns) {
        Set<String> out = new LinkedHashSet<>();
        if (patterns == null) {
            return out;
        }
        for (String p : patterns) {
            for (String f : new String[] {"", "x", "zz9-q"}) {
                out.add(p.replace("?", "x").replace("*", f));
            }
        }
        return out;
    }

    /** Statements of a policy set (for callers that report on them). */
    static List<Statement> statements(List<CompiledPolicy> policies) {
        List<Statement> all = new ArrayList<>();
        for (CompiledPolicy p : policies) {
            all.addAll(p.document().statements());
        }
        return all;
    }
}
