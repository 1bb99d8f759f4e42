package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.holder;
import static org.iamdojo.iam.account.IamEntities.requirePolicy;
import static org.iamdojo.iam.account.IamQuotas.MANAGED_POLICIES_PER_ENTITY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Managed policies attached to users, groups and roles, and permissions boundaries of users and roles:
 * Attach/Detach/ListAttached{User,Group,Role}Policy(ies), Put/Delete{User,Role}PermissionsBoundary.
 */
final class AttachedPolicyOperations {
    private AttachedPolicyOperations() {
    }

    static ObjectNode attachUserPolicy(OperationContext c, Params p) {
        return attach(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode attachGroupPolicy(OperationContext c, Params p) {
        return attach(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode attachRolePolicy(OperationContext c, Params p) {
        return attach(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode detachUserPolicy(OperationContext c, Params p) {
        return detach(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode detachGroupPolicy(OperationContext c, Params p) {
        return detach(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode detachRolePolicy(OperationContext c, Params p) {
        return detach(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode listAttachedUserPolicies(OperationContext c, Params p) {
        return listAttached(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode listAttachedGroupPolicies(OperationContext c, Params p) {
        return listAttached(c, p, PolicyHolderKind.GROUP);
    }

    static ObjectNode listAttachedRolePolicies(OperationContext c, Params p) {
        return listAttached(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode putUserPermissionsBoundary(OperationContext c, Params p) {
        return putBoundary(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode putRolePermissionsBoundary(OperationContext c, Params p) {
        return putBoundary(c, p, PolicyHolderKind.ROLE);
    }

    static ObjectNode deleteUserPermissionsBoundary(OperationContext c, Params p) {
        return deleteBoundary(c, p, PolicyHolderKind.USER);
    }

    static ObjectNode deleteRolePermissionsBoundary(OperationContext c, Params p) {
        return deleteBoundary(c, p, PolicyHolderKind.ROLE);
    }

    private static ObjectNode attach(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String arn = p.required("PolicyArn");
        requirePolicy(c, arn);
        if (!h.attachedPolicyArns.contains(arn) && h.attachedPolicyArns.size() >= MANAGED_POLICIES_PER_ENTITY) {
            throw AwsException.limitExceeded("Cannot exceed quota for PoliciesPer" + kind.word() + ": "
                    + MANAGED_POLICIES_PER_ENTITY);
        }
        h.attachedPolicyArns.add(arn);
        return c.object();
    }

    private static ObjectNode detach(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String arn = p.required("PolicyArn");
        if (!h.attachedPolicyArns.remove(arn)) {
            throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
        }
        return c.object();
    }

    private static ObjectNode listAttached(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("AttachedPolicies");
        for (String arn : h.attachedPolicyArns) {
            ManagedPolicy mp = c.sandbox().managedPolicy(c.account(), arn);
            ObjectNode e = list.addObject();
            e.put("PolicyName", mp == null ? arn.substring(arn.lastIndexOf('/') + 1) : mp.name());
            e.put("PolicyArn", arn);
        }
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode putBoundary(OperationContext c, Params p, PolicyHolderKind kind) {
        PolicyHolder h = holder(c, kind, p);
        String arn = p.required("PermissionsBoundary");
        requirePolicy(c, arn);
        setBoundary(h, arn);
        return c.object();
    }

    private static ObjectNode deleteBoundary(OperationContext c, Params p, PolicyHolderKind kind) {
        setBoundary(holder(c, kind, p), null);
        return c.object();
    }

    private static void setBoundary(PolicyHolder h, String arn) {
        if (h instanceof IamUser u) {
            u.permissionsBoundaryArn = arn;
        } else {
            ((IamRole) h).permissionsBoundaryArn = arn;
        }
    }
}
