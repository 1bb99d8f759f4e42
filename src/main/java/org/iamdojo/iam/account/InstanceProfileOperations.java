package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.instanceProfile;
import static org.iamdojo.iam.account.IamEntities.role;
import static org.iamdojo.iam.account.IamInput.ROLE_NAME;
import static org.iamdojo.iam.account.IamInput.name;
import static org.iamdojo.iam.account.IamInput.path;
import static org.iamdojo.iam.account.IamJson.instanceProfileJson;
import static org.iamdojo.iam.account.IamJson.unpaged;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Instance profiles, which carry a role to EC2 instances: CreateInstanceProfile, GetInstanceProfile,
 * ListInstanceProfiles, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, DeleteInstanceProfile.
 */
final class InstanceProfileOperations {
    private InstanceProfileOperations() {
    }

    static ObjectNode createInstanceProfile(OperationContext c, Params p) {
        String name = name(p, "InstanceProfileName", ROLE_NAME);
        String path = path(p);
        if (c.account().instanceProfiles.containsKey(name)) {
            throw AwsException.alreadyExists("Instance Profile " + name + " already exists.");
        }
        InstanceProfile ip = new InstanceProfile(name, path, c.ids().uniqueId("AIPA", 21),
                c.account().iamArn("instance-profile", path, name), c.now());
        c.account().instanceProfiles.put(name, ip);
        return c.response("InstanceProfile", instanceProfileJson(c, ip));
    }

    static ObjectNode getInstanceProfile(OperationContext c, Params p) {
        InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
        return c.response("InstanceProfile", instanceProfileJson(c, ip));
    }

    static ObjectNode listInstanceProfiles(OperationContext c, Params p) {
        return unpaged(c, "InstanceProfiles", c.account().instanceProfiles.values().stream()
                .map(ip -> instanceProfileJson(c, ip)));
    }

    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html
    static ObjectNode listInstanceProfilesForRole(OperationContext c, Params p) {
        IamRole r = role(c, p.required("RoleName"));
        return unpaged(c, "InstanceProfiles", c.account().instanceProfiles.values().stream()
                .filter(ip -> r.name().equals(ip.roleName)).map(ip -> instanceProfileJson(c, ip)));
    }

    static ObjectNode addRoleToInstanceProfile(OperationContext c, Params p) {
        InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
        IamRole r = role(c, p.required("RoleName"));
        if (ip.roleName != null) {
            throw AwsException.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        ip.roleName = r.name();
        return c.object();
    }

    static ObjectNode removeRoleFromInstanceProfile(OperationContext c, Params p) {
        InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
        String roleName = p.required("RoleName");
        if (ip.roleName == null || !ip.roleName.equalsIgnoreCase(roleName)) {
            throw AwsException.noSuchEntity("The role with name " + roleName + " cannot be found.");
        }
        ip.roleName = null;
        return c.object();
    }

    static ObjectNode deleteInstanceProfile(OperationContext c, Params p) {
        InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
        if (ip.roleName != null) {
            throw AwsException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        c.account().instanceProfiles.remove(ip.name());
        return c.object();
    }
}
