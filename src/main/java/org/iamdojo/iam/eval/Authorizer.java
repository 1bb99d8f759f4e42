package org.iamdojo.iam.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iamdojo.iam.policy.ArnTarget;
import org.iamdojo.iam.policy.Effect;

/**
 * Decides a request the way AWS does, following "Policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html),
 * "Policy evaluation for requests within a single account"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html)
 * and "Cross-account policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
 * an explicit deny anywhere wins; changes to resources AWS owns are refused ({@link AwsManagedResource}); every
 * SCP level must allow, while RCP levels only deny (RCPFullAWSAccess is always attached); a same-account
 * resource-based policy can grant on its own (limited by the boundary and session policy when it names a role
 * rather than the session), except that role trust policies and KMS key policies must always allow; otherwise
 * identity policies, boundary and session policy must all allow; cross-account needs both the caller's side
 * and the resource-based policy. Stateless and thread-safe.
 */
public final class Authorizer {
    private static final int DENY = 1;
    private static final int ALLOW = 2;

    /** Services whose resources RCPs apply to (AWS Organizations, "Resource control policies"). */
    private static final Set<String> RCP_SERVICES = Set.of(
            "s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss", "cognito-identity", "dynamodb");

    /** Actions whose resource-based policy is the role trust policy, which must always allow. */
    private static final Set<String> TRUST_ACTIONS = Set.of(
            "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession",
            "sts:setsourceidentity", "sts:setcontext");

    /**
     * Decides the request; throws IllegalArgumentException when the principal cannot be parsed or the request
     * cannot be decided without a fact it lacks ({@link UndecidablePrincipalException}).
     */
    public Decision authorize(AuthorizationRequest request) {
        return new Evaluation(request).run();
    }

    private static final class Evaluation {
        private final AuthorizationRequest req;
        private final PrincipalInfo principal;
        private final String lowerAction;
        private final ArnTarget target;
        private final RequestContext ctx;
        private final boolean callerHasBoundary;
        private final List<MatchedStatement> matched = new ArrayList<>(4);
        private final MissLog misses = new MissLog();
        private final List<String> missingKeys = new ArrayList<>(0);
        private PrincipalMatch bestResourceMatch = PrincipalMatch.NONE;

        Evaluation(AuthorizationRequest req) {
            this.req = req;
            this.principal = PrincipalInfo.parse(req.principal(), req.sessionIssuer());
            this.lowerAction = req.action().toLowerCase(Locale.ROOT);
            this.target = ArnTarget.of(req.resource() == null ? "*" : req.resource());
            this.ctx = req.context();
            this.callerHasBoundary = req.permissionsBoundary() != null;
        }

