package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PolicyUse;
import org.iamdojo.iam.account.Sandbox;
import org.iamdojo.iam.cloud.KmsState.Key;

/**
 * The simulated AWS KMS: symmetric encryption keys whose key policy is the resource-based policy that must
 * allow every use of the key ("Unless the key policy explicitly allows it, you cannot use IAM policies to
 * allow access to a KMS key", https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html): the
 * default key policy's statement for the account root is what lets IAM policies work. CreateKey and PutKeyPolicy
 * run the policy lockout safety check. Encrypt and Decrypt really encrypt (AES-GCM with the key's material and
 * the encryption context as associated data). Blobs cross the terminal as base64 text: Plaintext is taken as
 * the text given (as AWS CLI 1 passes a blob argument), CiphertextBlob as the base64 Encrypt printed; Decrypt
 * prints Plaintext base64-encoded, as the API does.
 * <p>AWS managed keys: every account has the predefined aliases {@code alias/aws/SERVICE} from the start, without a
 * key ("The response might also include aliases that have no TargetKeyId field. These are predefined aliases that
 * AWS has created but has not yet associated with a KMS key", API_ListAliases.html); the key is made on first use,
 * here by DescribeKey on the alias ("If you specify a predefined AWS alias (an AWS alias with no key ID), KMS
 * associates the alias with an AWS managed key and returns its KeyId and Arn", API_DescribeKey.html), since no
 * simulated service encrypts on its own. Its key policy is AWS's: use only through the service (kms:ViaService)
 * by principals of the account (kms:CallerAccount), and read-only metadata for the account
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key). Customers cannot change
 * it ("You cannot edit any properties of AWS managed keys", editing-keys.html; "You cannot manage aliases for AWS
 * managed keys", alias-create.html): the engine refuses those calls with "AWS manages this resource".
 * API: https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html
 */
public final class KmsOperations {
    /** "The key policy cannot exceed 32 kilobytes (32768 bytes)" (API_PutKeyPolicy.html). */
    static final int MAX_KEY_POLICY = 32_768;
    private static final byte VERSION = 1;
    /** Services whose alias/aws/SERVICE alias every account has from the start (a few of AWS's). */
    static final List<String> PREDEFINED_SERVICES = List.of("dynamodb", "ebs", "lambda", "rds", "s3", "secretsmanager",
            "sns", "sqs", "ssm");

    private KmsOperations() {
    }

    /** The KMS state of a sandbox. */
    public static KmsState state(Sandbox sandbox) {
        return sandbox.extension(KmsState.class, KmsState::new);
    }

