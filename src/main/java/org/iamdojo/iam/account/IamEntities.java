package org.iamdojo.iam.account;

import org.jspecify.annotations.Nullable;

/** Finding the IAM entities a request names, with AWS's NoSuchEntity errors when they are not there. */
final class IamEntities {
    private IamEntities() {
    }

    static IamUser user(OperationContext c, String name) {
        return (IamUser) holder(c, PolicyHolderKind.USER, name);
    }

    static IamGroup group(OperationContext c, String name) {
        return (IamGroup) holder(c, PolicyHolderKind.GROUP, name);
    }

    static IamRole role(OperationContext c, String name) {
        return (IamRole) holder(c, PolicyHolderKind.ROLE, name);
    }

    /** The user, group or role the request names (UserName, GroupName or RoleName). */
    static PolicyHolder holder(OperationContext c, PolicyHolderKind kind, Params p) {
        return holder(c, kind, p.required(kind.nameParameter()));
    }

    /** The user, group or role with that name; NoSuchEntity ("The role with name x cannot be found.") if none. */
    static PolicyHolder holder(OperationContext c, PolicyHolderKind kind, String name) {
        PolicyHolder h = kind.find(c.account(), name);
        if (h == null) {
            throw AwsException.noSuchEntity("The " + kind.arnType() + " with name " + name + " cannot be found.");
        }
        return h;
    }

    static InstanceProfile instanceProfile(OperationContext c, String name) {
        InstanceProfile ip = c.account().instanceProfile(name);
        if (ip == null) {
            throw AwsException.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return ip;
    }

    /** A customer managed policy of the account or an AWS managed policy. */
    static ManagedPolicy policy(OperationContext c, String arn) {
        ManagedPolicy mp = c.sandbox().managedPolicy(c.account(), arn);
        if (mp == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return mp;
    }

    /** A policy the caller may change: AWS managed policies are read-only. */
    static ManagedPolicy customerPolicy(OperationContext c, String arn) {
        ManagedPolicy mp = policy(c, arn);
        if (mp.awsManaged()) {
            throw new AwsException("AccessDenied", 403, "Cannot modify an AWS managed policy: " + arn);
        }
        return mp;
    }

    /** The boundary a CreateUser or CreateRole request gives in PermissionsBoundary (a policy that exists), or null. */
    static @Nullable String newBoundary(OperationContext c, Params p) {
        String boundary = p.optional("PermissionsBoundary");
        if (boundary != null) {
            requirePolicy(c, boundary);
        }
        return boundary;
    }

    static void requirePolicy(OperationContext c, String arn) {
        policy(c, arn);
    }

    static ManagedPolicy.PolicyVersion version(ManagedPolicy mp, String versionId) {
        return mp.versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> AwsException.noSuchEntity("Policy " + mp.arn() + " version " + versionId + " does not exist."));
    }

    /** How many users, groups and roles of the account have the policy attached. */
    static long attachmentCount(OperationContext c, String arn) {
        SandboxAccount a = c.account();
        return a.users.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count()
                + a.groups.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count()
                + a.roles.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count();
    }

    /** How many users and roles of the account have the policy as permissions boundary. */
    static long boundaryUsage(OperationContext c, String arn) {
        return c.account().users.values().stream().filter(u -> arn.equals(u.permissionsBoundaryArn)).count()
                + c.account().roles.values().stream().filter(r -> arn.equals(r.permissionsBoundaryArn)).count();
    }

    /**
     * The user an operation on "your own" credentials acts on: UserName when given, else the calling user;
     * null for the root user (who acts on its own credentials).
     */
    static String targetUserName(OperationContext c, Params p) {
        String name = p.optional("UserName");
        if (name != null) {
            return name;
        }
        return c.caller().isRoot() ? null : c.caller().userName();
    }
}
