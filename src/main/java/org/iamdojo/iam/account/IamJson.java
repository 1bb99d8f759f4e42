package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The IAM API's response shapes of users, groups, roles, policies, versions and instance profiles. */
final class IamJson {
    private IamJson() {
    }

    /**
     * A List response: every item under {@code field} and IsTruncated false (the sandbox answers in one page).
     * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
     */
    static ObjectNode unpaged(OperationContext c, String field, Stream<? extends JsonNode> items) {
        ObjectNode out = c.object();
        ArrayNode list = out.putArray(field);
        items.forEach(list::add);
        out.put("IsTruncated", false);
        return out;
    }

    static ObjectNode userJson(OperationContext c, IamUser u) {
        ObjectNode j = entityJson(u, "User");
        if (u.passwordLastUsed() != null) {
            j.put("PasswordLastUsed", u.passwordLastUsed().toString());
        }
        boundaryJson(j, u.permissionsBoundaryArn);
        tagsJson(j, u.tags);
        return j;
    }

    /** Path, {kind}Name, {kind}Id, Arn and CreateDate: what users, groups, roles and instance profiles share. */
    static ObjectNode entityJson(IamEntity h, String kind) {
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
        boundaryJson(j, r.permissionsBoundaryArn);
        tagsJson(j, r.tags);
        return j;
    }

    /** The PermissionsBoundary element of a user or role that has a boundary. */
    private static void boundaryJson(ObjectNode j, @Nullable String boundaryArn) {
        if (boundaryArn != null) {
            ObjectNode b = j.putObject("PermissionsBoundary");
            b.put("PermissionsBoundaryType", "Policy");
            b.put("PermissionsBoundaryArn", boundaryArn);
        }
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
        j.put("AttachmentCount", IamEntities.attachmentCount(c, mp.arn()));
        j.put("PermissionsBoundaryUsageCount", IamEntities.boundaryUsage(c, mp.arn()));
        j.put("IsAttachable", true);
        if (mp.description() != null) {
            j.put("Description", mp.description());
        }
        j.put("CreateDate", mp.createDate().toString());
        j.put("UpdateDate", mp.defaultVersion().createDate().toString());
        return j;
    }

    static ObjectNode versionJson(ManagedPolicy.PolicyVersion v, boolean withDocument) {
        ObjectNode j = Sandbox.json().objectNode();
        if (withDocument) {
            j.set("Document", Json.parse(v.document()));
        }
        j.put("VersionId", v.versionId());
        j.put("IsDefaultVersion", v.isDefault());
        j.put("CreateDate", v.createDate().toString());
        return j;
    }

    static ObjectNode instanceProfileJson(OperationContext c, InstanceProfile ip) {
        ObjectNode j = entityJson(ip, "InstanceProfile");
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