    /**
     * The key a key ARN or an alias ARN names in any account of the sandbox, or null: how a grader check finds the
     * key policy for a resource written as arn:aws:kms:REGION:ACCOUNT:alias/NAME.
     */
    public static Key keyForArn(Sandbox sandbox, String arn) {
        KmsState s = state(sandbox);
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !"kms".equals(parts[2])) {
            return null;
        }
        if (parts[5].startsWith("key/")) {
            Key k = s.keys.get(parts[5].substring(4));
            return k != null && k.arn.equals(arn) ? k : null;
        }
        if (parts[5].startsWith("alias/")) {
            String id = s.aliases.get(parts[4] + "/" + parts[5]);
            return id == null ? null : s.keys.get(id);
        }
        return null;
    }

    /** The default key policy: the account's root may do everything, which delegates to the account's IAM policies. */
    static String defaultKeyPolicy(String accountId) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + accountId + ":root\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"}]}";
    }

    /**
     * The key policy of an AWS managed key, as AWS writes it: any principal of the account may use the key through
     * the service, and the account may read its metadata
     * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key, key-policy-services.html).
     */
    static String awsManagedKeyPolicy(String accountId, String region, String service) {
        String upper = service.toUpperCase(Locale.ROOT);
        return "{\"Version\":\"2012-10-17\",\"Id\":\"auto-" + service + "-2\",\"Statement\":[{\"Sid\":\"Allow access through "
                + upper + " for all principals in the account that are authorized to use " + upper + "\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncrypt*\","
                + "\"kms:GenerateDataKey*\",\"kms:DescribeKey\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{"
                + "\"kms:ViaService\":\"" + service + "." + region + ".amazonaws.com\",\"kms:CallerAccount\":\"" + accountId
                + "\"}}},{\"Sid\":\"Allow direct access to key metadata to the account\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + accountId + ":root\"},\"Action\":[\"kms:Describe*\","
                + "\"kms:Get*\",\"kms:List*\"],\"Resource\":\"*\"}]}";
    }

    /** The service of a predefined alias name (alias/aws/SERVICE), or null. */
    private static String predefinedService(String aliasName) {
        if (!aliasName.startsWith("alias/aws/")) {
            return null;
        }
        String service = aliasName.substring("alias/aws/".length());
        return PREDEFINED_SERVICES.contains(service) ? service : null;
    }

    /**
     * The AWS managed key of a service in an account, made on first use. Its id and material follow from the account,
     * Region and service, so the key made again after a restart (DescribeKey is a read and is not replayed) is the
     * same key and decrypts what the first one encrypted.
     */
    static Key awsManagedKey(Sandbox sandbox, String accountId, String service, Instant now) {
        KmsState s = state(sandbox);
        String alias = accountId + "/alias/aws/" + service;
        String existing = s.aliases.get(alias);
        if (existing != null) {
            return s.keys.get(existing);
        }
        String keyId = awsManagedKeyId(sandbox.region(), accountId, service);
        String arn = "arn:aws:kms:" + sandbox.region() + ":" + accountId + ":key/" + keyId;
        Key k = new Key(keyId, accountId, arn, "Default key that protects my " + service.toUpperCase(Locale.ROOT)
                + " resources when no other key is defined", now, sha256("aws-managed-key/" + arn), awsManagedKeyPolicy(accountId,
                sandbox.region(), service), true);
        s.keys.put(keyId, k);
        s.aliases.put(alias, keyId);
        return k;
    }

    /** The id of an AWS managed key: fixed by Region, account and service. */
    private static String awsManagedKeyId(String region, String accountId, String service) {
        String seed = "aws-managed-key/" + region + "/" + accountId + "/" + service;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Registers the KMS operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        sb.register(Operation.write("kms", "CreateKey",
                (c, p) -> List.of(AccessRequest.of("kms:CreateKey", "*", c.accountId())), KmsOperations::createKey));
        sb.register(Operation.read("kms", "DescribeKey", (c, p) -> {
            makePredefined(c, p.required("KeyId"));
            return onKey(c, "kms:DescribeKey", p.required("KeyId"));
        }, (c, p) -> {
            makePredefined(c, p.required("KeyId"));
            return c.response("KeyMetadata", metadata(c, key(c, p.required("KeyId"))));
        }));
        sb.register(Operation.read("kms", "ListKeys",
                (c, p) -> List.of(AccessRequest.of("kms:ListKeys", "*", c.accountId())), (c, p) -> {
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Keys");
                    state(c.sandbox()).keys.values().stream().filter(k -> k.accountId.equals(c.accountId()))
                            .forEach(k -> list.addObject().put("KeyId", k.keyId).put("KeyArn", k.arn));
                    out.put("Truncated", false);
                    return out;
                }));
        sb.register(Operation.read("kms", "GetKeyPolicy",
                (c, p) -> onKey(c, "kms:GetKeyPolicy", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    policyName(p);
                    ObjectNode out = c.object();
                    out.put("Policy", k.policy);
                    out.put("PolicyName", "default");
                    return out;
                }));
        sb.register(Operation.write("kms", "PutKeyPolicy",
                (c, p) -> onKey(c, "kms:PutKeyPolicy", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    policyName(p);
                    String policy = checkedPolicy(c, p, k.arn, k.accountId);
                    k.policy = policy;
                    return c.object();
                }));
        sb.register(Operation.write("kms", "CreateAlias", KmsOperations::createAliasAccess, (c, p) -> {
            String name = aliasName(p.required("AliasName"));
            Key k = key(c, p.required("TargetKeyId"));
            if (!k.accountId.equals(c.accountId())) {
                throw new AwsException("NotFoundException", 400, "Key '" + k.arn + "' does not exist");
            }
            KmsState s = state(c.sandbox());
            if (s.aliases.containsKey(c.accountId() + "/" + name)) {
                throw new AwsException("AlreadyExistsException", 400, "An alias with the name " + aliasArn(c, name)
                        + " already exists");
            }
            s.aliases.put(c.accountId() + "/" + name, k.keyId);
            return c.object();
        }));
        sb.register(Operation.read("kms", "ListAliases",
                (c, p) -> List.of(AccessRequest.of("kms:ListAliases", "*", c.accountId())), (c, p) -> {
                    KmsState s = state(c.sandbox());
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Aliases");
                    String prefix = c.accountId() + "/";
                    s.aliases.forEach((k, id) -> {
                        if (k.startsWith(prefix) && !k.startsWith(prefix + "alias/aws/")) {
                            String name = k.substring(prefix.length());
                            list.addObject().put("AliasName", name).put("AliasArn", aliasArn(c, name)).put("TargetKeyId", id);
                        }
                    });
                    // The predefined AWS aliases, with TargetKeyId once their AWS managed key exists.
                    for (String service : PREDEFINED_SERVICES) {
                        String name = "alias/aws/" + service;
                        ObjectNode a = list.addObject().put("AliasName", name).put("AliasArn", aliasArn(c, name));
                        String id = s.aliases.get(prefix + name);
                        if (id != null) {
                            a.put("TargetKeyId", id);
                        }
                    }
                    out.put("Truncated", false);
                    return out;
                }));
        registerKeyChanges(sb);
        sb.register(Operation.read("kms", "Encrypt",
                (c, p) -> onKey(c, "kms:Encrypt", p.required("KeyId"), encryptionContext(p)), KmsOperations::encrypt));
        sb.register(Operation.read("kms", "Decrypt", KmsOperations::decryptAccess, KmsOperations::decrypt));
    }

    /** Key state, tags and alias changes: the calls a customer makes on its own keys and AWS refuses on AWS's. */
    private static void registerKeyChanges(Sandbox sb) {
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
        sb.register(Operation.write("kms", "ScheduleKeyDeletion",
                (c, p) -> onKey(c, "kms:ScheduleKeyDeletion", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    Integer window = p.integer("PendingWindowInDays");
                    int days = window == null ? 30 : window;
                    if (days < 7 || days > 30) {
                        throw new AwsException("ValidationException", 400,
                                "PendingWindowInDays must be between 7 and 30 days.");
                    }
                    notPendingDeletion(k);
                    k.keyState = "PendingDeletion";
                    k.deletionDate = c.now().plus(Duration.ofDays(days));
                    ObjectNode out = c.object();
                    out.put("KeyId", k.arn);
                    out.put("DeletionDate", k.deletionDate.toString());
                    out.put("KeyState", k.keyState);
                    out.put("PendingWindowInDays", days);
                    return out;
                }));
        // A canceled deletion leaves the key disabled (API_CancelKeyDeletion.html).
        sb.register(Operation.write("kms", "CancelKeyDeletion",
                (c, p) -> onKey(c, "kms:CancelKeyDeletion", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    if (!k.keyState.equals("PendingDeletion")) {
                        throw invalidState(k);
                    }
                    k.keyState = "Disabled";
                    k.deletionDate = null;
                    ObjectNode out = c.object();
                    out.put("KeyId", k.arn);
                    return out;
                }));
        registerKeyStateChange(sb, "DisableKey", "kms:DisableKey", "Disabled");
        registerKeyStateChange(sb, "EnableKey", "kms:EnableKey", "Enabled");
        // Tags are [{"TagKey": k, "TagValue": v}] (API_TagResource.html).
        sb.register(Operation.write("kms", "TagResource",
                (c, p) -> onKey(c, "kms:TagResource", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    JsonNode tags = p.json().get("Tags");
                    if (tags == null || !tags.isArray()) {
                        throw new AwsException("ValidationException", 400, "Tags must be a list of {TagKey, TagValue}.");
                    }
                    Map<String, String> add = new LinkedHashMap<>();
                    for (JsonNode t : tags) {
                        String tagKey = t.path("TagKey").asText("");
                        if (tagKey.isEmpty()) {
                            throw new AwsException("TagException", 400, "Each tag needs a TagKey.");
                        }
                        add.put(tagKey, t.path("TagValue").asText(""));
                    }
                    k.tags.putAll(add);
                    return c.object();
                }));
        sb.register(Operation.write("kms", "UntagResource",
                (c, p) -> onKey(c, "kms:UntagResource", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    p.list("TagKeys").forEach(k.tags::remove);
                    return c.object();
                }));
        sb.register(Operation.read("kms", "ListResourceTags",
                (c, p) -> onKey(c, "kms:ListResourceTags", idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    ObjectNode out = c.object();
                    ArrayNode list = out.putArray("Tags");
                    k.tags.forEach((tk, tv) -> list.addObject().put("TagKey", tk).put("TagValue", tv));
                    out.put("Truncated", false);
                    return out;
                }));
        // kms:UpdateAlias on the alias, the key it points to and the new key (API_UpdateAlias.html).
        sb.register(Operation.write("kms", "UpdateAlias", (c, p) -> {
            List<AccessRequest> needs = aliasAndCurrentKey(c, p, "kms:UpdateAlias");
            needs.addAll(onKey(c, "kms:UpdateAlias", p.required("TargetKeyId")));
            return needs;
        }, (c, p) -> {
            String name = aliasName(p.required("AliasName"));
            KmsState s = state(c.sandbox());
            if (!s.aliases.containsKey(c.accountId() + "/" + name)) {
                throw new AwsException("NotFoundException", 400, "Alias " + aliasArn(c, name) + " is not found.");
            }
            Key k = key(c, p.required("TargetKeyId"));
            if (!k.accountId.equals(c.accountId())) {
                throw new AwsException("NotFoundException", 400, "Key '" + k.arn + "' does not exist");
            }
            s.aliases.put(c.accountId() + "/" + name, k.keyId);
            return c.object();
        }));
        // kms:DeleteAlias on the alias and on the key it points to (API_DeleteAlias.html).
        sb.register(Operation.write("kms", "DeleteAlias", (c, p) -> aliasAndCurrentKey(c, p, "kms:DeleteAlias"),
                (c, p) -> {
                    String name = aliasName(p.required("AliasName"));
                    if (state(c.sandbox()).aliases.remove(c.accountId() + "/" + name) == null) {
                        throw new AwsException("NotFoundException", 400, "Alias " + aliasArn(c, name) + " is not found.");
                    }
                    return c.object();
                }));
    }

    private static void notPendingDeletion(Key k) {
        if (k.keyState.equals("PendingDeletion")) {
            throw invalidState(k);
        }
    }

    private static AwsException invalidState(Key k) {
        return new AwsException("KMSInvalidStateException", 400, k.arn + " is " + k.keyState.replace("PendingDeletion",
                "pending deletion").toLowerCase(Locale.ROOT) + ".");
    }

    /** Encrypt and Decrypt need an enabled key (key-state.html). */
    private static void usable(Key k) {
        if (k.keyState.equals("Disabled")) {
            throw new AwsException("DisabledException", 400, k.arn + " is disabled.");
        }
        notPendingDeletion(k);
    }

    /**
     * DescribeKey on a predefined alias without a key (alias/aws/SERVICE by name, or its alias ARN in the caller's
     * account) makes the service's AWS managed key first.
     */
    private static void makePredefined(OperationContext c, String ref) {
        String name = ref;
        String ownAliasArnPrefix = "arn:aws:kms:" + c.sandbox().region() + ":" + c.accountId() + ":";
        if (ref.startsWith(ownAliasArnPrefix)) {
            name = ref.substring(ownAliasArnPrefix.length());
        }
        String service = predefinedService(name);
        if (service != null && c.accountId() != null) {
            awsManagedKey(c.sandbox(), c.accountId(), service, c.now());
        }
    }

    // ---- keys and policies -------------------------------------------------------------------------

    private static ObjectNode createKey(OperationContext c, Params p) {
        String usage = p.optional("KeyUsage", "ENCRYPT_DECRYPT");
        String spec = p.optional("KeySpec", p.optional("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT"));
        if (!usage.equals("ENCRYPT_DECRYPT") || !spec.equals("SYMMETRIC_DEFAULT")) {
            throw new AwsException("UnsupportedOperationException", 400,
                    "The sandbox has symmetric encryption keys only (KeyUsage ENCRYPT_DECRYPT, KeySpec SYMMETRIC_DEFAULT).");
        }
        String hex = hex(c.ids().uniqueId("", 32));
        String keyId = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        String arn = "arn:aws:kms:" + c.sandbox().region() + ":" + c.accountId() + ":key/" + keyId;
        String policy = p.optional("Policy") == null ? defaultKeyPolicy(c.accountId()) : checkedPolicy(c, p, arn, c.accountId());
        Key k = new Key(keyId, c.accountId(), arn, p.optional("Description", ""), c.now(),
                sha256(c.ids().secret(40)), policy);
        state(c.sandbox()).keys.put(keyId, k);
        return c.response("KeyMetadata", metadata(c, k));
    }

    /**
     * Validates a new key policy and runs the lockout safety check: unless bypassed, the caller must be allowed to
     * call PutKeyPolicy under the new policy ("The key policy must allow the calling principal to make a subsequent
     * PutKeyPolicy request on the KMS key", API_PutKeyPolicy.html, API_CreateKey.html).
     */
    private static String checkedPolicy(OperationContext c, Params p, String keyArn, String keyAccount) {
        String policy = p.required("Policy");
        if (policy.length() > MAX_KEY_POLICY) {
            throw new AwsException("LimitExceededException", 400, "The key policy exceeds 32 kilobytes.");
        }
        try {
            c.sandbox().checkPolicy(policy, PolicyUse.RESOURCE);
        } catch (AwsException e) {
            throw AwsException.withFindings("MalformedPolicyDocumentException", 400, e.getMessage(), e.findings());
        }
        if (!p.bool("BypassPolicyLockoutSafetyCheck", false)
                && !c.sandbox().authorize(c.caller(), new AccessRequest("kms:PutKeyPolicy", keyArn, keyAccount, policy,
                Map.of())).allowed()) {
            throw new AwsException("MalformedPolicyDocumentException", 400,
                    "The new key policy will not allow you to update the key policy in the future.");
        }
        return policy;
    }

    private static void policyName(Params p) {
        String name = p.optional("PolicyName", "default");
        if (!name.equals("default")) {
            throw new AwsException("NotFoundException", 400, "Policy " + name + " does not exist: a key has one key policy, named default.");
        }
    }

    private static List<AccessRequest> onKey(OperationContext c, String action, String keyRef) {
        return onKey(c, action, keyRef, Map.of());
    }

    /** A key operation needs the action on the key's ARN, with the key policy as the resource-based policy. */
    private static List<AccessRequest> onKey(OperationContext c, String action, String keyRef,
                                             Map<String, String> encryptionContext) {
        Key k = key(c, keyRef);
        Map<String, List<String>> ctx = new TreeMap<>();
        encryptionContext.forEach((name, value) -> ctx.put("kms:EncryptionContext:" + name, List.of(value)));
        if (!encryptionContext.isEmpty()) {
            ctx.put("kms:EncryptionContextKeys", List.copyOf(encryptionContext.keySet()));
        }
        ctx.put("kms:CallerAccount", List.of(c.accountId()));
        return List.of(new AccessRequest(action, k.arn, k.accountId, k.policy, ctx, k.awsManaged));
    }

    /**
     * An alias operation needs the action on the alias named by AliasName and, when the alias exists, on the key it
     * points to now (API_UpdateAlias.html, API_DeleteAlias.html). The list is mutable: UpdateAlias adds the new key.
     */
    private static List<AccessRequest> aliasAndCurrentKey(OperationContext c, Params p, String action) {
        String name = aliasNameSyntax(p.required("AliasName"));
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(AccessRequest.of(action, aliasArn(c, name), c.accountId()));
        String current = state(c.sandbox()).aliases.get(c.accountId() + "/" + name);
        if (current != null) {
            needs.addAll(onKey(c, action, current));
        }
        return needs;
    }

    private static List<AccessRequest> createAliasAccess(OperationContext c, Params p) {
        // An alias/aws/ name reaches the engine, which refuses it: AWS manages those aliases.
        String name = aliasNameSyntax(p.required("AliasName"));
        List<AccessRequest> needs = new ArrayList<>();
        needs.add(AccessRequest.of("kms:CreateAlias", aliasArn(c, name), c.accountId()));
        needs.addAll(onKey(c, "kms:CreateAlias", p.required("TargetKeyId")));
        return needs;
    }

    /**
     * The key a KeyId names: a key id or an alias name in the caller's account, or a key ARN or alias ARN in any
     * account (other accounts' keys only by ARN). NotFoundException otherwise.
     */
    static Key key(OperationContext c, String ref) {
        KmsState s = state(c.sandbox());
        Key k;
        if (ref.startsWith("arn:")) {
            k = keyForArn(c.sandbox(), ref);
        } else if (ref.startsWith("alias/")) {
            String id = s.aliases.get(c.accountId() + "/" + ref);
            k = id == null ? null : s.keys.get(id);
        } else {
            k = s.keys.get(ref);
            if (k != null && !k.accountId.equals(c.accountId())) {
                k = null;
            }
        }
        if (k == null) {
            throw new AwsException("NotFoundException", 400, (ref.contains("alias/") ? "Alias " : "Key '") + ref
                    + (ref.contains("alias/") ? " is not found." : "' does not exist"));
        }
        return k;
    }

    private static String idOrArn(String ref) {
        if (ref.contains("alias/")) {
            throw new AwsException("NotFoundException", 400, "Invalid keyId " + ref
                    + ": this operation takes a key ID or key ARN, not an alias.");
        }
        return ref;
    }

    /** The alias name's syntax only (alias/ and the allowed characters); alias/aws/ names pass, for the engine. */
    private static String aliasNameSyntax(String name) {
        if (!name.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
            throw new AwsException("ValidationException", 400, "Alias must start with the prefix \"alias/\" and may "
                    + "contain letters, digits, '/', '_' and '-'.");
        }
        return name;
    }

    private static String aliasName(String name) {
        if (!name.startsWith("alias/") || name.startsWith("alias/aws/") || !name.matches("alias/[a-zA-Z0-9/_-]{1,250}")) {
            throw new AwsException("ValidationException", 400, "Alias must start with the prefix \"alias/\", may not "
                    + "begin with \"alias/aws/\" and may contain letters, digits, '/', '_' and '-'.");
        }
        return name;
    }

    private static String aliasArn(OperationContext c, String name) {
        return "arn:aws:kms:" + c.sandbox().region() + ":" + c.accountId() + ":" + name;
    }

    private static ObjectNode metadata(OperationContext c, Key k) {
        ObjectNode m = c.object();
        m.put("AWSAccountId", k.accountId);
        m.put("KeyId", k.keyId);
        m.put("Arn", k.arn);
        m.put("CreationDate", k.creationDate.toString());
        m.put("Enabled", k.keyState.equals("Enabled"));
        m.put("Description", k.description);
        m.put("KeyUsage", "ENCRYPT_DECRYPT");
        m.put("KeyState", k.keyState);
        if (k.deletionDate != null) {
            m.put("DeletionDate", k.deletionDate.toString());
        }
        m.put("Origin", "AWS_KMS");
        m.put("KeyManager", k.keyManager());
        m.put("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT");
        m.put("KeySpec", "SYMMETRIC_DEFAULT");
        m.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
        m.put("MultiRegion", false);
        return m;
    }

    // ---- encryption --------------------------------------------------------------------------------

    private static ObjectNode encrypt(OperationContext c, Params p) {
        Key k = key(c, p.required("KeyId"));
        usable(k);
        byte[] plaintext = p.required("Plaintext").getBytes(StandardCharsets.UTF_8);
        if (plaintext.length > 4096) {
            throw new AwsException("ValidationException", 400, "Plaintext must be at most 4096 bytes.");
        }
        byte[] iv = Arrays.copyOf(sha256(c.ids().secret(16)), 12);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, k, iv, aad(encryptionContext(p)), plaintext);
        byte[] id = k.keyId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer blob = ByteBuffer.allocate(2 + id.length + iv.length + sealed.length);
        blob.put(VERSION).put((byte) id.length).put(id).put(iv).put(sealed);
        ObjectNode out = c.object();
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(blob.array()));
        out.put("KeyId", k.arn);
        out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return out;
    }

    private static List<AccessRequest> decryptAccess(OperationContext c, Params p) {
        Blob b = blob(c, p);
        return onKey(c, "kms:Decrypt", b.key.arn, encryptionContext(p));
    }

    private static ObjectNode decrypt(OperationContext c, Params p) {
        Blob b = blob(c, p);
        usable(b.key);
        byte[] plaintext;
        try {
            plaintext = crypt(Cipher.DECRYPT_MODE, b.key, b.iv, aad(encryptionContext(p)), b.sealed);
        } catch (AwsException e) {
            throw invalidCiphertext();
        }
        ObjectNode out = c.object();
        out.put("KeyId", b.key.arn);
        out.put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        out.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return out;
    }

    private record Blob(Key key, byte[] iv, byte[] sealed) {
    }

    /** Reads a ciphertext blob; a KeyId given with it must name the same key (IncorrectKeyException). */
    private static Blob blob(OperationContext c, Params p) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(p.required("CiphertextBlob").strip());
        } catch (IllegalArgumentException e) {
            throw invalidCiphertext();
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        if (raw.length < 2 + 12 + 16 || in.get() != VERSION) {
            throw invalidCiphertext();
        }
        int idLength = in.get();
        if (idLength <= 0 || raw.length < 2 + idLength + 12 + 16) {
            throw invalidCiphertext();
        }
        byte[] id = new byte[idLength];
        in.get(id);
        byte[] iv = new byte[12];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        String keyId = new String(id, StandardCharsets.US_ASCII);
        Key k = state(c.sandbox()).keys.get(keyId);
        if (k == null) {
            k = awsManagedKeyWithId(c, keyId);
        }
        if (k == null) {
            throw invalidCiphertext();
        }
        String given = p.optional("KeyId");
        if (given != null && key(c, given) != k) {
            throw new AwsException("IncorrectKeyException", 400,
                    "The key ID in the request does not identify a KMS key that can perform this operation.");
        }
        return new Blob(k, iv, sealed);
    }

    /** The caller's AWS managed key with this id, made again if the sandbox was rebuilt since; else null. */
    private static Key awsManagedKeyWithId(OperationContext c, String keyId) {
        if (c.accountId() == null) {
            return null;
        }
        for (String service : PREDEFINED_SERVICES) {
            if (awsManagedKeyId(c.sandbox().region(), c.accountId(), service).equals(keyId)) {
                return awsManagedKey(c.sandbox(), c.accountId(), service, c.now());
            }
        }
        return null;
    }

    private static AwsException invalidCiphertext() {
        return new AwsException("InvalidCiphertextException", 400, "The ciphertext is invalid, or the encryption context "
                + "does not match the one it was encrypted with.");
    }

    private static Map<String, String> encryptionContext(Params p) {
        Map<String, String> out = new TreeMap<>();
        JsonNode ctx = p.json().get("EncryptionContext");
        if (ctx != null && ctx.isObject()) {
            ctx.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static byte[] aad(Map<String, String> context) {
        StringBuilder sb = new StringBuilder();
        context.forEach((k, v) -> sb.append(k.length()).append(':').append(k).append(v.length()).append(':').append(v));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, Key k, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(k.material, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw invalidCiphertext();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (char ch : id.toCharArray()) {
            sb.append(Character.forDigit(ch % 16, 16));
        }
        return sb.toString();
    }

    /** DisableKey / EnableKey: the key's state set, refused while it is pending deletion. */
    private static void registerKeyStateChange(Sandbox sb, String operation, String action, String state) {
        sb.register(Operation.write("kms", operation,
                (c, p) -> onKey(c, action, idOrArn(p.required("KeyId"))), (c, p) -> {
                    Key k = key(c, idOrArn(p.required("KeyId")));
                    notPendingDeletion(k);
                    k.keyState = state;
                    return c.object();
                }));
    }
}
