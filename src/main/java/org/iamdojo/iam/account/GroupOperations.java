package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.group;
import static org.iamdojo.iam.account.IamEntities.user;
import static org.iamdojo.iam.account.IamJson.entityJson;
import static org.iamdojo.iam.account.IamJson.unpaged;
import static org.iamdojo.iam.account.IamJson.userJson;
import static org.iamdojo.iam.account.IamQuotas.GROUPS_PER_USER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.account.PolicyHolderKind.NewEntity;

/** IAM groups and their members: CreateGroup, GetGroup, ListGroups, ListGroupsForUser, DeleteGroup, AddUserToGroup, RemoveUserFromGroup. */
final class GroupOperations {
    private GroupOperations() {
    }

    static ObjectNode createGroup(OperationContext c, Params p) {
        NewEntity n = PolicyHolderKind.GROUP.newEntity(c, p);
        IamGroup g = new IamGroup(n.name(), n.path(), n.id(), n.arn(), c.now());
        c.account().groups.put(n.name(), g);
        return c.response("Group", entityJson(g, "Group"));
    }

    static ObjectNode getGroup(OperationContext c, Params p) {
        IamGroup g = group(c, p.required("GroupName"));
        ObjectNode r = c.object();
        r.set("Group", entityJson(g, "Group"));
        ArrayNode users = r.putArray("Users");
        c.account().users.values().stream().filter(u -> u.groups.contains(g.name()))
                .forEach(u -> users.add(userJson(c, u)));
        r.put("IsTruncated", false);
        return r;
    }

    static ObjectNode listGroups(OperationContext c, Params p) {
        return unpaged(c, "Groups", c.account().groups.values().stream().map(g -> entityJson(g, "Group")));
    }

    static ObjectNode listGroupsForUser(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        return unpaged(c, "Groups", u.groups.stream().map(g -> entityJson(c.account().group(g), "Group")));
    }

    static ObjectNode deleteGroup(OperationContext c, Params p) {
        IamGroup g = group(c, p.required("GroupName"));
        if (c.account().users.values().stream().anyMatch(u -> u.groups.contains(g.name()))) {
            throw AwsException.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        if (!g.attachedPolicyArns.isEmpty()) {
            throw AwsException.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!g.inlinePolicies.isEmpty()) {
            throw AwsException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        c.account().groups.remove(g.name());
        return c.object();
    }

    static ObjectNode addUserToGroup(OperationContext c, Params p) {
        IamGroup g = group(c, p.required("GroupName"));
        IamUser u = user(c, p.required("UserName"));
        if (!u.groups.contains(g.name()) && u.groups.size() >= GROUPS_PER_USER) {
            throw AwsException.limitExceeded("Cannot exceed quota for GroupsPerUser: " + GROUPS_PER_USER);
        }
        u.groups.add(g.name());
        return c.object();
    }

    static ObjectNode removeUserFromGroup(OperationContext c, Params p) {
        IamGroup g = group(c, p.required("GroupName"));
        IamUser u = user(c, p.required("UserName"));
        if (!u.groups.remove(g.name())) {
            throw AwsException.noSuchEntity("The user with name " + u.name()
                    + " is not in group " + g.name() + ".");
        }
        return c.object();
    }
}
