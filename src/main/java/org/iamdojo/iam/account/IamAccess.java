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

    // ---- users -----------------------------------------------------------------------------------

    /** A new user (Path, UserName), with iam:PermissionsBoundary when one is given. */
    static List<AccessRequest> onNewUser(OperationContext c, Params p, String action) {
        return needWith(c, action, c.account().iamArn("user", IamInput.path(p), p.required("UserName")),
                "iam:PermissionsBoundary", p.optional("PermissionsBoundary"));
    }

    /** The user UserName names. */
    static List<AccessRequest> onUser(OperationContext c, Params p, String action) {
        return need(c, action, userArn(c, p.required("UserName")));
    }

    /** The user UserName names, or the calling user when it is omitted (GetUser). */
    static List<AccessRequest> onUserOrCaller(OperationContext c, Params p, String action) {
        return p.optional("UserName") == null && c.caller().userName() != null
                ? need(c, action, c.caller().arn())
                : need(c, action, userArn(c, p.optional("UserName", c.caller().userName())));
    }

    /** Operations on "your own" credentials act on the caller when UserName is omitted (root: on root). */
    static List<AccessRequest> onUserOrSelf(OperationContext c, Params p, String action) {
        String userName = IamEntities.targetUserName(c, p);
        String arn = userName == null ? c.account().rootArn() : userArn(c, userName);
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

    static List<AccessRequest> onAllUsers(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("user", "/", ""));
    }

    /** The user, with iam:PolicyARN and the boundary the user already has as iam:PermissionsBoundary. */
    static List<AccessRequest> onUserWithPolicyKeys(OperationContext c, Params p, String action) {
        return List.of(AccessRequest.of(action, userArn(c, p.required("UserName")), c.accountId(),
                targetContext(c, PolicyHolderKind.USER, p)));
    }

    /** The user, with iam:PolicyARN. */
    static List<AccessRequest> onUserWithPolicyArn(OperationContext c, Params p, String action) {
        return needWith(c, action, userArn(c, p.required("UserName")), "iam:PolicyARN", p.optional("PolicyArn"));
    }

    /** The user, with the new boundary as iam:PermissionsBoundary. */
    static List<AccessRequest> onUserWithNewBoundary(OperationContext c, Params p, String action) {
        return needWith(c, action, userArn(c, p.required("UserName")), "iam:PermissionsBoundary",
                p.optional("PermissionsBoundary"));
    }

    // ---- groups ----------------------------------------------------------------------------------

    static List<AccessRequest> onNewGroup(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("group", IamInput.path(p), p.required("GroupName")));
    }

    static List<AccessRequest> onGroup(OperationContext c, Params p, String action) {
        return need(c, action, groupArn(c, p.required("GroupName")));
    }

    static List<AccessRequest> onAllGroups(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("group", "/", ""));
    }

    /** The group, with iam:PolicyARN (groups have no boundary). */
    static List<AccessRequest> onGroupWithPolicyKeys(OperationContext c, Params p, String action) {
        return List.of(AccessRequest.of(action, groupArn(c, p.required("GroupName")), c.accountId(),
                targetContext(c, PolicyHolderKind.GROUP, p)));
    }

    static List<AccessRequest> onGroupWithPolicyArn(OperationContext c, Params p, String action) {
        return needWith(c, action, groupArn(c, p.required("GroupName")), "iam:PolicyARN", p.optional("PolicyArn"));
    }

    // ---- roles -----------------------------------------------------------------------------------

    /** A new role (Path, RoleName), with iam:PermissionsBoundary when one is given. */
    static List<AccessRequest> onNewRole(OperationContext c, Params p, String action) {
        return needWith(c, action, c.account().iamArn("role", IamInput.path(p), p.required("RoleName")),
                "iam:PermissionsBoundary", p.optional("PermissionsBoundary"));
    }

    static List<AccessRequest> onRole(OperationContext c, Params p, String action) {
        return need(c, action, roleArn(c, p.required("RoleName")));
    }

    static List<AccessRequest> onAllRoles(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("role", "/", ""));
    }

    /** The role, with iam:PolicyARN and the boundary the role already has as iam:PermissionsBoundary. */
    static List<AccessRequest> onRoleWithPolicyKeys(OperationContext c, Params p, String action) {
        return List.of(AccessRequest.of(action, roleArn(c, p.required("RoleName")), c.accountId(),
                targetContext(c, PolicyHolderKind.ROLE, p)));
    }

    static List<AccessRequest> onRoleWithPolicyArn(OperationContext c, Params p, String action) {
        return needWith(c, action, roleArn(c, p.required("RoleName")), "iam:PolicyARN", p.optional("PolicyArn"));
    }

    static List<AccessRequest> onRoleWithNewBoundary(OperationContext c, Params p, String action) {
        return needWith(c, action, roleArn(c, p.required("RoleName")), "iam:PermissionsBoundary",
                p.optional("PermissionsBoundary"));
    }

    // ---- managed policies ------------------------------------------------------------------------

    static List<AccessRequest> onNewPolicy(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("policy", IamInput.path(p), p.required("PolicyName")));
    }

    /** The managed policy PolicyArn names. */
    static List<AccessRequest> onPolicy(OperationContext c, Params p, String action) {
        return need(c, action, p.required("PolicyArn"));
    }

    static List<AccessRequest> onAllPolicies(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("policy", "/", ""));
    }

    /** The user, group or role PolicySourceArn names (SimulatePrincipalPolicy). */
    static List<AccessRequest> onPolicySource(OperationContext c, Params p, String action) {
        return need(c, action, p.required("PolicySourceArn"));
    }

    // ---- MFA devices -----------------------------------------------------------------------------

    static List<AccessRequest> onNewMfaDevice(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("mfa", IamInput.path(p), p.required("VirtualMFADeviceName")));
    }

    /** The virtual MFA device SerialNumber names (its ARN). */
    static List<AccessRequest> onMfaDevice(OperationContext c, Params p, String action) {
        return need(c, action, p.required("SerialNumber"));
    }

    // ---- instance profiles -----------------------------------------------------------------------

    static List<AccessRequest> onNewInstanceProfile(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("instance-profile", IamInput.path(p), p.required("InstanceProfileName")));
    }

    static List<AccessRequest> onInstanceProfile(OperationContext c, Params p, String action) {
        return need(c, action, instanceProfileArn(c, p.required("InstanceProfileName")));
    }

    static List<AccessRequest> onAllInstanceProfiles(OperationContext c, Params p, String action) {
        return need(c, action, c.account().iamArn("instance-profile", "/", ""));
    }

    /** The instance profile, and iam:PassRole on the role put into it. */
    static List<AccessRequest> onInstanceProfilePassingRole(OperationContext c, Params p, String action) {
        return List.of(
                AccessRequest.of(action, instanceProfileArn(c, p.required("InstanceProfileName")), c.accountId()),
                AccessRequest.of("iam:PassRole", roleArn(c, p.required("RoleName")), c.accountId()));
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
        String boundary = null;
        if (kind == PolicyHolderKind.USER && p.optional("UserName") != null && c.account().user(p.optional("UserName")) != null) {
            boundary = c.account().user(p.optional("UserName")).permissionsBoundaryArn;
        } else if (kind == PolicyHolderKind.ROLE && p.optional("RoleName") != null && c.account().role(p.optional("RoleName")) != null) {
            boundary = c.account().role(p.optional("RoleName")).permissionsBoundaryArn;
        }
        if (boundary != null) {
            context.put("iam:PermissionsBoundary", List.of(boundary));
        }
        return context;
    }

    /** The ARN of a user (with its path when it exists) for authorization. */
    static String userArn(OperationContext c, String name) {
        IamUser u = c.account().user(name);
        return u != null ? u.arn() : c.account().iamArn("user", "/", name);
    }

    static String groupArn(OperationContext c, String name) {
        IamGroup g = c.account().group(name);
        return g != null ? g.arn() : c.account().iamArn("group", "/", name);
    }

    static String roleArn(OperationContext c, String name) {
        IamRole r = c.account().role(name);
        return r != null ? r.arn() : c.account().iamArn("role", "/", name);
    }

    static String instanceProfileArn(OperationContext c, String name) {
        InstanceProfile ip = c.account().instanceProfile(name);
        return ip != null ? ip.arn() : c.account().iamArn("instance-profile", "/", name);
    }
}
