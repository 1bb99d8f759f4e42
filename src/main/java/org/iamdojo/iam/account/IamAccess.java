package org.iamdojo.iam.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions IAM operations need. Each rule receives the operation's own action ({@code iam:CreateUser} for
 * CreateUser) and says on which resource, with which IAM condition keys, it is authorized. The resource of an
 * entity that does not exist yet is the ARN it would have; one that exists is authorized on its ARN with its path.
 * Actions, resources and keys: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
final class IamAccess {
    private IamAccess() {
    }

    /** A rule: the permissions an operation whose action is {@code action} needs for this request. */
    @FunctionalInterface
    interface Rule {
        List<AccessRequest> needs(OperationContext c, Params p, String action);
    }

    // ---- account-wide ----------------------------------------------------------------------------

    /** Account settings and reports are authorized on "*". */
    static List<AccessRequest> onAccount(OperationContext c, Params p, String action) {
        return need(c, action, "*");
    }

    // ---- users, groups and roles (PolicyHolderKind), and new entities of every type ---------------

    /** A new entity: its ARN from Path and the name parameter, e.g. {@code onNew("group", "GroupName")}. */
    static Rule onNew(String arnType, String nameParameter) {
        return (c, p, action) -> need(c, action, newArn(c, p, arnType, nameParameter));
    }

    /** A new user or role (Path, UserName/RoleName), with iam:PermissionsBoundary when one is given. */
    static Rule onNewWithBoundary(PolicyHolderKind kind) {
        return (c, p, action) -> needWith(c, action, newArn(c, p, kind.arnType(), kind.nameParameter()),
                "iam:PermissionsBoundary", p.optional("PermissionsBoundary"));
    }

    /** Every entity of a type, for the List operations: {@code arn:aws:iam::<account>:<type>/}. */
    static Rule onAll(String arnType) {
        return (c, p, action) -> need(c, action, c.account().iamArn(arnType, "/", ""));
    }

    /** The user, group or role its name parameter (UserName, GroupName, RoleName) names. */
    static Rule on(PolicyHolderKind kind) {
        return (c, p, action) -> need(c, action, holderArn(c, kind, p.required(kind.nameParameter())));
    }

    /**
     * The user, group or role, with iam:PolicyARN and the boundary a user or role already has as
     * iam:PermissionsBoundary (groups have no boundary).
     */
    static Rule withPolicyKeys(PolicyHolderKind kind) {
        return (c, p, action) -> List.of(AccessRequest.of(action, holderArn(c, kind, p.required(kind.nameParameter())),
                c.accountId(), targetContext(c, kind, p)));
    }

    /** The user, group or role, with iam:PolicyARN. */
    static Rule withPolicyArn(PolicyHolderKind kind) {
        return (c, p, action) -> needWith(c, action, holderArn(c, kind, p.required(kind.nameParameter())),
                "iam:PolicyARN", p.optional("PolicyArn"));
    }

    /** The user or role, with the new boundary as iam:PermissionsBoundary. */
    static Rule withNewBoundary(PolicyHolderKind kind) {
        return (c, p, action) -> needWith(c, action, holderArn(c, kind, p.required(kind.nameParameter())),
                "iam:PermissionsBoundary", p.optional("PermissionsBoundary"));
    }

    /** The user UserName names, or the calling user when it is omitted (GetUser). */
    static List<AccessRequest> onUserOrCaller(OperationContext c, Params p, String action) {
        return p.optional("UserName") == null && c.caller().userName() != null
                ? need(c, action, c.caller().arn())
                : need(c, action, holderArn(c, PolicyHolderKind.USER, p.optional("UserName", c.caller().userName())));
    }

    /** Operations on "your own" credentials act on the caller when UserName is omitted (root: on root). */
    static List<AccessRequest> onUserOrSelf(OperationContext c, Params p, String action) {
        String userName = IamEntities.targetUserName(c, p);
        String arn = userName == null ? c.account().rootArn() : holderArn(c, PolicyHolderKind.USER, userName);
        return need(c, action, arn);
    }

