package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.newBoundary;
import static org.iamdojo.iam.account.IamEntities.user;
import static org.iamdojo.iam.account.IamInput.USER_NAME;
import static org.iamdojo.iam.account.IamInput.checkName;
import static org.iamdojo.iam.account.IamInput.checkPath;
import static org.iamdojo.iam.account.IamInput.tag;
import static org.iamdojo.iam.account.IamJson.unpaged;
import static org.iamdojo.iam.account.IamJson.userJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.account.PolicyHolderKind.NewEntity;

/** IAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser, TagUser, UntagUser. */
final class UserOperations {
    private UserOperations() {
    }

    static ObjectNode createUser(OperationContext c, Params p) {
        NewEntity n = PolicyHolderKind.USER.newEntity(c, p);
        IamUser u = new IamUser(n.name(), n.path(), n.id(), n.arn(), c.now());
        u.tags.putAll(p.tags("Tags"));
        u.permissionsBoundaryArn = newBoundary(c, p);
        c.account().users.put(n.name(), u);
        return c.response("User", userJson(c, u));
    }

    static ObjectNode getUser(OperationContext c, Params p) {
        String name = p.optional("UserName", c.caller().userName());
        if (name == null) {
            throw AwsException.validation("Must specify userName when calling with non-User credentials");
        }
        return c.response("User", userJson(c, user(c, name)));
    }

    static ObjectNode listUsers(OperationContext c, Params p) {
        String prefix = p.optional("PathPrefix", "/");
        return unpaged(c, "Users", c.account().users.values().stream().filter(u -> u.path().startsWith(prefix))
                .map(u -> userJson(c, u)));
    }

    static ObjectNode updateUser(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        String newName = p.optional("NewUserName");
        String newPath = p.optional("NewPath");
        if (newName == null && newPath == null) {
            return c.object();
        }
        SandboxAccount a = c.account();
        String name = newName == null ? u.name() : checkName(newName, "newUserName", USER_NAME);
        String path = newPath == null ? u.path() : checkPath(newPath);
        if (!name.equalsIgnoreCase(u.name()) && a.users.containsKey(name)) {
            throw AwsException.alreadyExists("User with name " + name + " already exists.");
        }
        IamUser renamed = new IamUser(name, path, u.id(), a.iamArn("user", path, name), u.createDate());
        copyUser(u, renamed);
        a.users.remove(u.name());
        a.users.put(name, renamed);
        return c.object();
    }

    static ObjectNode deleteUser(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        String conflict = !u.accessKeys.isEmpty() ? "access keys"
                : !u.groups.isEmpty() ? "group memberships"
                : !u.attachedPolicyArns.isEmpty() ? "attached policies"
                : !u.inlinePolicies.isEmpty() ? "inline policies"
                : u.loginProfile != null ? "a login profile"
                : u.mfaDevice != null ? "an MFA device" : null;
        if (conflict != null) {
            throw AwsException.deleteConflict("Cannot delete entity, must " + switch (conflict) {
                case "access keys" -> "delete access keys first.";
                case "group memberships" -> "remove users from group first.";
                case "attached policies" -> "detach all policies first.";
                case "inline policies" -> "delete policies first.";
                case "a login profile" -> "delete login profile first.";
                default -> "delete MFA device first.";
            });
        }
        c.account().users.remove(u.name());
        return c.object();
    }

    static ObjectNode tagUser(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        tag(u.tags, p.tags("Tags"));
        return c.object();
    }

    static ObjectNode untagUser(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        p.list("TagKeys").forEach(u.tags::remove);
        return c.object();
    }

    private static void copyUser(IamUser from, IamUser to) {
        to.inlinePolicies.putAll(from.inlinePolicies);
        to.attachedPolicyArns.addAll(from.attachedPolicyArns);
        to.tags.putAll(from.tags);
        to.groups.addAll(from.groups);
        to.accessKeys.addAll(from.accessKeys);
        to.permissionsBoundaryArn = from.permissionsBoundaryArn;
        to.loginProfile = from.loginProfile;
        to.mfaDevice = from.mfaDevice;
        to.passwordLastUsed = from.passwordLastUsed;
    }
}
