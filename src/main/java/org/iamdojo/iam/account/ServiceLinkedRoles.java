package org.iamdojo.iam.account;

import java.util.List;
import java.util.Set;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.EvalDecision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.eval.StatementMiss;
import org.iamdojo.iam.policy.Effect;

/**
 * Service-linked roles (path {@code /aws-service-role/}) are protected AWS resources: "Only the service that
 * depends on the service-linked role can modify or delete the role on your behalf"; IAM answers a customer's
 * change with {@code UnmodifiableEntity} (HTTP 400), "Cannot perform the operation on the protected role 'NAME' -
 * this role is only modifiable by AWS" (the error:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html#API_DeleteRole_Errors, listed the same
 * for PutRolePolicy, DeleteRolePolicy, AttachRolePolicy, DetachRolePolicy, UpdateAssumeRolePolicy,
 * Put/DeleteRolePermissionsBoundary, UpdateRole, AddRoleToInstanceProfile and RemoveRoleFromInstanceProfile in
 * their API reference pages; the roles: https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
 * The description stays editable (UpdateRoleDescription, UpdateRole with only a Description:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-service-linked-role.html). Putting such a role in
 * an instance profile is refused too, so no customer can pass it to EC2.
 * <p>
 * The error comes after authorization, as AWS checks: a caller whose policies do not allow the action gets
 * AccessDenied; one they allow (or the root user) gets UnmodifiableEntity and nothing changes.
 */
final class ServiceLinkedRoles {
    /** The path prefix IAM reserves for service-linked roles. */
    static final String PATH = "/aws-service-role/";
    /** IAM operations that change a role's permissions, trust, settings, instance profiles or existence. */
    private static final Set<String> PROTECTED = Set.of("DeleteRole", "PutRolePolicy", "DeleteRolePolicy",
            "AttachRolePolicy", "DetachRolePolicy", "UpdateAssumeRolePolicy", "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary", "UpdateRole", "AddRoleToInstanceProfile", "RemoveRoleFromInstanceProfile");

    private ServiceLinkedRoles() {
    }

    /** True for a role under {@code /aws-service-role/}. */
    static boolean isServiceLinked(IamRole role) {
        return role.path() != null && role.path().startsWith(PATH);
    }

    /** AWS's error when this IAM call would change a service-linked role of the account, else null. */
    static AwsException refusal(OperationContext c, String service, String operation, Params p) {
        if (!"iam".equals(service) || !PROTECTED.contains(operation) || c.account() == null) {
            return null;
        }
        if ("UpdateRole".equals(operation) && p.optional("MaxSessionDuration") == null) {
            // Only the description changes: allowed for service-linked roles.
            return null;
        }
        String name = p.optional("RoleName");
        IamRole role = name == null ? null : c.account().role(name);
        if (role == null || !isServiceLinked(role)) {
            return null;
        }
        return new AwsException("UnmodifiableEntity", 400, "Cannot perform the operation on the protected role '"
                + role.name() + "' - this role is only modifiable by AWS");
    }

    /**
     * Whether a deny came only from "AWS manages this resource": the caller's identity or resource policy allows
     * the action (the root user needs no policy), and every boundary, session policy and SCP that was evaluated
     * allows it too.
     */
    static boolean deniedOnlyAsAwsOwned(Caller caller, Decision d) {
        if (d == null || d.decision() != EvalDecision.IMPLICIT_DENY || d.decidingLayer() != PolicyLayer.AWS_MANAGED) {
            return false;
        }
        List<MatchedStatement> m = d.matchedStatements();
        boolean granted = caller.type() == CallerType.ROOT || allows(m, PolicyLayer.IDENTITY)
                || allows(m, PolicyLayer.RESOURCE_POLICY);
        for (PolicyLayer limit : List.of(PolicyLayer.PERMISSIONS_BOUNDARY, PolicyLayer.SESSION_POLICY, PolicyLayer.SCP)) {
            if (present(d, limit) && !allows(m, limit)) {
                return false;
            }
        }
        return granted;
    }

    private static boolean allows(List<MatchedStatement> matched, PolicyLayer layer) {
        return matched.stream().anyMatch(x -> x.layer() == layer && x.effect() == Effect.ALLOW);
    }

    private static boolean present(Decision d, PolicyLayer layer) {
        return d.matchedStatements().stream().anyMatch(x -> x.layer() == layer)
                || d.notMatchedStatements().stream().map(StatementMiss::layer).anyMatch(l -> l == layer);
    }
}
