package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.holder;
import static org.iamdojo.iam.account.IamEntities.requirePolicy;
import static org.iamdojo.iam.account.IamJson.unpaged;
import static org.iamdojo.iam.account.IamQuotas.MANAGED_POLICIES_PER_ENTITY;

/**
 * Managed policies attached to users, groups and roles, and permissions boundaries of users and roles:
 * Attach/Detach/ListAttached{User,Group,Role}Policy(ies), Put/Delete{User,Role}PermissionsBoundary.
 */
final class AttachedPolicyOperations {
    private AttachedPolicyOperations() {
    }

    /** Attach{User,Group,Role}Policy: PoliciesPer{User,Group,Role} managed policies at most. */
    static Operation.Action attach(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String arn = p.required("PolicyArn");
            requirePolicy(c, arn);
            if (!h.attachedPolicyArns.contains(arn) && h.attachedPolicyArns.size() >= MANAGED_POLICIES_PER_ENTITY) {
                throw AwsException.limitExceeded("Cannot exceed quota for PoliciesPer" + kind.word() + ": "
                        + MANAGED_POLICIES_PER_ENTITY);
            }
            h.attachedPolicyArns.add(arn);
            return c.object();
        };
    }

    /** Detach{User,Group,Role}Policy. */
    static Operation.Action detach(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String arn = p.required("PolicyArn");
            if (!h.attachedPolicyArns.remove(arn)) {
                throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
            }
            return c.object();
        };
    }

    /** ListAttached{User,Group,Role}Policies. */
    static Operation.Action listAttached(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            return unpaged(c, "AttachedPolicies", h.attachedPolicyArns.stream().map(arn -> {
                ManagedPolicy mp = c.sandbox().managedPolicy(c.account(), arn);
                return c.object().put("PolicyName", mp == null ? arn.substring(arn.lastIndexOf('/') + 1) : mp.name())
                        .put("PolicyArn", arn);
            }));
        };
    }

    /** Put{User,Role}PermissionsBoundary. */
    static Operation.Action putBoundary(PolicyHolderKind kind) {
        return (c, p) -> {
            PolicyHolder h = holder(c, kind, p);
            String arn = p.required("PermissionsBoundary");
            requirePolicy(c, arn);
            setBoundary(h, arn);
            return c.object();
        };
    }

    /** Delete{User,Role}PermissionsBoundary. */
    static Operation.Action deleteBoundary(PolicyHolderKind kind) {
        return (c, p) -> {
            setBoundary(holder(c, kind, p), null);
            return c.object();
        };
    }

    private static void setBoundary(PolicyHolder h, String arn) {
        if (h instanceof IamUser u) {
            u.permissionsBoundaryArn = arn;
        } else {
            ((IamRole) h).permissionsBoundaryArn = arn;
        }
    }
}
