package org.iamdojo.iam.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.root;
import static org.iamdojo.iam.SandboxFixture.trust;

import org.iamdojo.iam.SandboxFixture;
import org.junit.jupiter.api.Test;

/**
 * AWS's length limits, refused with AWS's error before the call is authorized (a caller without any permission
 * gets the limit error, not AccessDenied) and without changing anything.
 * IAM names, paths and policy sizes: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * ARNs (arnType, 20–2048): https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 * S3 keys (1,024 bytes of UTF-8): https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html and
 * KeyTooLongError: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 * Bucket policies up to 20 KB: https://docs.aws.amazon.com/AmazonS3/latest/userguide/add-bucket-policy.html
 */
class InputLimitsTest {
    static final String A = "111122223333";
    final SandboxFixture f = new SandboxFixture().account(A);

    @Test
    void s3KeysAreMeasuredInBytesOfUtf8() {
        Credentials alice = f.user(A, "alice", allow("s3:*", "*"));
        f.call(alice, "s3", "CreateBucket", Params.of("Bucket", "reports-2026")).orThrow();
        assertThat(put(alice, "k".repeat(1024)).succeeded()).isTrue();
        assertThat(put(alice, "k".repeat(1025)).error().code()).isEqualTo("KeyTooLongError");
        // 341 Hangul syllables are 1,023 bytes; 342 are 1,026 although they are far fewer than 1,024 characters.
        assertThat(put(alice, "한".repeat(341)).succeeded()).isTrue();
        CallResult tooLong = put(alice, "한".repeat(342));
        assertThat(tooLong.error().code()).isEqualTo("KeyTooLongError");
        assertThat(tooLong.error().httpStatus()).isEqualTo(400);
        assertThat(tooLong.error().getMessage()).isEqualTo("Your key is too long");
        assertThat(S3Keys.count(f, "reports-2026")).isEqualTo(2);
        assertThat(f.call(alice, "s3", "ListObjectsV2", Params.of("Bucket", "reports-2026", "Prefix", "p".repeat(1025)))
                .error().code()).isEqualTo("KeyTooLongError");
    }

    @Test
    void aKeyTooLongIsRefusedBeforeAnyPolicyIsMatchedAgainstIt() {
        f.call(root(A), "s3", "CreateBucket", Params.of("Bucket", "reports-2026")).orThrow();
        // A user whose only policy is a long starry pattern: an oversized key never reaches the engine.
        String starry = "arn:aws:s3:::reports-2026/" + "*a".repeat(900) + "*b";
        Credentials bob = f.user(A, "bob", allow("s3:GetObject", starry));
        long start = System.nanoTime();
        CallResult r = f.call(bob, "s3", "GetObject", Params.of("Bucket", "reports-2026", "Key", "a".repeat(1 << 20)));
        assertThat(r.error().code()).isEqualTo("KeyTooLongError");
        assertThat(r.decision()).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        // Without permission a legal key is denied, so the refusal above did not come from authorization.
        assertThat(f.call(bob, "s3", "GetObject", Params.of("Bucket", "reports-2026", "Key", "a")).error().code())
                .isEqualTo("AccessDenied");
    }

    @Test
    void namesAndPathsFollowTheIamCharacterLimits() {
        Credentials nobody = f.user(A, "nobody");
        assertThat(f.call(root(A), "iam", "CreateUser", Params.of("UserName", "u".repeat(64))).succeeded()).isTrue();
        CallResult user = f.call(root(A), "iam", "CreateUser", Params.of("UserName", "u".repeat(65)));
        assertThat(user.error().code()).isEqualTo("ValidationError");
        assertThat(user.error().getMessage()).contains("at 'userName'")
                .endsWith("Member must have length less than or equal to 64");
        assertThat(f.call(root(A), "iam", "CreateGroup", Params.of("GroupName", "g".repeat(128))).succeeded()).isTrue();
        assertThat(f.call(root(A), "iam", "CreateGroup", Params.of("GroupName", "g".repeat(129))).error().getMessage())
                .endsWith("less than or equal to 128");
        String trust = trust(A, null);
        assertThat(f.call(root(A), "iam", "CreateRole", Params.of("RoleName", "r".repeat(64),
                "AssumeRolePolicyDocument", trust)).succeeded()).isTrue();
        assertThat(f.call(root(A), "iam", "CreateRole", Params.of("RoleName", "r".repeat(65),
                "AssumeRolePolicyDocument", trust)).error().getMessage()).endsWith("less than or equal to 64");
        String doc = allow("s3:GetObject", "*");
        assertThat(f.call(root(A), "iam", "CreatePolicy", Params.of("PolicyName", "p".repeat(128),
                "PolicyDocument", doc)).succeeded()).isTrue();
        assertThat(f.call(root(A), "iam", "CreatePolicy", Params.of("PolicyName", "q".repeat(129),
                "PolicyDocument", doc)).error().getMessage()).endsWith("less than or equal to 128");
        String path = "/" + "a".repeat(510) + "/";
        assertThat(f.call(root(A), "iam", "CreateUser", Params.of("UserName", "pathed", "Path", path)).succeeded())
                .isTrue();
        CallResult longPath = f.call(root(A), "iam", "CreateUser", Params.of("UserName", "pathed2", "Path",
                "/" + "a".repeat(511) + "/"));
        assertThat(longPath.error().getMessage()).contains("at 'path'").endsWith("less than or equal to 512");
        // Refused before authorization: a caller with no permission at all meets the same error.
        CallResult unauthorized = f.call(nobody, "iam", "GetUser", Params.of("UserName", "u".repeat(129)));
        assertThat(unauthorized.error().code()).isEqualTo("ValidationError");
        assertThat(unauthorized.decision()).isNull();
        assertThat(f.sandbox.account(A).users).doesNotContainKeys("u".repeat(65), "pathed2");
    }

