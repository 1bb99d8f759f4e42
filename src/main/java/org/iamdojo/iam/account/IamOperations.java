package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IAM API of the sandbox under AWS's operation names, with AWS's name rules, quotas and errors.
 * Quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
public final class IamOperations {
    static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern GROUP_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{0,510}/");
    static final int GROUPS_PER_USER = 10;
    static final int MANAGED_POLICIES_PER_ENTITY = 10;
    static final int ACCESS_KEYS_PER_USER = 2;
    static final int VERSIONS_PER_POLICY = 5;
    static final int USER_INLINE_TOTAL = 2048;
    static final int GROUP_INLINE_TOTAL = 5120;
    static final int ROLE_INLINE_TOTAL = 10240;

    private IamOperations() {
    }

    /** Registers every IAM operation on a sandbox. */
    public static void registerAll(Sandbox sandbox) {
        users(sandbox);
        groups(sandbox);
        roles(sandbox);
        policies(sandbox);
        attachments(sandbox);
        inlinePolicies(sandbox);
        credentials(sandbox);
        mfa(sandbox);
        instanceProfiles(sandbox);
        accountSettings(sandbox);
        AuthorizationDetails.register(sandbox);
    }

    // ---- users ---------------------------------------------------------------------------------

    private static void users(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateUser", false,
                (c, p) -> needWith(c, "CreateUser", c.account().iamArn("user", path(p), p.required("UserName")),
                        "iam:PermissionsBoundary", p.optional("PermissionsBoundary")),
                (c, p) -> {
                    String name = name(p, "UserName", USER_NAME);
                    String path = path(p);
                    SandboxAccount a = c.account();
                    if (a.users.containsKey(name)) {
                        throw AwsException.alreadyExists("User with name " + name + " already exists.");
                    }
                    IamUser u = new IamUser(name, path, c.ids().uniqueId("AIDA", 21), a.iamArn("user", path, name), c.now());
                    u.tags.putAll(p.tags("Tags"));
                    String boundary = p.optional("PermissionsBoundary");
                    if (boundary != null) {
                        requirePolicy(c, boundary);
                        u.permissionsBoundaryArn = boundary;
                    }
                    a.users.put(name, u);
                    ObjectNode r = c.object();
                    r.set("User", userJson(c, u));
                    return r;
                }));
        sb.register(Operation.of("iam", "GetUser", true,
                (c, p) -> p.optional("UserName") == null && c.caller().userName() != null
                        ? need(c, "GetUser", c.caller().arn())
                        : need(c, "GetUser", userArn(c, p.optional("UserName", c.caller().userName()))),
                (c, p) -> {
                    String name = p.optional("UserName", c.caller().userName());
                    if (name == null) {
                        throw AwsException.validation("Must specify userName when calling with non-User credentials");
                    }
                    ObjectNode r = c.object();
                    r.set("User", userJson(c, user(c, name)));
                    return r;
                }));
        sb.register(Operation.of("iam", "ListUsers", true,
                (c, p) -> need(c, "ListUsers", c.account().iamArn("user", "/", "")),
                (c, p) -> {
                    ObjectNode r = c.object();
                    ArrayNode list = r.putArray("Users");
                    String prefix = p.optional("PathPrefix", "/");
                    c.account().users.values().stream().filter(u -> u.path().startsWith(prefix))
                            .forEach(u -> list.add(userJson(c, u)));
                    r.put("IsTruncated", false);
                    return r;
                }));
        sb.register(Operation.of("iam", "UpdateUser", false,
                (c, p) -> need(c, "UpdateUser", userArn(c, p.required("UserName"))),
                (c, p) -> {
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
                }));
        sb.register(Operation.of("iam", "DeleteUser", false,
                (c, p) -> need(c, "DeleteUser", userArn(c, p.required("UserName"))),
                (c, p) -> {
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
                }));
        sb.register(Operation.of("iam", "TagUser", false,
                (c, p) -> need(c, "TagUser", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    tag(u.tags, p.tags("Tags"));
                    return c.object();
                }));
        sb.register(Operation.of("iam", "UntagUser", false,
                (c, p) -> need(c, "UntagUser", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    p.list("TagKeys").forEach(u.tags::remove);
                    return c.object();
                }));
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

    // ---- groups --------------------------------------------------------------------------------

    private static void groups(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateGroup", false,
                (c, p) -> need(c, "CreateGroup", c.account().iamArn("group", path(p), p.required("GroupName"))),
                (c, p) -> {
                    String name = name(p, "GroupName", GROUP_NAME);
                    String path = path(p);
                    SandboxAccount a = c.account();
                    if (a.groups.containsKey(name)) {
                        throw AwsException.alreadyExists("Group with name " + name + " already exists.");
                    }
                    IamGroup g = new IamGroup(name, path, c.ids().uniqueId("AGPA", 21), a.iamArn("group", path, name), c.now());
                    a.groups.put(name, g);
                    ObjectNode r = c.object();
                    r.set("Group", entityJson(g, "Group"));
                    return r;
                }));
        sb.register(Operation.of("iam", "GetGroup", true,
                (c, p) -> need(c, "GetGroup", groupArn(c, p.required("GroupName"))),
                (c, p) -> {
                    IamGroup g = group(c, p.required("GroupName"));
                    ObjectNode r = c.object();
                    r.set("Group", entityJson(g, "Group"));
                    ArrayNode users = r.putArray("Users");
                    c.account().users.values().stream().filter(u -> u.groups.contains(g.name()))
                            .forEach(u -> users.add(userJson(c, u)));
                    r.put("IsTruncated", false);
                    return r;
                }));
        sb.register(Operation.of("iam", "ListGroups", true,
                (c, p) -> need(c, "ListGroups", c.account().iamArn("group", "/", "")),
                (c, p) -> {
                    ObjectNode r = c.object();
                    ArrayNode list = r.putArray("Groups");
                    c.account().groups.values().forEach(g -> list.add(entityJson(g, "Group")));
                    r.put("IsTruncated", false);
                    return r;
                }));
        sb.register(Operation.of("iam", "ListGroupsForUser", true,
                (c, p) -> need(c, "ListGroupsForUser", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    ObjectNode r = c.object();
                    ArrayNode list = r.putArray("Groups");
                    u.groups.forEach(g -> list.add(entityJson(c.account().group(g), "Group")));
                    r.put("IsTruncated", false);
                    return r;
                }));
        sb.register(Operation.of("iam", "DeleteGroup", false,
                (c, p) -> need(c, "DeleteGroup", groupArn(c, p.required("GroupName"))),
                (c, p) -> {
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
                }));
        sb.register(Operation.of("iam", "AddUserToGroup", false,
                (c, p) -> need(c, "AddUserToGroup", groupArn(c, p.required("GroupName"))),
                (c, p) -> {
                    IamGroup g = group(c, p.required("GroupName"));
                    IamUser u = user(c, p.required("UserName"));
                    if (!u.groups.contains(g.name()) && u.groups.size() >= GROUPS_PER_USER) {
                        throw AwsException.limitExceeded("Cannot exceed quota for GroupsPerUser: " + GROUPS_PER_USER);
                    }
                    u.groups.add(g.name());
                    return c.object();
                }));
        sb.register(Operation.of("iam", "RemoveUserFromGroup", false,
                (c, p) -> need(c, "RemoveUserFromGroup", groupArn(c, p.required("GroupName"))),
                (c, p) -> {
                    IamGroup g = group(c, p.required("GroupName"));
                    IamUser u = user(c, p.required("UserName"));
                    if (!u.groups.remove(g.name())) {
                        throw AwsException.noSuchEntity("The user with name " + u.name()
                                + " is not in group " + g.name() + ".");
                    }
                    return c.object();
                }));
    }

    // ---- roles ---------------------------------------------------------------------------------

    private static void roles(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateRole", false,
                (c, p) -> needWith(c, "CreateRole", c.account().iamArn("role", path(p), p.required("RoleName")),
                        "iam:PermissionsBoundary", p.optional("PermissionsBoundary")),
                (c, p) -> {
                    String name = name(p, "RoleName", ROLE_NAME);
                    String path = path(p);
                    String trust = decode(p.required("AssumeRolePolicyDocument"));
                    SandboxAccount a = c.account();
                    if (a.roles.containsKey(name)) {
                        throw AwsException.alreadyExists("Role with name " + name + " already exists.");
                    }
                    c.sandbox().checkPolicy(trust, PolicyUse.TRUST);
                    int max = maxSession(p);
                    IamRole r = new IamRole(name, path, c.ids().uniqueId("AROA", 21), a.iamArn("role", path, name), c.now(), trust);
                    r.description = p.optional("Description");
                    r.maxSessionDurationSeconds = max;
                    r.tags.putAll(p.tags("Tags"));
                    String boundary = p.optional("PermissionsBoundary");
                    if (boundary != null) {
                        requirePolicy(c, boundary);
                        r.permissionsBoundaryArn = boundary;
                    }
                    a.roles.put(name, r);
                    ObjectNode out = c.object();
                    out.set("Role", roleJson(r));
                    return out;
                }));
        sb.register(Operation.of("iam", "GetRole", true,
                (c, p) -> need(c, "GetRole", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
                    ObjectNode out = c.object();
                    out.set("Role", roleJson(role(c, p.required("RoleName"))));
                    return out;
                }));
        sb.register(Operation.of("iam", "ListRoles", true,
                (c, p) -> need(c, "ListRoles", c.account().iamArn("role", "/", "")),
                (c, p) -> {
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Roles");
                    c.account().roles.values().forEach(r -> list.add(roleJson(r)));
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "UpdateRole", false,
                (c, p) -> need(c, "UpdateRole", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
                    IamRole r = role(c, p.required("RoleName"));
                    if (p.optional("Description") != null) {
                        r.description = p.optional("Description");
                    }
                    if (p.optional("MaxSessionDuration") != null) {
                        r.maxSessionDurationSeconds = maxSession(p);
                    }
                    return c.object();
                }));
        sb.register(Operation.of("iam", "UpdateAssumeRolePolicy", false,
                (c, p) -> need(c, "UpdateAssumeRolePolicy", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
                    IamRole r = role(c, p.required("RoleName"));
                    String doc = decode(p.required("PolicyDocument"));
                    c.sandbox().checkPolicy(doc, PolicyUse.TRUST);
                    r.trustPolicy = doc;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeleteRole", false,
                (c, p) -> need(c, "DeleteRole", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
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
                }));
        sb.register(Operation.of("iam", "TagRole", false,
                (c, p) -> need(c, "TagRole", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
                    tag(role(c, p.required("RoleName")).tags, p.tags("Tags"));
                    return c.object();
                }));
        sb.register(Operation.of("iam", "UntagRole", false,
                (c, p) -> need(c, "UntagRole", roleArn(c, p.required("RoleName"))),
                (c, p) -> {
                    IamRole r = role(c, p.required("RoleName"));
                    p.list("TagKeys").forEach(r.tags::remove);
                    return c.object();
                }));
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

    // ---- managed policies ----------------------------------------------------------------------

    private static void policies(Sandbox sb) {
        sb.register(Operation.of("iam", "CreatePolicy", false,
                (c, p) -> need(c, "CreatePolicy", c.account().iamArn("policy", path(p), p.required("PolicyName"))),
                (c, p) -> {
                    String name = name(p, "PolicyName", POLICY_NAME);
                    String path = path(p);
                    String doc = decode(p.required("PolicyDocument"));
                    SandboxAccount a = c.account();
                    String arn = a.iamArn("policy", path, name);
                    if (a.customerPolicies.values().stream().anyMatch(x -> x.name().equalsIgnoreCase(name))) {
                        throw AwsException.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
                    }
                    c.sandbox().checkPolicy(doc, PolicyUse.MANAGED);
                    ManagedPolicy mp = new ManagedPolicy(name, path, c.ids().uniqueId("ANPA", 21), arn, false, c.now());
                    mp.description = p.optional("Description");
                    mp.versions.add(new ManagedPolicy.PolicyVersion("v1", doc, true, c.now()));
                    mp.nextVersion = 2;
                    a.customerPolicies.put(arn, mp);
                    ObjectNode out = c.object();
                    out.set("Policy", policyJson(c, mp));
                    return out;
                }));
        sb.register(Operation.of("iam", "GetPolicy", true,
                (c, p) -> need(c, "GetPolicy", p.required("PolicyArn")),
                (c, p) -> {
                    ObjectNode out = c.object();
                    out.set("Policy", policyJson(c, policy(c, p.required("PolicyArn"))));
                    return out;
                }));
        sb.register(Operation.of("iam", "ListPolicies", true,
                (c, p) -> need(c, "ListPolicies", c.account().iamArn("policy", "/", "")),
                (c, p) -> {
                    String scope = p.optional("Scope", "All");
                    boolean onlyAttached = p.bool("OnlyAttached", false);
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Policies");
                    if (!"Local".equals(scope)) {
                        c.sandbox().awsManagedPolicies().stream()
                                .filter(mp -> !onlyAttached || attachmentCount(c, mp.arn()) > 0)
                                .forEach(mp -> list.add(policyJson(c, mp)));
                    }
                    if (!"AWS".equals(scope)) {
                        c.account().customerPolicies.values().stream()
                                .filter(mp -> !onlyAttached || attachmentCount(c, mp.arn()) > 0)
                                .forEach(mp -> list.add(policyJson(c, mp)));
                    }
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "DeletePolicy", false,
                (c, p) -> need(c, "DeletePolicy", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
                    if (attachmentCount(c, mp.arn()) > 0) {
                        throw AwsException.deleteConflict("Cannot delete a policy attached to entities.");
                    }
                    if (mp.versions.size() > 1) {
                        throw AwsException.deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
                    }
                    c.account().customerPolicies.remove(mp.arn());
                    return c.object();
                }));
        sb.register(Operation.of("iam", "CreatePolicyVersion", false,
                (c, p) -> need(c, "CreatePolicyVersion", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
                    String doc = decode(p.required("PolicyDocument"));
                    if (mp.versions.size() >= VERSIONS_PER_POLICY) {
                        throw AwsException.limitExceeded("A managed policy can have up to " + VERSIONS_PER_POLICY
                                + " versions. Before you create a new version, you must delete an existing version.");
                    }
                    c.sandbox().checkPolicy(doc, PolicyUse.MANAGED);
                    boolean setDefault = p.bool("SetAsDefault", false);
                    if (setDefault) {
                        mp.versions.replaceAll(v -> v.asDefault(false));
                    }
                    ManagedPolicy.PolicyVersion v = new ManagedPolicy.PolicyVersion("v" + mp.nextVersion++, doc, setDefault, c.now());
                    mp.versions.add(v);
                    ObjectNode out = c.object();
                    out.set("PolicyVersion", versionJson(c, v, false));
                    return out;
                }));
        sb.register(Operation.of("iam", "GetPolicyVersion", true,
                (c, p) -> need(c, "GetPolicyVersion", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = policy(c, p.required("PolicyArn"));
                    ObjectNode out = c.object();
                    out.set("PolicyVersion", versionJson(c, version(mp, p.required("VersionId")), true));
                    return out;
                }));
        sb.register(Operation.of("iam", "ListPolicyVersions", true,
                (c, p) -> need(c, "ListPolicyVersions", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = policy(c, p.required("PolicyArn"));
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Versions");
                    for (int i = mp.versions.size() - 1; i >= 0; i--) {
                        list.add(versionJson(c, mp.versions.get(i), false));
                    }
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "SetDefaultPolicyVersion", false,
                (c, p) -> need(c, "SetDefaultPolicyVersion", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
                    String id = version(mp, p.required("VersionId")).versionId();
                    mp.versions.replaceAll(v -> v.asDefault(v.versionId().equals(id)));
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeletePolicyVersion", false,
                (c, p) -> need(c, "DeletePolicyVersion", p.required("PolicyArn")),
                (c, p) -> {
                    ManagedPolicy mp = customerPolicy(c, p.required("PolicyArn"));
                    ManagedPolicy.PolicyVersion v = version(mp, p.required("VersionId"));
                    if (v.isDefault()) {
                        throw AwsException.deleteConflict("Cannot delete the default version of a policy.");
                    }
                    mp.versions.remove(v);
                    return c.object();
                }));
    }

    // ---- attach / detach / boundaries ----------------------------------------------------------

    private static void attachments(Sandbox sb) {
        for (String kind : List.of("User", "Group", "Role")) {
            sb.register(Operation.of("iam", "Attach" + kind + "Policy", false,
                    (c, p) -> List.of(new AccessRequest("iam:Attach" + kind + "Policy", holderArn(c, kind, p),
                            c.accountId(), null, targetContext(c, kind, p))),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String arn = p.required("PolicyArn");
                        requirePolicy(c, arn);
                        if (!h.attachedPolicyArns.contains(arn) && h.attachedPolicyArns.size() >= MANAGED_POLICIES_PER_ENTITY) {
                            throw AwsException.limitExceeded("Cannot exceed quota for PoliciesPer" + kind + ": "
                                    + MANAGED_POLICIES_PER_ENTITY);
                        }
                        h.attachedPolicyArns.add(arn);
                        return c.object();
                    }));
            sb.register(Operation.of("iam", "Detach" + kind + "Policy", false,
                    (c, p) -> needWith(c, "Detach" + kind + "Policy", holderArn(c, kind, p),
                            "iam:PolicyARN", p.optional("PolicyArn")),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String arn = p.required("PolicyArn");
                        if (!h.attachedPolicyArns.remove(arn)) {
                            throw AwsException.noSuchEntity("Policy " + arn + " was not found.");
                        }
                        return c.object();
                    }));
            sb.register(Operation.of("iam", "ListAttached" + kind + "Policies", true,
                    (c, p) -> need(c, "ListAttached" + kind + "Policies", holderArn(c, kind, p)),
                    (c, p) -> {
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
                    }));
        }
        for (String kind : List.of("User", "Role")) {
            sb.register(Operation.of("iam", "Put" + kind + "PermissionsBoundary", false,
                    (c, p) -> needWith(c, "Put" + kind + "PermissionsBoundary", holderArn(c, kind, p),
                            "iam:PermissionsBoundary", p.optional("PermissionsBoundary")),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String arn = p.required("PermissionsBoundary");
                        requirePolicy(c, arn);
                        if (h instanceof IamUser u) {
                            u.permissionsBoundaryArn = arn;
                        } else {
                            ((IamRole) h).permissionsBoundaryArn = arn;
                        }
                        return c.object();
                    }));
            sb.register(Operation.of("iam", "Delete" + kind + "PermissionsBoundary", false,
                    (c, p) -> need(c, "Delete" + kind + "PermissionsBoundary", holderArn(c, kind, p)),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        if (h instanceof IamUser u) {
                            u.permissionsBoundaryArn = null;
                        } else {
                            ((IamRole) h).permissionsBoundaryArn = null;
                        }
                        return c.object();
                    }));
        }
    }

    // ---- inline policies -----------------------------------------------------------------------

    private static void inlinePolicies(Sandbox sb) {
        for (String kind : List.of("User", "Group", "Role")) {
            PolicyUse use = switch (kind) {
                case "User" -> PolicyUse.USER_INLINE;
                case "Group" -> PolicyUse.GROUP_INLINE;
                default -> PolicyUse.ROLE_INLINE;
            };
            int total = switch (kind) {
                case "User" -> USER_INLINE_TOTAL;
                case "Group" -> GROUP_INLINE_TOTAL;
                default -> ROLE_INLINE_TOTAL;
            };
            sb.register(Operation.of("iam", "Put" + kind + "Policy", false,
                    (c, p) -> List.of(new AccessRequest("iam:Put" + kind + "Policy", holderArn(c, kind, p),
                            c.accountId(), null, targetContext(c, kind, p))),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String name = name(p, "PolicyName", POLICY_NAME);
                        String doc = decode(p.required("PolicyDocument"));
                        c.sandbox().checkPolicy(doc, use);
                        int size = h.inlinePolicies.entrySet().stream().filter(e -> !e.getKey().equals(name))
                                .mapToInt(e -> nonWhitespace(e.getValue())).sum() + nonWhitespace(doc);
                        if (size > total) {
                            throw AwsException.limitExceeded("Maximum policy size of " + total + " bytes exceeded for "
                                    + kind.toLowerCase() + " " + h.name());
                        }
                        h.inlinePolicies.put(name, doc);
                        return c.object();
                    }));
            sb.register(Operation.of("iam", "Get" + kind + "Policy", true,
                    (c, p) -> need(c, "Get" + kind + "Policy", holderArn(c, kind, p)),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String name = p.required("PolicyName");
                        String doc = h.inlinePolicies.get(name);
                        if (doc == null) {
                            throw AwsException.noSuchEntity("The " + kind.toLowerCase() + " policy with name " + name
                                    + " cannot be found.");
                        }
                        ObjectNode out = c.object();
                        out.put(kind + "Name", h.name());
                        out.put("PolicyName", name);
                        out.set("PolicyDocument", Json.parse(doc));
                        return out;
                    }));
            sb.register(Operation.of("iam", "Delete" + kind + "Policy", false,
                    (c, p) -> need(c, "Delete" + kind + "Policy", holderArn(c, kind, p)),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        String name = p.required("PolicyName");
                        if (h.inlinePolicies.remove(name) == null) {
                            throw AwsException.noSuchEntity("The " + kind.toLowerCase() + " policy with name " + name
                                    + " cannot be found.");
                        }
                        return c.object();
                    }));
            sb.register(Operation.of("iam", "List" + kind + "Policies", true,
                    (c, p) -> need(c, "List" + kind + "Policies", holderArn(c, kind, p)),
                    (c, p) -> {
                        PolicyHolder h = holder(c, kind, p);
                        ObjectNode out = c.object();
                        ArrayNode names = out.putArray("PolicyNames");
                        h.inlinePolicies.keySet().forEach(names::add);
                        out.put("IsTruncated", false);
                        return out;
                    }));
        }
    }

    // ---- access keys and console passwords -----------------------------------------------------

    private static void credentials(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateAccessKey", false,
                (c, p) -> needSelfOr(c, "CreateAccessKey", p),
                (c, p) -> {
                    List<AccessKey> keys = keysOf(c, p);
                    if (keys.size() >= ACCESS_KEYS_PER_USER) {
                        throw AwsException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + ACCESS_KEYS_PER_USER);
                    }
                    String id = c.ids().uniqueId("AKIA", 20);
                    String secret = c.ids().secret(40);
                    AccessKey key = new AccessKey(id, Secrets.hashSecret(secret), c.now());
                    keys.add(key);
                    ObjectNode out = c.object();
                    ObjectNode k = out.putObject("AccessKey");
                    String userName = targetUserName(c, p);
                    if (userName != null) {
                        k.put("UserName", userName);
                    }
                    k.put("AccessKeyId", id);
                    k.put("Status", "Active");
                    k.put("SecretAccessKey", secret);
                    k.put("CreateDate", c.now().toString());
                    return out;
                }));
        sb.register(Operation.of("iam", "ListAccessKeys", true,
                (c, p) -> needSelfOr(c, "ListAccessKeys", p),
                (c, p) -> {
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("AccessKeyMetadata");
                    String userName = targetUserName(c, p);
                    for (AccessKey key : keysOf(c, p)) {
                        ObjectNode k = list.addObject();
                        if (userName != null) {
                            k.put("UserName", userName);
                        }
                        k.put("AccessKeyId", key.accessKeyId());
                        k.put("Status", key.status());
                        k.put("CreateDate", key.createDate().toString());
                    }
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "UpdateAccessKey", false,
                (c, p) -> needSelfOr(c, "UpdateAccessKey", p),
                (c, p) -> {
                    AccessKey key = key(c, p);
                    String status = p.required("Status");
                    if (!status.equals("Active") && !status.equals("Inactive")) {
                        throw AwsException.validation("1 validation error detected: Value '" + status
                                + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
                    }
                    key.status = status;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeleteAccessKey", false,
                (c, p) -> needSelfOr(c, "DeleteAccessKey", p),
                (c, p) -> {
                    AccessKey key = key(c, p);
                    keysOf(c, p).remove(key);
                    return c.object();
                }));
        sb.register(Operation.of("iam", "GetAccessKeyLastUsed", true,
                (c, p) -> need(c, "GetAccessKeyLastUsed", ownerArnOfKey(c, p.required("AccessKeyId"))),
                (c, p) -> {
                    String id = p.required("AccessKeyId");
                    ObjectNode out = c.object();
                    for (IamUser u : c.account().users.values()) {
                        for (AccessKey k : u.accessKeys) {
                            if (k.accessKeyId().equals(id)) {
                                out.put("UserName", u.name());
                                ObjectNode used = out.putObject("AccessKeyLastUsed");
                                used.put("LastUsedDate", k.lastUsedDate() == null ? null : k.lastUsedDate().toString());
                                used.put("ServiceName", k.lastUsedService() == null ? "N/A" : k.lastUsedService());
                                used.put("Region", k.lastUsedDate() == null ? "N/A" : c.sandbox().region());
                                return out;
                            }
                        }
                    }
                    throw AwsException.noSuchEntity("The Access Key with id " + id + " cannot be found.");
                }));
        sb.register(Operation.of("iam", "CreateLoginProfile", false,
                (c, p) -> need(c, "CreateLoginProfile", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    if (u.loginProfile != null) {
                        throw AwsException.alreadyExists("Login Profile for user " + u.name() + " already exists.");
                    }
                    String password = p.required("Password");
                    checkPassword(c, password);
                    u.loginProfile = new LoginProfile(Secrets.hashPassword(password, c.ids().base32(16)), c.now(),
                            p.bool("PasswordResetRequired", false));
                    ObjectNode out = c.object();
                    ObjectNode lp = out.putObject("LoginProfile");
                    lp.put("UserName", u.name());
                    lp.put("CreateDate", c.now().toString());
                    lp.put("PasswordResetRequired", u.loginProfile.passwordResetRequired());
                    return out;
                }));
        sb.register(Operation.of("iam", "UpdateLoginProfile", false,
                (c, p) -> need(c, "UpdateLoginProfile", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    if (u.loginProfile == null) {
                        throw AwsException.noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
                    }
                    String password = p.optional("Password");
                    String hash = u.loginProfile.passwordHash();
                    if (password != null) {
                        checkPassword(c, password);
                        hash = Secrets.hashPassword(password, c.ids().base32(16));
                    }
                    u.loginProfile = new LoginProfile(hash, u.loginProfile.createDate(),
                            p.bool("PasswordResetRequired", u.loginProfile.passwordResetRequired()));
                    return c.object();
                }));
        sb.register(Operation.of("iam", "GetLoginProfile", true,
                (c, p) -> need(c, "GetLoginProfile", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    if (u.loginProfile == null) {
                        throw AwsException.noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
                    }
                    ObjectNode out = c.object();
                    ObjectNode lp = out.putObject("LoginProfile");
                    lp.put("UserName", u.name());
                    lp.put("CreateDate", u.loginProfile.createDate().toString());
                    lp.put("PasswordResetRequired", u.loginProfile.passwordResetRequired());
                    return out;
                }));
        sb.register(Operation.of("iam", "DeleteLoginProfile", false,
                (c, p) -> need(c, "DeleteLoginProfile", userArn(c, p.required("UserName"))),
                (c, p) -> {
                    IamUser u = user(c, p.required("UserName"));
                    if (u.loginProfile == null) {
                        throw AwsException.noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
                    }
                    u.loginProfile = null;
                    return c.object();
                }));
    }

    private static void checkPassword(OperationContext c, String password) {
        PasswordPolicy policy = c.account().passwordPolicy == null ? PasswordPolicy.DEFAULT : c.account().passwordPolicy;
        String violation = policy.violation(password);
        if (violation != null) {
            throw new AwsException("PasswordPolicyViolation", 400, violation);
        }
    }

    // ---- MFA -----------------------------------------------------------------------------------

    private static void mfa(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateVirtualMFADevice", false,
                (c, p) -> need(c, "CreateVirtualMFADevice",
                        c.account().iamArn("mfa", path(p), p.required("VirtualMFADeviceName"))),
                (c, p) -> {
                    String name = name(p, "VirtualMFADeviceName", USER_NAME);
                    String serial = c.account().iamArn("mfa", path(p), name);
                    if (c.account().virtualMfaSecrets.containsKey(serial)) {
                        throw AwsException.alreadyExists("MFADevice entity at the same path and name already exists.");
                    }
                    String secret = c.ids().base32(32);
                    c.account().virtualMfaSecrets.put(serial, secret);
                    ObjectNode out = c.object();
                    ObjectNode d = out.putObject("VirtualMFADevice");
                    d.put("SerialNumber", serial);
                    d.put("Base32StringSeed", secret);
                    return out;
                }));
        sb.register(Operation.of("iam", "EnableMFADevice", false,
                (c, p) -> needSelfOr(c, "EnableMFADevice", p),
                (c, p) -> {
                    String serial = p.required("SerialNumber");
                    String secret = c.account().virtualMfaSecrets.get(serial);
                    if (secret == null) {
                        throw AwsException.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
                    }
                    boolean inUse = c.account().users.values().stream().anyMatch(u -> u.mfaDevice != null
                            && u.mfaDevice.serialNumber().equals(serial))
                            || (c.account().root.mfaDevice != null && c.account().root.mfaDevice.serialNumber().equals(serial));
                    if (inUse) {
                        throw AwsException.alreadyExists("MFA Device is already in use.");
                    }
                    String code1 = p.required("AuthenticationCode1");
                    String code2 = p.required("AuthenticationCode2");
                    if (!Totp.verify(secret, code1, c.now().minusSeconds(30)) && !Totp.verify(secret, code1, c.now())
                            || !Totp.verify(secret, code2, c.now()) || code1.equals(code2)) {
                        throw new AwsException("InvalidAuthenticationCode", 403,
                                "Authentication code for device is not valid.");
                    }
                    MfaDevice device = new MfaDevice(serial, secret, c.now());
                    String userName = targetUserName(c, p);
                    if (userName == null) {
                        c.account().root.mfaDevice = device;
                    } else {
                        IamUser u = user(c, userName);
                        if (u.mfaDevice != null) {
                            throw AwsException.limitExceeded("Cannot exceed quota for MFADevicesPerUser: 1");
                        }
                        u.mfaDevice = device;
                    }
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeactivateMFADevice", false,
                (c, p) -> needSelfOr(c, "DeactivateMFADevice", p),
                (c, p) -> {
                    String serial = p.required("SerialNumber");
                    String userName = targetUserName(c, p);
                    if (userName == null) {
                        RootUser root = c.account().root;
                        if (root.mfaDevice == null || !root.mfaDevice.serialNumber().equals(serial)) {
                            throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
                        }
                        root.mfaDevice = null;
                    } else {
                        IamUser u = user(c, userName);
                        if (u.mfaDevice == null || !u.mfaDevice.serialNumber().equals(serial)) {
                            throw AwsException.noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
                        }
                        u.mfaDevice = null;
                    }
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeleteVirtualMFADevice", false,
                (c, p) -> need(c, "DeleteVirtualMFADevice", p.required("SerialNumber")),
                (c, p) -> {
                    String serial = p.required("SerialNumber");
                    boolean inUse = c.account().users.values().stream().anyMatch(u -> u.mfaDevice != null
                            && u.mfaDevice.serialNumber().equals(serial))
                            || (c.account().root.mfaDevice != null && c.account().root.mfaDevice.serialNumber().equals(serial));
                    if (inUse) {
                        throw AwsException.deleteConflict("MFA VirtualDevice in use. Must deactivate first.");
                    }
                    if (c.account().virtualMfaSecrets.remove(serial) == null) {
                        throw AwsException.noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
                    }
                    return c.object();
                }));
        sb.register(Operation.of("iam", "ListMFADevices", true,
                (c, p) -> needSelfOr(c, "ListMFADevices", p),
                (c, p) -> {
                    String userName = targetUserName(c, p);
                    MfaDevice d = userName == null ? c.account().root.mfaDevice : user(c, userName).mfaDevice;
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("MFADevices");
                    if (d != null) {
                        ObjectNode e = list.addObject();
                        if (userName != null) {
                            e.put("UserName", userName);
                        }
                        e.put("SerialNumber", d.serialNumber());
                        e.put("EnableDate", d.enableDate().toString());
                    }
                    out.put("IsTruncated", false);
                    return out;
                }));
    }

    // ---- instance profiles ---------------------------------------------------------------------

    private static void instanceProfiles(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateInstanceProfile", false,
                (c, p) -> need(c, "CreateInstanceProfile",
                        c.account().iamArn("instance-profile", path(p), p.required("InstanceProfileName"))),
                (c, p) -> {
                    String name = name(p, "InstanceProfileName", ROLE_NAME);
                    String path = path(p);
                    if (c.account().instanceProfiles.containsKey(name)) {
                        throw AwsException.alreadyExists("Instance Profile " + name + " already exists.");
                    }
                    InstanceProfile ip = new InstanceProfile(name, path, c.ids().uniqueId("AIPA", 21),
                            c.account().iamArn("instance-profile", path, name), c.now());
                    c.account().instanceProfiles.put(name, ip);
                    ObjectNode out = c.object();
                    out.set("InstanceProfile", instanceProfileJson(c, ip));
                    return out;
                }));
        sb.register(Operation.of("iam", "GetInstanceProfile", true,
                (c, p) -> need(c, "GetInstanceProfile", instanceProfileArn(c, p.required("InstanceProfileName"))),
                (c, p) -> {
                    ObjectNode out = c.object();
                    out.set("InstanceProfile", instanceProfileJson(c, instanceProfile(c, p.required("InstanceProfileName"))));
                    return out;
                }));
        sb.register(Operation.of("iam", "ListInstanceProfiles", true,
                (c, p) -> need(c, "ListInstanceProfiles", c.account().iamArn("instance-profile", "/", "")),
                (c, p) -> {
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("InstanceProfiles");
                    c.account().instanceProfiles.values().forEach(ip -> list.add(instanceProfileJson(c, ip)));
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "AddRoleToInstanceProfile", false,
                (c, p) -> List.of(
                        AccessRequest.of("iam:AddRoleToInstanceProfile",
                                instanceProfileArn(c, p.required("InstanceProfileName")), c.accountId()),
                        AccessRequest.of("iam:PassRole", roleArn(c, p.required("RoleName")), c.accountId())),
                (c, p) -> {
                    InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
                    IamRole r = role(c, p.required("RoleName"));
                    if (ip.roleName != null) {
                        throw AwsException.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
                    }
                    ip.roleName = r.name();
                    return c.object();
                }));
        sb.register(Operation.of("iam", "RemoveRoleFromInstanceProfile", false,
                (c, p) -> need(c, "RemoveRoleFromInstanceProfile", instanceProfileArn(c, p.required("InstanceProfileName"))),
                (c, p) -> {
                    InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
                    String roleName = p.required("RoleName");
                    if (ip.roleName == null || !ip.roleName.equalsIgnoreCase(roleName)) {
                        throw AwsException.noSuchEntity("The role with name " + roleName + " cannot be found.");
                    }
                    ip.roleName = null;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeleteInstanceProfile", false,
                (c, p) -> need(c, "DeleteInstanceProfile", instanceProfileArn(c, p.required("InstanceProfileName"))),
                (c, p) -> {
                    InstanceProfile ip = instanceProfile(c, p.required("InstanceProfileName"));
                    if (ip.roleName != null) {
                        throw AwsException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
                    }
                    c.account().instanceProfiles.remove(ip.name());
                    return c.object();
                }));
    }

    // ---- account settings ----------------------------------------------------------------------

    private static void accountSettings(Sandbox sb) {
        sb.register(Operation.of("iam", "CreateAccountAlias", false,
                (c, p) -> need(c, "CreateAccountAlias", "*"),
                (c, p) -> {
                    String alias = p.required("AccountAlias");
                    if (!alias.matches("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$")) {
                        throw AwsException.validation("The specified value for accountAlias is invalid. It must contain only lowercase letters, digits and hyphens, 3 to 63 characters.");
                    }
                    for (SandboxAccount other : c.sandbox().accounts()) {
                        if (other != c.account() && alias.equals(other.alias)) {
                            throw AwsException.alreadyExists("The account alias " + alias + " already exists.");
                        }
                    }
                    c.account().alias = alias;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "DeleteAccountAlias", false,
                (c, p) -> need(c, "DeleteAccountAlias", "*"),
                (c, p) -> {
                    String alias = p.required("AccountAlias");
                    if (!alias.equals(c.account().alias)) {
                        throw AwsException.noSuchEntity("The account alias " + alias + " cannot be found.");
                    }
                    c.account().alias = null;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "ListAccountAliases", true,
                (c, p) -> need(c, "ListAccountAliases", "*"),
                (c, p) -> {
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("AccountAliases");
                    if (c.account().alias != null) {
                        list.add(c.account().alias);
                    }
                    out.put("IsTruncated", false);
                    return out;
                }));
        sb.register(Operation.of("iam", "UpdateAccountPasswordPolicy", false,
                (c, p) -> need(c, "UpdateAccountPasswordPolicy", "*"),
                (c, p) -> {
                    Integer min = p.integer("MinimumPasswordLength");
                    if (min != null && (min < 6 || min > 128)) {
                        throw AwsException.validation("MinimumPasswordLength must be between 6 and 128");
                    }
                    c.account().passwordPolicy = new PasswordPolicy(min == null ? 8 : min,
                            p.bool("RequireSymbols", false), p.bool("RequireNumbers", false),
                            p.bool("RequireUppercaseCharacters", false), p.bool("RequireLowercaseCharacters", false),
                            p.bool("AllowUsersToChangePassword", false), p.integer("MaxPasswordAge"),
                            p.integer("PasswordReusePrevention"), p.bool("HardExpiry", false));
                    return c.object();
                }));
        sb.register(Operation.of("iam", "GetAccountPasswordPolicy", true,
                (c, p) -> need(c, "GetAccountPasswordPolicy", "*"),
                (c, p) -> {
                    PasswordPolicy pp = c.account().passwordPolicy;
                    if (pp == null) {
                        throw AwsException.noSuchEntity("The Password Policy with domain name " + c.accountId() + " cannot be found.");
                    }
                    ObjectNode out = c.object();
                    ObjectNode j = out.putObject("PasswordPolicy");
                    j.put("MinimumPasswordLength", pp.minimumPasswordLength());
                    j.put("RequireSymbols", pp.requireSymbols());
                    j.put("RequireNumbers", pp.requireNumbers());
                    j.put("RequireUppercaseCharacters", pp.requireUppercaseCharacters());
                    j.put("RequireLowercaseCharacters", pp.requireLowercaseCharacters());
                    j.put("AllowUsersToChangePassword", pp.allowUsersToChangePassword());
                    j.put("ExpirePasswords", pp.maxPasswordAge() != null);
                    if (pp.maxPasswordAge() != null) {
                        j.put("MaxPasswordAge", pp.maxPasswordAge());
                    }
                    if (pp.passwordReusePrevention() != null) {
                        j.put("PasswordReusePrevention", pp.passwordReusePrevention());
                    }
                    j.put("HardExpiry", pp.hardExpiry());
                    return out;
                }));
        sb.register(Operation.of("iam", "DeleteAccountPasswordPolicy", false,
                (c, p) -> need(c, "DeleteAccountPasswordPolicy", "*"),
                (c, p) -> {
                    if (c.account().passwordPolicy == null) {
                        throw AwsException.noSuchEntity("The account policy with name PasswordPolicy cannot be found.");
                    }
                    c.account().passwordPolicy = null;
                    return c.object();
                }));
        sb.register(Operation.of("iam", "GetAccountSummary", true,
                (c, p) -> need(c, "GetAccountSummary", "*"),
                (c, p) -> {
                    SandboxAccount a = c.account();
                    ObjectNode out = c.object();
                    ObjectNode m = out.putObject("SummaryMap");
                    m.put("Users", a.users.size());
                    m.put("Groups", a.groups.size());
                    m.put("Roles", a.roles.size());
                    m.put("Policies", a.customerPolicies.size());
                    m.put("InstanceProfiles", a.instanceProfiles.size());
                    m.put("AccountMFAEnabled", a.root.mfaDevice != null ? 1 : 0);
                    m.put("AccountAccessKeysPresent", a.root.accessKeys.isEmpty() ? 0 : 1);
                    m.put("MFADevicesInUse", (int) a.users.values().stream().filter(u -> u.mfaDevice != null).count()
                            + (a.root.mfaDevice != null ? 1 : 0));
                    m.put("UsersQuota", 5000);
                    m.put("GroupsPerUserQuota", GROUPS_PER_USER);
                    m.put("AttachedPoliciesPerUserQuota", MANAGED_POLICIES_PER_ENTITY);
                    m.put("AccessKeysPerUserQuota", ACCESS_KEYS_PER_USER);
                    m.put("PolicyVersionsInUseQuota", 10000);
                    return out;
                }));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * A permission with one IAM condition key in the request context when the request carries it, e.g.
     * iam:PermissionsBoundary for CreateUser or iam:PolicyARN for AttachUserPolicy
     * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).
     */
    static List<AccessRequest> needWith(OperationContext c, String action, String resourceArn, String key, String value) {
        java.util.Map<String, List<String>> context = value == null ? Map.of() : Map.of(key, List.of(value));
        return List.of(new AccessRequest("iam:" + action, resourceArn, c.accountId(), null, context));
    }

    /**
     * The IAM keys of a policy change on a user or role: iam:PolicyARN, and iam:PermissionsBoundary with the
     * boundary the target entity already has (how delegated admins are kept inside a boundary).
     */
    private static Map<String, List<String>> targetContext(OperationContext c, String kind, Params p) {
        Map<String, List<String>> context = new java.util.LinkedHashMap<>();
        if (p.optional("PolicyArn") != null) {
            context.put("iam:PolicyARN", List.of(p.optional("PolicyArn")));
        }
        String boundary = null;
        if ("User".equals(kind) && p.optional("UserName") != null && c.account().user(p.optional("UserName")) != null) {
            boundary = c.account().user(p.optional("UserName")).permissionsBoundaryArn;
        } else if ("Role".equals(kind) && p.optional("RoleName") != null && c.account().role(p.optional("RoleName")) != null) {
            boundary = c.account().role(p.optional("RoleName")).permissionsBoundaryArn;
        }
        if (boundary != null) {
            context.put("iam:PermissionsBoundary", List.of(boundary));
        }
        return context;
    }

    static List<AccessRequest> need(OperationContext c, String action, String resourceArn) {
        return List.of(AccessRequest.of("iam:" + action, resourceArn, c.accountId()));
    }

    /** Operations on "your own" credentials act on the caller when UserName is omitted (root: on root). */
    private static List<AccessRequest> needSelfOr(OperationContext c, String action, Params p) {
        String userName = targetUserName(c, p);
        String arn = userName == null ? c.account().rootArn() : userArn(c, userName);
        return need(c, action, arn);
    }

    private static String targetUserName(OperationContext c, Params p) {
        String name = p.optional("UserName");
        if (name != null) {
            return name;
        }
        return c.caller().isRoot() ? null : c.caller().userName();
    }

    private static List<AccessKey> keysOf(OperationContext c, Params p) {
        String userName = targetUserName(c, p);
        if (userName == null) {
            if (!c.caller().isRoot() && p.optional("UserName") == null) {
                throw AwsException.validation("Must specify userName when calling with non-User credentials");
            }
            return c.account().root.accessKeys;
        }
        return user(c, userName).accessKeys;
    }

    private static AccessKey key(OperationContext c, Params p) {
        String id = p.required("AccessKeyId");
        return keysOf(c, p).stream().filter(k -> k.accessKeyId().equals(id)).findFirst()
                .orElseThrow(() -> AwsException.noSuchEntity("The Access Key with id " + id + " cannot be found."));
    }

    private static String ownerArnOfKey(OperationContext c, String keyId) {
        for (IamUser u : c.account().users.values()) {
            if (u.accessKeys.stream().anyMatch(k -> k.accessKeyId().equals(keyId))) {
                return u.arn();
            }
        }
        return c.account().rootArn();
    }

    static String name(Params p, String param, Pattern rule) {
        return checkName(p.required(param), Character.toLowerCase(param.charAt(0)) + param.substring(1), rule);
    }

    private static String checkName(String value, String field, Pattern rule) {
        if (!rule.matcher(value).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    static String path(Params p) {
        String path = p.optional("Path");
        return path == null ? "/" : checkPath(path);
    }

    private static String checkPath(String path) {
        if (!PATH.matcher(path).matches()) {
            throw AwsException.validation("The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.");
        }
        return path;
    }

    /** Policy documents may arrive URL-encoded (as the IAM API returns them) or as plain JSON. */
    static String decode(String document) {
        String trimmed = document.trim();
        if (trimmed.startsWith("%7B") || trimmed.startsWith("%7b")) {
            return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
        }
        return document;
    }

    private static int nonWhitespace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void tag(Map<String, String> tags, Map<String, String> add) {
        if (tags.size() + add.keySet().stream().filter(k -> !tags.containsKey(k)).count() > 50) {
            throw AwsException.limitExceeded("The number of tags has reached the maximum limit of 50.");
        }
        tags.putAll(add);
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

    static InstanceProfile instanceProfile(OperationContext c, String name) {
        InstanceProfile ip = c.account().instanceProfile(name);
        if (ip == null) {
            throw AwsException.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return ip;
    }

    private static ManagedPolicy policy(OperationContext c, String arn) {
        ManagedPolicy mp = c.sandbox().managedPolicy(c.account(), arn);
        if (mp == null) {
            throw AwsException.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return mp;
    }

    private static ManagedPolicy customerPolicy(OperationContext c, String arn) {
        ManagedPolicy mp = policy(c, arn);
        if (mp.awsManaged()) {
            throw new AwsException("AccessDenied", 403, "Cannot modify an AWS managed policy: " + arn);
        }
        return mp;
    }

    private static void requirePolicy(OperationContext c, String arn) {
        policy(c, arn);
    }

    private static ManagedPolicy.PolicyVersion version(ManagedPolicy mp, String versionId) {
        return mp.versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> AwsException.noSuchEntity("Policy " + mp.arn() + " version " + versionId + " does not exist."));
    }

    static long attachmentCount(OperationContext c, String arn) {
        SandboxAccount a = c.account();
        return a.users.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count()
                + a.groups.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count()
                + a.roles.values().stream().filter(x -> x.attachedPolicyArns.contains(arn)).count();
    }

    private static PolicyHolder holder(OperationContext c, String kind, Params p) {
        return switch (kind) {
            case "User" -> user(c, p.required("UserName"));
            case "Group" -> group(c, p.required("GroupName"));
            default -> role(c, p.required("RoleName"));
        };
    }

    private static String holderArn(OperationContext c, String kind, Params p) {
        return switch (kind) {
            case "User" -> userArn(c, p.required("UserName"));
            case "Group" -> groupArn(c, p.required("GroupName"));
            default -> roleArn(c, p.required("RoleName"));
        };
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

    static ObjectNode userJson(OperationContext c, IamUser u) {
        ObjectNode j = entityJson(u, "User");
        if (u.passwordLastUsed() != null) {
            j.put("PasswordLastUsed", u.passwordLastUsed().toString());
        }
        if (u.permissionsBoundaryArn != null) {
            ObjectNode b = j.putObject("PermissionsBoundary");
            b.put("PermissionsBoundaryType", "Policy");
            b.put("PermissionsBoundaryArn", u.permissionsBoundaryArn);
        }
        tagsJson(j, u.tags);
        return j;
    }

    static ObjectNode entityJson(PolicyHolder h, String kind) {
        ObjectNode j = Sandbox.json().objectNode();
        j.put("Path", h.path());
        j.put(kind + "Name", h.name());
        j.put(kind + "Id", h.id());
        j.put("Arn", h.arn());
        j.put("CreateDate", h.createDate().toString());
        return j;
    }

    static ObjectNode roleJson(IamRole r) {
        ObjectNode j = entityJson(r, "Role");
        j.set("AssumeRolePolicyDocument", Json.parse(r.trustPolicy));
        if (r.description != null) {
            j.put("Description", r.description);
        }
        j.put("MaxSessionDuration", r.maxSessionDurationSeconds);
        if (r.permissionsBoundaryArn != null) {
            ObjectNode b = j.putObject("PermissionsBoundary");
            b.put("PermissionsBoundaryType", "Policy");
            b.put("PermissionsBoundaryArn", r.permissionsBoundaryArn);
        }
        tagsJson(j, r.tags);
        return j;
    }

    private static void tagsJson(ObjectNode j, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode t = j.putArray("Tags");
            tags.forEach((k, v) -> t.addObject().put("Key", k).put("Value", v));
        }
    }

    static ObjectNode policyJson(OperationContext c, ManagedPolicy mp) {
        ObjectNode j = Sandbox.json().objectNode();
        j.put("PolicyName", mp.name());
        j.put("PolicyId", mp.id());
        j.put("Arn", mp.arn());
        j.put("Path", mp.path());
        j.put("DefaultVersionId", mp.defaultVersion().versionId());
        j.put("AttachmentCount", attachmentCount(c, mp.arn()));
        j.put("PermissionsBoundaryUsageCount", boundaryUsage(c, mp.arn()));
        j.put("IsAttachable", true);
        if (mp.description() != null) {
            j.put("Description", mp.description());
        }
        j.put("CreateDate", mp.createDate().toString());
        j.put("UpdateDate", mp.defaultVersion().createDate().toString());
        return j;
    }

    private static long boundaryUsage(OperationContext c, String arn) {
        return c.account().users.values().stream().filter(u -> arn.equals(u.permissionsBoundaryArn)).count()
                + c.account().roles.values().stream().filter(r -> arn.equals(r.permissionsBoundaryArn)).count();
    }

    private static ObjectNode versionJson(OperationContext c, ManagedPolicy.PolicyVersion v, boolean withDocument) {
        ObjectNode j = Sandbox.json().objectNode();
        if (withDocument) {
            j.set("Document", Json.parse(v.document()));
        }
        j.put("VersionId", v.versionId());
        j.put("IsDefaultVersion", v.isDefault());
        j.put("CreateDate", v.createDate().toString());
        return j;
    }

    private static ObjectNode instanceProfileJson(OperationContext c, InstanceProfile ip) {
        ObjectNode j = Sandbox.json().objectNode();
        j.put("Path", ip.path());
        j.put("InstanceProfileName", ip.name());
        j.put("InstanceProfileId", ip.id());
        j.put("Arn", ip.arn());
        j.put("CreateDate", ip.createDate().toString());
        ArrayNode roles = j.putArray("Roles");
        if (ip.roleName != null) {
            IamRole r = c.account().role(ip.roleName);
            if (r != null) {
                roles.add(roleJson(r));
            }
        }
        return j;
    }
}
