package org.iamdojo.iam.account;

/** Finding the IAM entities a request names, with AWS's NoSuchEntity errors when they are not there. */
final class IamEntities {
    private IamEntities() {
    }

    static IamUser user(OperationContext c, String name) {
        IamUser u = c.account().user(name);
        if (u == null) {
            throw AwsException.noSuchEntity("The user with name " + name + " cannot be found.");
        }
        return u;
    }

    static IamGroup group(OperationContext c, String name) {
        IamGroup g = c.account().group(name);
        if (g == null) {
            throw AwsException.noSuchEntity("The group with name " + name + " cannot be found.");
        }
        return g;
    }

    static IamRole role(OperationContext c, String name) {
        IamRole r = c.account().role(name);
        if (r == null) {
            throw AwsException.noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return r;
    }

    /** The user, group or role the request names (UserName, GroupName or RoleName). */
    static PolicyHolder holder(OperationContext c, PolicyHolderKind kind, Params p) {
        return switch (kind) {
            case USER -> user(c, p.required("UserName"));
            case GROUP -> group(c, p.required("GroupName"));
            case ROLE -> role(c, p.required("RoleName"));
        };
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
