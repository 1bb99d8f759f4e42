package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
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
        // https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html; AWS answers ValidationException.
        String keyId = createKey(null);
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        for (Credentials who : new Credentials[] {admin, root(A)}) {
            CallResult refused = f.call(who, "kms", "CreateAlias", Params.of("AliasName", "alias/aws/s3", "TargetKeyId", keyId));
            assertThat(refused.error().code()).isEqualTo("ValidationException");
            assertThat(refused.error().getMessage()).contains("alias/aws/");
        }
        // Nothing changed: no alias was made.
        assertThat(f.call(admin, "kms", "ListAliases", Params.of()).orThrow().path("Aliases")).isEmpty();
        assertThat(f.call(admin, "kms", "CreateAlias", Params.of("AliasName", "alias/s3-data", "TargetKeyId", keyId))
                .succeeded()).isTrue();
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