        Decision run() {
            PrincipalKind kind = principal.kind();
            boolean iamIdentity = principal.isIamIdentity();
            boolean orgPrincipal = iamIdentity || kind == PrincipalKind.ROOT;
            boolean serviceLinked = principal.isServiceLinkedRole();
            boolean kmsKey = AwsManagedResource.isKmsKey(target);
            if (req.awsManagedResource() && !kmsKey) {
                throw new IllegalArgumentException("awsManagedResource applies to AWS managed KMS keys "
                        + "(arn:aws:kms:REGION:ACCOUNT:key/ID); AWS managed policies, service-linked roles and "
                        + "alias/aws/ aliases are recognised by their ARN, and " + target.text() + " is none of them");
            }
            boolean scpApplies = !req.scps().isEmpty() && orgPrincipal && !serviceLinked;
            // RCPs do not apply to AWS managed keys (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html).
            boolean rcpApplies = !req.rcps().isEmpty() && !serviceLinked && RCP_SERVICES.contains(serviceOf())
                    && !req.awsManagedResource();

            PolicyLayer denyLayer = null;
            if (rcpApplies) {
                // RCPFullAWSAccess is attached at every level and cannot be detached, so an RCP level can only
                // deny: a level without an allow of its own still lets the request through
                // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html).
                for (int i = 0; i < req.rcps().size(); i++) {
                    denyLayer = firstDeny(denyLayer, evalSet(req.rcps().get(i), PolicyLayer.RCP, true), PolicyLayer.RCP);
                }
            }
            int scpFailLevel = -1;
            if (scpApplies) {
                for (int i = 0; i < req.scps().size(); i++) {
                    int f = evalSet(req.scps().get(i), PolicyLayer.SCP, false);
                    denyLayer = firstDeny(denyLayer, f, PolicyLayer.SCP);
                    if ((f & ALLOW) == 0 && scpFailLevel < 0) {
                        scpFailLevel = i;
                    }
                }
            }
            int resource = req.resourcePolicy() == null ? 0
                    : evalPolicy(req.resourcePolicy(), PolicyLayer.RESOURCE_POLICY, true);
            denyLayer = firstDeny(denyLayer, resource, PolicyLayer.RESOURCE_POLICY);
            int identity = 0;
            int boundary = ALLOW;
            int session = ALLOW;
            if (iamIdentity) {
                identity = evalSet(req.identityPolicies(), PolicyLayer.IDENTITY, false);
                denyLayer = firstDeny(denyLayer, identity, PolicyLayer.IDENTITY);
                if (req.permissionsBoundary() != null) {
                    boundary = evalPolicy(req.permissionsBoundary(), PolicyLayer.PERMISSIONS_BOUNDARY, false);
                    denyLayer = firstDeny(denyLayer, boundary, PolicyLayer.PERMISSIONS_BOUNDARY);
                }
                if (req.sessionPolicy() != null) {
                    session = evalPolicy(req.sessionPolicy(), PolicyLayer.SESSION_POLICY, false);
                    denyLayer = firstDeny(denyLayer, session, PolicyLayer.SESSION_POLICY);
                } else if (kind == PrincipalKind.FEDERATED_USER) {
                    // GetFederationToken without a session policy gives a session with no permissions
                    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
                    session = 0;
                }
            }

            if (denyLayer != null) {
                return decide(EvalDecision.EXPLICIT_DENY, denyLayer, "with an explicit deny in a "
                        + denyLayer.awsName());
            }
            String awsOwned = AwsManagedResource.refusal(lowerAction, target, req.awsManagedResource());
            if (awsOwned != null) {
                return implicit(PolicyLayer.AWS_MANAGED, "AWS manages this resource: " + awsOwned);
            }
            if (scpFailLevel >= 0) {
                return implicit(PolicyLayer.SCP, "no service control policy at organization level "
                        + scpFailLevel + " allows the " + req.action() + " action");
            }
            boolean resourceAllows = (resource & ALLOW) != 0;
            boolean trustAction = TRUST_ACTIONS.contains(lowerAction);
            // "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
            // explicitly allow access for principals" (policy-eval-basics); "Unless the key policy explicitly
            // allows it, you cannot use IAM policies to allow access to a KMS key"
            // (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html). Every key has a key
            // policy, so a request on a key without one is not allowed by IAM policies alone.
            boolean keyPolicyMustAllow = kmsKey && "kms".equals(serviceOf());
            boolean resourceMustAllow = trustAction || keyPolicyMustAllow;
            if (keyPolicyMustAllow && req.resourcePolicy() == null) {
                return implicit(PolicyLayer.RESOURCE_POLICY, "the request gives no key policy for the KMS key, and "
                        + "IAM policies allow access to a key only when its key policy allows it (every KMS key "
                        + "has one; the default one allows the account, arn:aws:iam::ACCOUNT:root)");
            }

            if (kind == PrincipalKind.ROOT) {
                if (trustAction && lowerAction.startsWith("sts:assumerole")) {
                    return implicit(PolicyLayer.ROOT_USER, "the root user cannot assume roles");
                }
                if (isSameAccount() && !resourceMustAllow) {
                    return decide(EvalDecision.ALLOW, PolicyLayer.ROOT_USER,
                            "the root user has full access to its own account");
                }
                return resourceAllows
                        ? decide(EvalDecision.ALLOW, PolicyLayer.RESOURCE_POLICY, "a resource-based policy allows it")
                        : implicit(PolicyLayer.RESOURCE_POLICY, "no resource-based policy allows the "
                                + req.action() + " action");
            }
            if (!iamIdentity) {
                // Services, identity providers and anonymous callers have no identity policies.
                return resourceAllows
                        ? decide(EvalDecision.ALLOW, PolicyLayer.RESOURCE_POLICY, "a resource-based policy allows it")
                        : implicit(PolicyLayer.RESOURCE_POLICY, "no resource-based policy allows the "
                                + req.action() + " action");
            }

            boolean identityAllows = (identity & ALLOW) != 0;
            boolean boundaryAllows = (boundary & ALLOW) != 0;
            boolean sessionAllows = (session & ALLOW) != 0;
            boolean sameAccount = isSameAccount();
            if (sameAccount && resourceAllows && resourceGrantsAlone(boundaryAllows, sessionAllows, trustAction)) {
                return decide(EvalDecision.ALLOW, PolicyLayer.RESOURCE_POLICY, "a resource-based policy allows it");
            }
            if (sameAccount && resourceAllows && !identityAllows && resourceGrantLimited()) {
                // The resource-based policy allowed, but it names the role (or, for a trust policy, the user)
                // rather than the session, so the boundary and session policy had to allow too: they decided.
                if (!boundaryAllows) {
                    return implicit(PolicyLayer.PERMISSIONS_BOUNDARY, "no permissions boundary allows the "
                            + req.action() + " action");
                }
                return implicit(PolicyLayer.SESSION_POLICY, "no session policy allows the " + req.action()
                        + " action");
            }
            if (resourceMustAllow && !resourceAllows) {
                return implicit(PolicyLayer.RESOURCE_POLICY, (trustAction ? "the role trust policy" : "the key policy")
                        + " does not allow the " + req.action() + " action");
            }
            if (!identityAllows) {
                return implicit(PolicyLayer.IDENTITY, "no identity-based policy allows the " + req.action()
                        + " action");
            }
            if (!boundaryAllows) {
                return implicit(PolicyLayer.PERMISSIONS_BOUNDARY, "no permissions boundary allows the "
                        + req.action() + " action");
            }
            if (!sessionAllows) {
                return implicit(PolicyLayer.SESSION_POLICY, "no session policy allows the " + req.action()
                        + " action");
            }
            if (!sameAccount && !resourceAllows) {
                return implicit(PolicyLayer.RESOURCE_POLICY, "no resource-based policy in the resource's account "
                        + "allows the " + req.action() + " action");
            }
            if (!sameAccount) {
                return decide(EvalDecision.ALLOW, PolicyLayer.RESOURCE_POLICY,
                        "both an identity-based policy and the resource-based policy allow it");
            }
            return decide(EvalDecision.ALLOW, PolicyLayer.IDENTITY, "an identity-based policy allows it");
        }

