package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Export and import of an account's IAM configuration as the JSON of
 * {@code aws iam get-account-authorization-details}
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html).
 * An export imported into a fresh sandbox gives the same decisions.
 */
public final class AuthorizationDetails {
    private AuthorizationDetails() {
    }

    /** GetAccountAuthorizationDetails: the export of the caller's account. */
    static ObjectNode getAccountAuthorizationDetails(OperationContext c, Params p) {
        return export(c.sandbox(), c.account());
    }

    /** The account's users, groups, roles and customer managed policies (plus AWS managed ones in use). */
    public static ObjectNode export(Sandbox sandbox, SandboxAccount account) {
        ObjectNode out = Sandbox.json().objectNode();
        ArrayNode users = out.putArray("UserDetailList");
        for (IamUser u : account.users.values()) {
            ObjectNode j = IamJson.entityJson(u, "User");
            inline(j.putArray("UserPolicyList"), u.inlinePolicies);
            ArrayNode groups = j.putArray("GroupList");
            u.groups.forEach(groups::add);
            attached(sandbox, account, j, u);
            boundary(j, u.permissionsBoundaryArn);
            tags(j, u.tags);
            users.add(j);
        }
        ArrayNode groups = out.putArray("GroupDetailList");
        for (IamGroup g : account.groups.values()) {
            ObjectNode j = IamJson.entityJson(g, "Group");
            inline(j.putArray("GroupPolicyList"), g.inlinePolicies);
            attached(sandbox, account, j, g);
            groups.add(j);
        }
        ArrayNode roles = out.putArray("RoleDetailList");
        for (IamRole r : account.roles.values()) {
            ObjectNode j = IamJson.entityJson(r, "Role");
            j.set("AssumeRolePolicyDocument", Json.parse(r.trustPolicy));
            if (r.description != null) {
                j.put("Description", r.description);
            }
            j.put("MaxSessionDuration", r.maxSessionDurationSeconds);
            ArrayNode profiles = j.putArray("InstanceProfileList");
            for (InstanceProfile ip : account.instanceProfiles.values()) {
                if (r.name().equals(ip.roleName)) {
                    profiles.add(IamJson.entityJson(ip, "InstanceProfile"));
                }
            }
            inline(j.putArray("RolePolicyList"), r.inlinePolicies);
            attached(sandbox, account, j, r);
            boundary(j, r.permissionsBoundaryArn);
            tags(j, r.tags);
            roles.add(j);
        }
        ArrayNode policies = out.putArray("Policies");
        for (ManagedPolicy mp : account.customerPolicies.values()) {
            policies.add(policy(mp));
        }
        for (ManagedPolicy mp : sandbox.awsManagedPolicies()) {
            if (inUse(account, mp.arn())) {
                policies.add(policy(mp));
            }
        }
        out.put("IsTruncated", false);
        return out;
    }

    /**
     * Loads an export into an account of the sandbox (which must have no users, groups, roles or policies yet),
     * keeping names, ids, ARNs and documents. AWS managed policies already known to the sandbox are not copied.
     */
    public static void importInto(Sandbox sandbox, SandboxAccount account, JsonNode details) {
        sandbox.lock().lock();
        try {
            Instant now = sandbox.now();
            for (JsonNode p : details.path("Policies")) {
                String arn = p.path("Arn").asText();
                if (arn.startsWith("arn:aws:iam::aws:policy")) {
                    if (sandbox.awsManagedPolicy(arn) == null) {
                        JsonNode def = defaultVersion(p);
                        sandbox.addAwsManagedPolicy(p.path("PolicyName").asText(), p.path("Path").asText("/"), arn,
                                def.path("VersionId").asText("v1"), document(def.get("Document")));
                    }
                    continue;
                }
                ManagedPolicy mp = new ManagedPolicy(p.path("PolicyName").asText(), p.path("Path").asText("/"),
                        p.path("PolicyId").asText(), arn, false, date(p, "CreateDate", now));
                int max = 0;
                for (JsonNode v : p.path("PolicyVersionList")) {
                    String id = v.path("VersionId").asText();
                    mp.versions.add(new ManagedPolicy.PolicyVersion(id, document(v.get("Document")),
                            v.path("IsDefaultVersion").asBoolean(), date(v, "CreateDate", now)));
                    max = Math.max(max, Integer.parseInt(id.replaceAll("\\D", "0")));
                }
                mp.nextVersion = max + 1;
                if (mp.versions.isEmpty()) {
                    throw AwsException.validation("Policy " + arn + " has no PolicyVersionList");
                }
                account.customerPolicies.put(arn, mp);
            }
            for (JsonNode g : details.path("GroupDetailList")) {
                IamGroup group = new IamGroup(g.path("GroupName").asText(), g.path("Path").asText("/"),
                        g.path("GroupId").asText(), g.path("Arn").asText(), date(g, "CreateDate", now));
                readPolicies(g, "GroupPolicyList", group);
                account.groups.put(group.name(), group);
            }
            for (JsonNode u : details.path("UserDetailList")) {
                IamUser user = new IamUser(u.path("UserName").asText(), u.path("Path").asText("/"),
                        u.path("UserId").asText(), u.path("Arn").asText(), date(u, "CreateDate", now));
                readPolicies(u, "UserPolicyList", user);
                u.path("GroupList").forEach(n -> user.groups.add(n.asText()));
                user.permissionsBoundaryArn = boundaryOf(u);
                readTags(u, user.tags);
                account.users.put(user.name(), user);
            }
            for (JsonNode r : details.path("RoleDetailList")) {
                IamRole role = new IamRole(r.path("RoleName").asText(), r.path("Path").asText("/"),
                        r.path("RoleId").asText(), r.path("Arn").asText(), date(r, "CreateDate", now),
                        document(r.get("AssumeRolePolicyDocument")));
                role.description = r.hasNonNull("Description") ? r.get("Description").asText() : null;
                role.maxSessionDurationSeconds = r.path("MaxSessionDuration").asInt(3600);
                readPolicies(r, "RolePolicyList", role);
                role.permissionsBoundaryArn = boundaryOf(r);
                readTags(r, role.tags);
                account.roles.put(role.name(), role);
                for (JsonNode ip : r.path("InstanceProfileList")) {
                    InstanceProfile profile = new InstanceProfile(ip.path("InstanceProfileName").asText(),
                            ip.path("Path").asText("/"), ip.path("InstanceProfileId").asText(),
                            ip.path("Arn").asText(), date(ip, "CreateDate", now));
                    profile.roleName = role.name();
                    account.instanceProfiles.put(profile.name(), profile);
                }
            }
        } finally {
            sandbox.lock().unlock();
        }
    }

