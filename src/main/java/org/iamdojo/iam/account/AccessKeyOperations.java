package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.targetUserName;
import static org.iamdojo.iam.account.IamEntities.user;
import static org.iamdojo.iam.account.IamQuotas.ACCESS_KEYS_PER_USER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Access keys of IAM users and of the root user (UserName omitted): CreateAccessKey, ListAccessKeys,
 * UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Secrets are stored only as hashes.
 */
final class AccessKeyOperations {
    private AccessKeyOperations() {
    }

    static ObjectNode createAccessKey(OperationContext c, Params p) {
        List<AccessKey> keys = keysOf(c, p);
        if (keys.size() >= ACCESS_KEYS_PER_USER) {
            throw AwsException.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + ACCESS_KEYS_PER_USER);
        }
        String id = c.ids().uniqueId("AKIA", 20);
        String secret = c.ids().secret(40);
        AccessKey key = new AccessKey(id, Secrets.hashSecret(secret), c.now());
        keys.add(key);
        c.sandbox().keepSigningSecret(id, secret);
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
    }

    static ObjectNode listAccessKeys(OperationContext c, Params p) {
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
    }

    static ObjectNode updateAccessKey(OperationContext c, Params p) {
        AccessKey key = key(c, p);
        String status = p.required("Status");
        if (!status.equals("Active") && !status.equals("Inactive")) {
            throw AwsException.validation("1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        }
        key.status = status;
        return c.object();
    }

    static ObjectNode deleteAccessKey(OperationContext c, Params p) {
        AccessKey key = key(c, p);
        keysOf(c, p).remove(key);
        return c.object();
    }

    static ObjectNode getAccessKeyLastUsed(OperationContext c, Params p) {
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
}
