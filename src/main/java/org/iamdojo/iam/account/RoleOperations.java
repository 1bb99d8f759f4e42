package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.newBoundary;
import static org.iamdojo.iam.account.IamEntities.role;
import static org.iamdojo.iam.account.IamInput.decode;
import static org.iamdojo.iam.account.IamInput.path;
import static org.iamdojo.iam.account.IamInput.tag;
import static org.iamdojo.iam.account.IamJson.roleJson;
import static org.iamdojo.iam.account.IamJson.unpaged;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** IAM roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole, TagRole, UntagRole. */
final class RoleOperations {
    private RoleOperations() {
    }

    static ObjectNode createRole(OperationContext c, Params p) {
        // Unlike CreateUser and CreateGroup, the trust policy is read before the name is checked to be free.
        String name = PolicyHolderKind.ROLE.newName(p);
        String path = path(p);
        String trust = decode(p.required("AssumeRolePolicyDocument"));
        SandboxAccount a = c.account();
        PolicyHolderKind.ROLE.checkFree(a, name);
        c.sandbox().checkPolicy(trust, PolicyUse.TRUST);
        int max = maxSession(p);
        IamRole r = new IamRole(name, path, PolicyHolderKind.ROLE.newId(c), a.iamArn("role", path, name), c.now(), trust);
        r.description = p.optional("Description");
        r.maxSessionDurationSeconds = max;
        r.tags.putAll(p.tags("Tags"));
        r.permissionsBoundaryArn = newBoundary(c, p);
        a.roles.put(name, r);
        return c.response("Role", roleJson(r));
    }

    static ObjectNode getRole(OperationContext c, Params p) {
        return c.response("Role", roleJson(role(c, p.required("RoleName"))));
    }

    static ObjectNode listRoles(OperationContext c, Params p) {
        return unpaged(c, "Roles", c.account().roles.values().stream().map(IamJson::roleJson));
    }

    static ObjectNode updateRole(OperationContext c, Params p) {
        IamRole r = role(c, p.required("RoleName"));
        if (p.optional("Description") != null) {
            r.description = p.optional("Description");
        }
        if (p.optional("MaxSessionDuration") != null) {
            r.maxSessionDurationSeconds = maxSession(p);
        }
        return c.object();
    }

    static ObjectNode updateAssumeRolePolicy(OperationContext c, Params p) {
        IamRole r = role(c, p.required("RoleName"));
        String doc = decode(p.required("PolicyDocument"));
        c.sandbox().checkPolicy(doc, PolicyUse.TRUST);
        r.trustPolicy = doc;
        return c.object();
    }

    static ObjectNode deleteRole(OperationContext c, Params p) {
        IamRole r = role(c, p.required("RoleName"));
        if (!r.attachedPolicyArns.isEmpty()) {
            throw AwsException.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!r.inlinePolicies.isEmpty()) {
            throw AwsException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (c.account().instanceProfiles.values().stream().anyMatch(ip -> r.name().equals(ip.roleName))) {
            throw AwsException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        c.account().roles.remove(r.name());
        return c.object();
    }

    static ObjectNode tagRole(OperationContext c, Params p) {
        tag(role(c, p.required("RoleName")).tags, p.tags("Tags"));
        return c.object();
    }

    static ObjectNode untagRole(OperationContext c, Params p) {
        IamRole r = role(c, p.required("RoleName"));
        p.list("TagKeys").forEach(r.tags::remove);
        return c.object();
    }

    private static int maxSession(Params p) {
        Integer max = p.integer("MaxSessionDuration");
        if (max == null) {
            return 3600;
        }
        if (max < 3600 || max > 43200) {
            throw AwsException.validation("1 validation error detected: Value '" + max
                    + "' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"
                    + (max > 43200 ? " and less than or equal to 43200" : ""));
        }
        return max;
    }
}
