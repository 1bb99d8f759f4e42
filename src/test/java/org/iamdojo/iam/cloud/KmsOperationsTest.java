package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.eval.PolicyLayer;
import org.junit.jupiter.api.Test;

/**
 * KMS key policies against IAM policies. "Unless the key policy explicitly allows it, you cannot use IAM policies
 * to allow access to a KMS key. Without permission from the key policy, IAM policies that allow permissions have
 * no effect." https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 */
class KmsOperationsTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A).account(B);

    static String keyPolicy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String grant(String principal, String action) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
    }

    String createKey(String policy) {
        Params p = policy == null ? Params.of("Description", "test")
                : Params.of("Policy", policy, "BypassPolicyLockoutSafetyCheck", "true");
        return f.setup(A, "kms", "CreateKey", p).at("/KeyMetadata/KeyId").asText();
    }

    CallResult encrypt(Credentials who, String keyId) {
        return f.call(who, "kms", "Encrypt", Params.of("KeyId", keyId, "Plaintext", "secret"));
    }

    @Test
    void theDefaultKeyPolicyLetsIamPoliciesDecide() {
        // The default key policy's "Enable IAM User Permissions" statement (key-policy-default.html).
        String keyId = createKey(null);
        String policy = f.setup(A, "kms", "GetKeyPolicy", Params.of("KeyId", keyId)).path("Policy").asText();
        assertThat(policy).contains("arn:aws:iam::" + A + ":root").contains("kms:*");
        Credentials allowed = f.user(A, "app", allow("kms:Encrypt", "*"));
        Credentials other = f.user(A, "other", allow("s3:ListAllMyBuckets", "*"));
        assertThat(encrypt(allowed, keyId).succeeded()).isTrue();
        CallResult denied = encrypt(other, keyId);
        assertThat(denied.error().code()).isEqualTo("AccessDeniedException");
        assertThat(denied.error().getMessage()).contains("kms:Encrypt").contains("because no identity-based policy allows");
    }

    @Test
    void withoutTheRootStatementIamPoliciesHaveNoEffect() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.user(A, "keyadmin");
        String keyId = createKey(keyPolicy(grant("arn:aws:iam::" + A + ":user/keyadmin", "kms:*")));
        CallResult denied = encrypt(admin, keyId);
        assertThat(denied.error().code()).isEqualTo("AccessDeniedException");
        assertThat(denied.error().getMessage()).contains("because no resource-based policy allows the kms:Encrypt action");
        // Not even the root user: the key policy is the only way in.
        assertThat(encrypt(root(A), keyId).succeeded()).isFalse();
    }

    @Test
    void encryptAndDecryptRoundTripWithTheEncryptionContext() {
        String keyId = createKey(null);
        Credentials app = f.user(A, "app", allow("kms:*", "*"));
        f.setup(A, "kms", "CreateAlias", Params.of("AliasName", "alias/app", "TargetKeyId", keyId));
        ObjectNode ctx = Params.of("KeyId", "alias/app", "Plaintext", "payroll 5200").json();
        ctx.putObject("EncryptionContext").put("team", "payroll");
        ObjectNode sealed = f.call(app, "kms", "Encrypt", new Params(ctx)).orThrow();
        assertThat(sealed.path("KeyId").asText()).endsWith(":key/" + keyId);
        String blob = sealed.path("CiphertextBlob").asText();
        assertThat(new String(Base64.getDecoder().decode(blob), StandardCharsets.ISO_8859_1)).doesNotContain("payroll 5200");
        ObjectNode back = Params.of("CiphertextBlob", blob).json();
        back.putObject("EncryptionContext").put("team", "payroll");
        ObjectNode opened = f.call(app, "kms", "Decrypt", new Params(back)).orThrow();
        assertThat(new String(Base64.getDecoder().decode(opened.path("Plaintext").asText()), StandardCharsets.UTF_8))
                .isEqualTo("payroll 5200");
        // A different encryption context does not decrypt (it is bound as associated data).
        ObjectNode wrong = Params.of("CiphertextBlob", blob).json();
        wrong.putObject("EncryptionContext").put("team", "sales");
        assertThat(f.call(app, "kms", "Decrypt", new Params(wrong)).error().code()).isEqualTo("InvalidCiphertextException");
        assertThat(f.call(app, "kms", "Decrypt", Params.of("CiphertextBlob", "bm90IGEgYmxvYg==")).error().code())
                .isEqualTo("InvalidCiphertextException");
    }

    @Test
    void theLockoutSafetyCheckRefusesAPolicyThatShutsTheCallerOut() {
        // "The key policy must allow the calling principal to make a subsequent PutKeyPolicy request"
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
        f.user(A, "keyadmin");
        String keyId = createKey(keyPolicy(grant("arn:aws:iam::" + A + ":user/keyadmin", "kms:*")));
        Credentials.ConsoleSession keyadmin = new Credentials.ConsoleSession(A, "keyadmin", false);
        CallResult lockout = f.call(keyadmin, "kms", "PutKeyPolicy", Params.of("KeyId", keyId, "Policy",
                keyPolicy(grant("arn:aws:iam::" + A + ":user/keyadmin", "kms:Describe*"))));
        assertThat(lockout.error().code()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(lockout.error().getMessage()).contains("will not allow you to update the key policy in the future");
        assertThat(f.call(keyadmin, "kms", "PutKeyPolicy", Params.of("KeyId", keyId, "Policy",
                keyPolicy(grant("arn:aws:iam::" + A + ":user/keyadmin", "kms:Put*")))).succeeded()).isTrue();
        // GetKeyPolicy takes a key id or ARN, not an alias.
        f.setup(A, "kms", "CreateAlias", Params.of("AliasName", "alias/k", "TargetKeyId", keyId));
        assertThat(f.call(keyadmin, "kms", "GetKeyPolicy", Params.of("KeyId", "alias/k")).error().code())
                .isEqualTo("NotFoundException");
    }

    @Test
    void aliasAwsNamesAreReservedForAwsManagedKeys() {
        // "The alias name cannot begin with alias/aws/. The alias/aws/ prefix is reserved for AWS managed keys."
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html. The engine refuses it whatever the
        // policies say (AWS manages this resource), so even an administrator or the root user gets AccessDeniedException.
        String keyId = createKey(null);
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        for (Credentials who : new Credentials[] {admin, root(A)}) {
            CallResult refused = f.call(who, "kms", "CreateAlias", Params.of("AliasName", "alias/aws/s3", "TargetKeyId", keyId));
            assertThat(refused.error().code()).isEqualTo("AccessDeniedException");
            assertThat(refused.error().getMessage()).contains("AWS manages this resource").contains("alias/aws/");
            assertThat(refused.decision().decidingLayer()).isEqualTo(PolicyLayer.AWS_MANAGED);
        }
        // Nothing changed: alias/aws/s3 is still the predefined alias without a key, and no customer alias was made.
        assertThat(alias(admin, "alias/aws/s3").has("TargetKeyId")).isFalse();
        assertThat(customerAliases(admin)).isEmpty();
        assertThat(f.call(admin, "kms", "CreateAlias", Params.of("AliasName", "alias/s3-data", "TargetKeyId", keyId))
                .succeeded()).isTrue();
    }

    JsonNode alias(Credentials who, String name) {
        for (JsonNode a : f.call(who, "kms", "ListAliases", Params.of()).orThrow().path("Aliases")) {
            if (a.path("AliasName").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no alias " + name);
    }

    List<String> customerAliases(Credentials who) {
        List<String> out = new ArrayList<>();
        f.call(who, "kms", "ListAliases", Params.of()).orThrow().path("Aliases").forEach(a -> {
            if (!a.path("AliasName").asText().startsWith("alias/aws/")) {
                out.add(a.path("AliasName").asText());
            }
        });
        return out;
    }

    @Test
    void predefinedAwsAliasesGetTheirAwsManagedKeyOnFirstUse() {
        // "The response might also include aliases that have no TargetKeyId field. These are predefined aliases that
        // AWS has created but has not yet associated with a KMS key."
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        JsonNode before = alias(admin, "alias/aws/s3");
        assertThat(before.path("AliasArn").asText()).isEqualTo("arn:aws:kms:us-east-1:" + A + ":alias/aws/s3");
        assertThat(before.has("TargetKeyId")).isFalse();
        // "If you specify a predefined AWS alias (an AWS alias with no key ID), KMS associates the alias with an AWS
        // managed key and returns its KeyId and Arn in the response."
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
        JsonNode meta = f.call(admin, "kms", "DescribeKey", Params.of("KeyId", "alias/aws/s3")).orThrow().path("KeyMetadata");
        assertThat(meta.path("KeyManager").asText()).isEqualTo("AWS");
        String keyId = meta.path("KeyId").asText();
        assertThat(meta.path("Arn").asText()).isEqualTo("arn:aws:kms:us-east-1:" + A + ":key/" + keyId);
        assertThat(alias(admin, "alias/aws/s3").path("TargetKeyId").asText()).isEqualTo(keyId);
        assertThat(f.call(admin, "kms", "DescribeKey", Params.of("KeyId", "alias/aws/s3")).orThrow()
                .at("/KeyMetadata/KeyId").asText()).isEqualTo(keyId);
        assertThat(f.call(admin, "kms", "ListKeys", Params.of()).orThrow().path("Keys").toString()).contains(keyId);
        // Another account's alias/aws/s3 is its own key; ebs has none yet.
        assertThat(f.setup(B, "kms", "DescribeKey", Params.of("KeyId", "alias/aws/s3")).at("/KeyMetadata/KeyId").asText())
                .isNotEqualTo(keyId);
        assertThat(alias(admin, "alias/aws/ebs").has("TargetKeyId")).isFalse();
        // The AWS managed key policy: use through the service by the account's principals, metadata for the account
        // (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key).
        String policy = f.call(admin, "kms", "GetKeyPolicy", Params.of("KeyId", keyId)).orThrow().path("Policy").asText();
        assertThat(policy).contains("\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"")
                .contains("\"kms:CallerAccount\":\"" + A + "\"").contains("kms:Describe*");
        // A direct call is not "through S3": the key policy allows it to nobody, whatever the IAM policy says.
        CallResult direct = encrypt(admin, "alias/aws/s3");
        assertThat(direct.error().code()).isEqualTo("AccessDeniedException");
        assertThat(direct.error().getMessage()).contains("because no resource-based policy allows the kms:Encrypt action");
    }

    @Test
    void customersCannotChangeAwsManagedKeys() {
        // "You cannot edit any properties of AWS managed keys" (https://docs.aws.amazon.com/kms/latest/developerguide/editing-keys.html);
        // "You cannot manage aliases for AWS managed keys" (https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html).
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        String awsKey = f.call(admin, "kms", "DescribeKey", Params.of("KeyId", "alias/aws/s3")).orThrow()
                .at("/KeyMetadata/KeyId").asText();
        String policy = f.setup(A, "kms", "GetKeyPolicy", Params.of("KeyId", awsKey)).path("Policy").asText();
        String own = createKey(null);
        List<Params> changes = List.of(
                Params.of("KeyId", awsKey, "PendingWindowInDays", "7"),
                Params.of("KeyId", awsKey),
                Params.of("KeyId", awsKey, "Policy", KmsOperations.defaultKeyPolicy(A)),
                tags(awsKey),
                Params.of("AliasName", "alias/mine", "TargetKeyId", awsKey),
                Params.of("AliasName", "alias/aws/s3", "TargetKeyId", own),
                Params.of("AliasName", "alias/aws/s3"));
        List<String> operations = List.of("ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy", "TagResource",
                "CreateAlias", "UpdateAlias", "DeleteAlias");
        for (Credentials who : new Credentials[] {admin, root(A)}) {
            for (int i = 0; i < operations.size(); i++) {
                CallResult refused = f.call(who, "kms", operations.get(i), changes.get(i));
                assertThat(refused.error()).as(operations.get(i)).isNotNull();
                assertThat(refused.error().code()).as(operations.get(i)).isEqualTo("AccessDeniedException");
                assertThat(refused.error().getMessage()).as(operations.get(i)).contains("AWS manages this resource");
                assertThat(refused.decision().decidingLayer()).as(operations.get(i)).isEqualTo(PolicyLayer.AWS_MANAGED);
            }
        }
        // Nothing changed.
        JsonNode meta = f.setup(A, "kms", "DescribeKey", Params.of("KeyId", awsKey)).path("KeyMetadata");
        assertThat(meta.path("KeyState").asText()).isEqualTo("Enabled");
        assertThat(f.setup(A, "kms", "GetKeyPolicy", Params.of("KeyId", awsKey)).path("Policy").asText()).isEqualTo(policy);
        assertThat(f.setup(A, "kms", "ListResourceTags", Params.of("KeyId", awsKey)).path("Tags")).isEmpty();
        assertThat(alias(admin, "alias/aws/s3").path("TargetKeyId").asText()).isEqualTo(awsKey);
        assertThat(customerAliases(admin)).isEmpty();
        // Reading it stays possible: the key policy gives the account Describe*, Get* and List*.
        assertThat(f.call(admin, "kms", "ListResourceTags", Params.of("KeyId", awsKey)).succeeded()).isTrue();
    }

    Params tags(String keyId) {
        ObjectNode p = Params.of("KeyId", keyId).json();
        p.putArray("Tags").addObject().put("TagKey", "team").put("TagValue", "payroll");
        return new Params(p);
    }

    @Test
    void customerKeysCanBeDisabledScheduledForDeletionTaggedAndRealiased() {
        // Key states: https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html;
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html (7 to 30 days),
        // API_CancelKeyDeletion.html (the key is then disabled), API_TagResource.html, API_UpdateAlias.html.
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        String keyId = createKey(null);
        String other = createKey(null);
        assertThat(f.call(admin, "kms", "ScheduleKeyDeletion", Params.of("KeyId", keyId, "PendingWindowInDays", "3"))
                .error().code()).isEqualTo("ValidationException");
        ObjectNode scheduled = f.call(admin, "kms", "ScheduleKeyDeletion",
                Params.of("KeyId", keyId, "PendingWindowInDays", "7")).orThrow();
        assertThat(scheduled.path("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(encrypt(admin, keyId).error().code()).isEqualTo("KMSInvalidStateException");
        f.call(admin, "kms", "CancelKeyDeletion", Params.of("KeyId", keyId)).orThrow();
        assertThat(f.call(admin, "kms", "DescribeKey", Params.of("KeyId", keyId)).orThrow().at("/KeyMetadata/KeyState")
                .asText()).isEqualTo("Disabled");
        assertThat(encrypt(admin, keyId).error().code()).isEqualTo("DisabledException");
        f.call(admin, "kms", "EnableKey", Params.of("KeyId", keyId)).orThrow();
        assertThat(encrypt(admin, keyId).succeeded()).isTrue();
        f.call(admin, "kms", "TagResource", tags(keyId)).orThrow();
        assertThat(f.call(admin, "kms", "ListResourceTags", Params.of("KeyId", keyId)).orThrow().path("Tags").toString())
                .contains("payroll");
        ObjectNode untag = Params.of("KeyId", keyId).json();
        untag.putArray("TagKeys").add("team");
        f.call(admin, "kms", "UntagResource", new Params(untag)).orThrow();
        assertThat(f.call(admin, "kms", "ListResourceTags", Params.of("KeyId", keyId)).orThrow().path("Tags")).isEmpty();
        f.call(admin, "kms", "CreateAlias", Params.of("AliasName", "alias/app", "TargetKeyId", keyId)).orThrow();
        f.call(admin, "kms", "UpdateAlias", Params.of("AliasName", "alias/app", "TargetKeyId", other)).orThrow();
        assertThat(alias(admin, "alias/app").path("TargetKeyId").asText()).isEqualTo(other);
        f.call(admin, "kms", "DeleteAlias", Params.of("AliasName", "alias/app")).orThrow();
        assertThat(customerAliases(admin)).isEmpty();
        assertThat(f.call(admin, "kms", "DeleteAlias", Params.of("AliasName", "alias/app")).error().code())
                .isEqualTo("NotFoundException");
    }

    @Test
    void crossAccountUseNeedsTheKeyPolicyAndTheCallersIamPolicy() {
        // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
        String keyId = createKey(keyPolicy(grant("arn:aws:iam::" + A + ":root", "kms:*"),
                grant("arn:aws:iam::" + B + ":root", "kms:Encrypt")));
        String arn = "arn:aws:kms:us-east-1:" + A + ":key/" + keyId;
        Credentials withIam = f.user(B, "partner", allow("kms:Encrypt", arn));
        Credentials withoutIam = f.user(B, "intern");
        assertThat(encrypt(withIam, arn).succeeded()).isTrue();
        assertThat(encrypt(withoutIam, arn).succeeded()).isFalse();
        // Another account's key is reachable only by its ARN.
        assertThat(encrypt(withIam, keyId).error().code()).isEqualTo("NotFoundException");
    }
}