        /**
         * Same account: a resource-based policy naming an IAM user (or everyone) is not limited by the user's
         * boundary; one naming a role, or a session through its role, is limited by the boundary and the
         * session policy; one naming the session ARN itself is not. Naming the account only delegates to the
         * identity-based policies. A wildcard principal matches the calling session itself. A role trust policy
         * naming a user still needs the user's permissions boundary to allow sts:AssumeRole
         * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html).
         */
        private boolean resourceGrantsAlone(boolean boundaryAllows, boolean sessionAllows, boolean trustAction) {
            PrincipalMatch m = bestResourceMatch;
            return switch (principal.kind()) {
                case USER -> (m == PrincipalMatch.DIRECT || m == PrincipalMatch.WILDCARD)
                        && (!trustAction || boundaryAllows);
                // A role ARN caller is a session of the role: named through its role (ISSUER) or by "*".
                case ROLE, ASSUMED_ROLE, FEDERATED_USER -> m == PrincipalMatch.DIRECT || m == PrincipalMatch.WILDCARD
                        || (m == PrincipalMatch.ISSUER && boundaryAllows && sessionAllows);
                default -> false;
            };
        }

        /** Whether the resource-based policy's allow reached the caller only through its role or user (limited). */
        private boolean resourceGrantLimited() {
            PrincipalMatch m = bestResourceMatch;
            return switch (principal.kind()) {
                case USER -> m == PrincipalMatch.DIRECT || m == PrincipalMatch.WILDCARD;
                case ROLE, ASSUMED_ROLE, FEDERATED_USER -> m == PrincipalMatch.ISSUER;
                default -> false;
            };
        }