    @Test
    void arnsAreAtMost2048Characters() {
        f.setup(A, "iam", "CreateUser", Params.of("UserName", "alice"));
        String arn = "arn:aws:iam::" + A + ":policy/" + "p".repeat(2048);
        CallResult r = f.call(root(A), "iam", "AttachUserPolicy", Params.of("UserName", "alice", "PolicyArn", arn));
        assertThat(r.error().code()).isEqualTo("ValidationError");
        assertThat(r.error().getMessage()).contains("at 'policyArn'").endsWith("less than or equal to 2048")
                .hasSizeLessThan(300);
        assertThat(f.sandbox.account(A).users.get("alice").attachedPolicyArns).isEmpty();
    }

    @Test
    void policyDocumentsOverTheirQuotaAreLimitExceeded() {
        f.setup(A, "iam", "CreateUser", Params.of("UserName", "alice"));
        // Whitespace is not counted: a managed policy of exactly 6,144 other characters is taken.
        assertThat(f.call(root(A), "iam", "CreatePolicy", Params.of("PolicyName", "Fits",
                "PolicyDocument", sized(6144))).succeeded()).isTrue();
        CallResult managed = f.call(root(A), "iam", "CreatePolicy", Params.of("PolicyName", "TooBig",
                "PolicyDocument", sized(6145)));
        assertThat(managed.error().code()).isEqualTo("LimitExceeded");
        assertThat(managed.error().httpStatus()).isEqualTo(409);
        assertThat(managed.error().getMessage()).isEqualTo("Cannot exceed quota for PolicySize: 6144");

        CallResult inline = f.call(root(A), "iam", "PutUserPolicy", Params.of("UserName", "alice",
                "PolicyName", "big", "PolicyDocument", sized(2049)));
        assertThat(inline.error().code()).isEqualTo("LimitExceeded");
        assertThat(inline.error().getMessage()).isEqualTo("Maximum policy size of 2048 bytes exceeded for user alice");
        assertThat(f.call(root(A), "iam", "PutUserPolicy", Params.of("UserName", "alice",
                "PolicyName", "fits", "PolicyDocument", sized(2048))).succeeded()).isTrue();

        String trust = trust(A, null);
        String bigTrust = trust.replace("\"Statement\"", "\"Id\":\"" + "i".repeat(2100) + "\",\"Statement\"");
        CallResult role = f.call(root(A), "iam", "CreateRole", Params.of("RoleName", "r",
                "AssumeRolePolicyDocument", bigTrust));
        assertThat(role.error().code()).isEqualTo("LimitExceeded");
        assertThat(role.error().getMessage()).isEqualTo("Cannot exceed quota for ACLSizePerRole: 2048");
        assertThat(f.sandbox.account(A).roles).isEmpty();
    }

    @Test
    void bucketPoliciesAreAtMost20Kilobytes() {
        f.call(root(A), "s3", "CreateBucket", Params.of("Bucket", "reports-2026")).orThrow();
        String policy = "{\"Version\":\"2012-10-17\",\"Id\":\"" + "i".repeat(21_000) + "\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + A + "\"},\"Action\":\"s3:GetObject\",\"Resource\":"
                + "\"arn:aws:s3:::reports-2026/*\"}]}";
        CallResult r = f.call(root(A), "s3", "PutBucketPolicy", Params.of("Bucket", "reports-2026", "Policy", policy));
        assertThat(r.error().code()).isEqualTo("PolicyTooLarge");
        assertThat(f.call(root(A), "s3", "GetBucketPolicy", Params.of("Bucket", "reports-2026")).error().code())
                .isEqualTo("NoSuchBucketPolicy");
    }

    private CallResult put(Credentials who, String key) {
        return f.call(who, "s3", "PutObject", Params.of("Bucket", "reports-2026", "Key", key, "Body", "x"));
    }

    /** A valid identity policy of exactly {@code size} characters other than whitespace (padded in its Sid). */
    static String sized(int size) {
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        return base.replace("\"Sid\":\"\"", "\"Sid\":\"" + "S".repeat(size - base.length()) + "\"");
    }

    /** Counts the objects of a bucket. */
    static final class S3Keys {
        static int count(SandboxFixture f, String bucket) {
            return f.call(root(A), "s3", "ListObjectsV2", Params.of("Bucket", bucket)).orThrow().get("KeyCount").asInt();
        }
    }
}