    private static JsonNode defaultVersion(JsonNode policy) {
        for (JsonNode v : policy.path("PolicyVersionList")) {
            if (v.path("IsDefaultVersion").asBoolean()) {
                return v;
            }
        }
        throw AwsException.validation("Policy " + policy.path("Arn").asText() + " has no default version");
    }

    /** Documents come as JSON objects (AWS CLI output) or as URL-encoded strings (raw API output). */
    private static String document(JsonNode doc) {
        if (doc == null || doc.isNull()) {
            throw AwsException.validation("A policy document is missing");
        }
        return doc.isTextual() ? IamInput.decode(doc.asText()) : doc.toString();
    }

    private static Instant date(JsonNode node, String field, Instant fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static void readPolicies(JsonNode node, String listField, PolicyHolder holder) {
        for (JsonNode p : node.path(listField)) {
            holder.inlinePolicies.put(p.path("PolicyName").asText(), document(p.get("PolicyDocument")));
        }
        for (JsonNode a : node.path("AttachedManagedPolicies")) {
            holder.attachedPolicyArns.add(a.path("PolicyArn").asText());
        }
    }

    private static String boundaryOf(JsonNode node) {
        JsonNode b = node.get("PermissionsBoundary");
        return b == null || b.isNull() ? null : b.path("PermissionsBoundaryArn").asText(null);
    }

    private static void readTags(JsonNode node, Map<String, String> tags) {
        for (JsonNode t : node.path("Tags")) {
            tags.put(t.path("Key").asText(), t.path("Value").asText(""));
        }
    }

    private static boolean inUse(SandboxAccount account, String arn) {
        return account.users.values().stream().anyMatch(u -> u.attachedPolicyArns.contains(arn) || arn.equals(u.permissionsBoundaryArn))
                || account.groups.values().stream().anyMatch(g -> g.attachedPolicyArns.contains(arn))
                || account.roles.values().stream().anyMatch(r -> r.attachedPolicyArns.contains(arn) || arn.equals(r.permissionsBoundaryArn));
    }


    private static void inline(ArrayNode list, Map<String, String> policies) {
        policies.forEach((name, doc) -> {
            ObjectNode p = list.addObject();
            p.put("PolicyName", name);
            p.set("PolicyDocument", Json.parse(doc));
        });
    }

    private static void attached(Sandbox sandbox, SandboxAccount account, ObjectNode j, PolicyHolder h) {
        ArrayNode list = j.putArray("AttachedManagedPolicies");
        for (String arn : h.attachedPolicyArns) {
            ManagedPolicy mp = sandbox.managedPolicy(account, arn);
            list.addObject().put("PolicyName", mp == null ? arn.substring(arn.lastIndexOf('/') + 1) : mp.name())
                    .put("PolicyArn", arn);
        }
    }

    private static void boundary(ObjectNode j, String arn) {
        if (arn != null) {
            j.putObject("PermissionsBoundary").put("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .put("PermissionsBoundaryArn", arn);
        }
    }

    private static void tags(ObjectNode j, Map<String, String> tags) {
        ArrayNode list = j.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    }

    private static ObjectNode policy(ManagedPolicy mp) {
        ObjectNode j = Sandbox.json().objectNode();
        j.put("PolicyName", mp.name());
        j.put("PolicyId", mp.id());
        j.put("Arn", mp.arn());
        j.put("Path", mp.path());
        j.put("DefaultVersionId", mp.defaultVersion().versionId());
        j.put("IsAttachable", true);
        j.put("CreateDate", mp.createDate().toString());
        j.put("UpdateDate", mp.defaultVersion().createDate().toString());
        ArrayNode versions = j.putArray("PolicyVersionList");
        for (ManagedPolicy.PolicyVersion v : mp.versions) {
            versions.add(IamJson.versionJson(v, true));
        }
        return j;
    }
}