        private boolean isSameAccount() {
            String acct = req.resourceAccount();
            if (acct == null || acct.isEmpty()) {
                acct = target.isArn() && target.end(4) > target.start(4) ? target.segment(4) : principal.account();
            }
            // AWS managed policies (arn:aws:iam::aws:policy/...) are shared with every account: reading or
            // attaching one is not a cross-account request.
            if ("aws".equals(acct) && principal.account() != null) {
                return true;
            }
            return acct != null && acct.equals(principal.account());
        }

        private String serviceOf() {
            int colon = lowerAction.indexOf(':');
            return colon < 0 ? lowerAction : lowerAction.substring(0, colon);
        }

        private static PolicyLayer firstDeny(PolicyLayer current, int flags, PolicyLayer layer) {
            return current == null && (flags & DENY) != 0 ? layer : current;
        }

        private int evalSet(List<CompiledPolicy> policies, PolicyLayer layer, boolean checkPrincipal) {
            int flags = 0;
            for (int i = 0; i < policies.size(); i++) {
                flags |= evalPolicy(policies.get(i), layer, checkPrincipal);
            }
            return flags;
        }

        private int evalPolicy(CompiledPolicy policy, PolicyLayer layer, boolean checkPrincipal) {
            int flags = 0;
            CompiledStatement[] statements = policy.statements;
            for (CompiledStatement s : statements) {
                if (s.effect == null) {
                    miss(policy, s, layer, MissReason.EFFECT, null);
                    continue;
                }
                if (!s.matchesAction(lowerAction)) {
                    miss(policy, s, layer, MissReason.ACTION, null);
                    continue;
                }
                if (!s.matchesResource(target, ctx, layer == PolicyLayer.RESOURCE_POLICY)) {
                    miss(policy, s, layer, MissReason.RESOURCE, null);
                    continue;
                }
                PrincipalMatch pm;
                try {
                    pm = checkPrincipal ? s.matchPrincipal(principal, callerHasBoundary) : PrincipalMatch.WILDCARD;
                } catch (UndecidablePrincipalException e) {
                    throw new UndecidablePrincipalException(policy.id() + " statement " + s.index
                            + (s.sid == null ? "" : " (" + s.sid + ")") + ": " + e.getMessage());
                }
                if (pm == PrincipalMatch.NONE) {
                    miss(policy, s, layer, MissReason.PRINCIPAL, null);
                    continue;
                }
                CompiledCondition failed = null;
                for (CompiledCondition c : s.conditions()) {
                    if (!c.evaluate(ctx, missingKeys)) {
                        failed = c;
                        break;
                    }
                }
                if (failed != null) {
                    miss(policy, s, layer, MissReason.CONDITION, failed.describe(ctx));
                    continue;
                }
                matched.add(new MatchedStatement(policy.id(), s.index, s.sid, s.effect, layer));
                if (s.effect == Effect.DENY) {
                    flags |= DENY;
                } else {
                    flags |= ALLOW;
                    if (layer == PolicyLayer.RESOURCE_POLICY && pm.compareTo(bestResourceMatch) > 0) {
                        bestResourceMatch = pm;
                    }
                }
            }
            return flags;
        }

        private void miss(CompiledPolicy p, CompiledStatement s, PolicyLayer layer, MissReason reason,
                ConditionMiss detail) {
            misses.record(p, s.index, layer, reason, detail);
        }

        private Decision implicit(PolicyLayer layer, String reason) {
            return decide(EvalDecision.IMPLICIT_DENY, layer, "because " + reason);
        }

        private Decision decide(EvalDecision d, PolicyLayer layer, String reason) {
            return new Decision(d, layer, reason, Collections.unmodifiableList(matched),
                    misses, Collections.unmodifiableList(missingKeys));
        }
    }
}