    /** The user or root user that owns the access key AccessKeyId. */
    static List<AccessRequest> onKeyOwner(OperationContext c, Params p, String action) {
        String keyId = p.required("AccessKeyId");
        for (IamUser u : c.account().users.values()) {
            if (u.accessKeys.stream().anyMatch(k -> k.accessKeyId().equals(keyId))) {
                return need(c, action, u.arn());
            }
        }
        return need(c, action, c.account().rootArn());
    }

    // ---- managed policies ------------------------------------------------------------------------

    /** The managed policy PolicyArn names. */
    static List<AccessRequest> onPolicy(OperationContext c, Params p, String action) {
        return need(c, action, p.required("PolicyArn"));
    }

    /** The user, group or role PolicySourceArn names (SimulatePrincipalPolicy). */
    static List<AccessRequest> onPolicySource(OperationContext c, Params p, String action) {
        return need(c, action, p.required("PolicySourceArn"));
    }

    // ---- MFA devices -----------------------------------------------------------------------------

    /** The virtual MFA device SerialNumber names (its ARN). */
    static List<AccessRequest> onMfaDevice(OperationContext c, Params p, String action) {
        return need(c, action, p.required("SerialNumber"));
    }

    // ---- instance profiles -----------------------------------------------------------------------

    static List<AccessRequest> onInstanceProfile(OperationContext c, Params p, String action) {
        return need(c, action, instanceProfileArn(c, p.required("InstanceProfileName")));
    }

    /** The instance profile, and iam:PassRole on the role put into it. */
    static List<AccessRequest> onInstanceProfilePassingRole(OperationContext c, Params p, String action) {
        return List.of(
                AccessRequest.of(action, instanceProfileArn(c, p.required("InstanceProfileName")), c.accountId()),
                AccessRequest.of("iam:PassRole", holderArn(c, PolicyHolderKind.ROLE, p.required("RoleName")),
                        c.accountId()));
    }

    // ---- building blocks -------------------------------------------------------------------------

    static List<AccessRequest> need(OperationContext c, String action, String resourceArn) {
        return List.of(AccessRequest.of(action, resourceArn, c.accountId()));
    }

    /**
     * A permission with one IAM condition key in the request context when the request carries it, e.g.
     * iam:PermissionsBoundary for CreateUser or iam:PolicyARN for DetachUserPolicy.
     */
    static List<AccessRequest> needWith(OperationContext c, String action, String resourceArn, String key, String value) {
        Map<String, List<String>> context = value == null ? Map.of() : Map.of(key, List.of(value));
        return List.of(AccessRequest.of(action, resourceArn, c.accountId(), context));
    }

    /**
     * The IAM keys of a policy change on a user or role: iam:PolicyARN, and iam:PermissionsBoundary with the
     * boundary the target entity already has (how delegated admins are kept inside a boundary).
     */
    private static Map<String, List<String>> targetContext(OperationContext c, PolicyHolderKind kind, Params p) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (p.optional("PolicyArn") != null) {
            context.put("iam:PolicyARN", List.of(p.optional("PolicyArn")));
        }
        String name = p.optional(kind.nameParameter());
        PolicyHolder target = name == null ? null : kind.find(c.account(), name);
        String boundary = target instanceof IamUser u ? u.permissionsBoundaryArn
                : target instanceof IamRole r ? r.permissionsBoundaryArn : null;
        if (boundary != null) {
            context.put("iam:PermissionsBoundary", List.of(boundary));
        }
        return context;
    }

    /** The ARN of a new entity: its type, Path and the name the request gives. */
    private static String newArn(OperationContext c, Params p, String arnType, String nameParameter) {
        return c.account().iamArn(arnType, IamInput.path(p), p.required(nameParameter));
    }

    /** The ARN of a user, group or role (with its path when it exists) for authorization. */
    static String holderArn(OperationContext c, PolicyHolderKind kind, String name) {
        PolicyHolder h = kind.find(c.account(), name);
        return h != null ? h.arn() : c.account().iamArn(kind.arnType(), "/", name);
    }

    static String instanceProfileArn(OperationContext c, String name) {
        InstanceProfile ip = c.account().instanceProfile(name);
        return ip != null ? ip.arn() : c.account().iamArn("instance-profile", "/", name);
    }
}
