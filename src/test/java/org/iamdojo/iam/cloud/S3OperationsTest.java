package org.iamdojo.iam.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iamdojo.iam.SandboxFixture.allow;
import static org.iamdojo.iam.SandboxFixture.root;

import org.iamdojo.iam.SandboxFixture;
import org.iamdojo.iam.account.CallResult;
import org.iamdojo.iam.account.Credentials;
import org.iamdojo.iam.account.Params;
import org.junit.jupiter.api.Test;

/**
 * Simulated S3 with bucket policies through the real engine.
 * Cross-account: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * Errors: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
class S3OperationsTest {
    static final String A = "111122223333";
    static final String B = "444455556666";
    final SandboxFixture f = new SandboxFixture().account(A).account(B);

    @Test
    void bucketAndObjectLifecycle() {
        Credentials alice = f.user(A, "alice", allow("s3:*", "*"));
        assertThat(f.call(alice, "s3", "CreateBucket", Params.of("Bucket", "reports-2026")).succeeded()).isTrue();
        f.call(alice, "s3", "PutObject", Params.of("Bucket", "reports-2026", "Key", "q1/summary.txt", "Body", "ok")).orThrow();
        f.call(alice, "s3", "PutObject", Params.of("Bucket", "reports-2026", "Key", "q2/summary.txt", "Body", "ok")).orThrow();
        assertThat(f.call(alice, "s3", "GetObject", Params.of("Bucket", "reports-2026", "Key", "q1/summary.txt"))
                .orThrow().get("Body").asText()).isEqualTo("ok");
        assertThat(f.call(alice, "s3", "ListObjectsV2", Params.of("Bucket", "reports-2026", "Prefix", "q1/"))
                .orThrow().get("KeyCount").asInt()).isEqualTo(1);
        assertThat(f.call(alice, "s3", "ListBuckets", Params.of()).orThrow().get("Buckets")).hasSize(1);
        assertThat(f.call(alice, "s3", "DeleteBucket", Params.of("Bucket", "reports-2026")).error().code())
                .isEqualTo("BucketNotEmpty");
        f.call(alice, "s3", "DeleteObject", Params.of("Bucket", "reports-2026", "Key", "q1/summary.txt")).orThrow();
        f.call(alice, "s3", "DeleteObject", Params.of("Bucket", "reports-2026", "Key", "q2/summary.txt")).orThrow();
        assertThat(f.call(alice, "s3", "DeleteBucket", Params.of("Bucket", "reports-2026")).succeeded()).isTrue();
        assertThat(f.call(alice, "s3", "GetObject", Params.of("Bucket", "reports-2026", "Key", "x")).error().code())
                .isEqualTo("NoSuchBucket");
    }

    @Test
    void namesAreGlobalAndFollowTheRules() {
        Credentials a = f.user(A, "alice", allow("s3:*", "*"));
        Credentials b = f.user(B, "bob", allow("s3:*", "*"));
        f.call(a, "s3", "CreateBucket", Params.of("Bucket", "shared-name")).orThrow();
        assertThat(f.call(b, "s3", "CreateBucket", Params.of("Bucket", "shared-name")).error().code())
                .isEqualTo("BucketAlreadyExists");
        assertThat(f.call(a, "s3", "CreateBucket", Params.of("Bucket", "shared-name")).error().code())
                .isEqualTo("BucketAlreadyOwnedByYou");
        for (String bad : new String[] {"Upper", "ab", "192.168.1.1", "a..b", "-start", "xn--abc", "x-s3alias"}) {
            assertThat(f.call(a, "s3", "CreateBucket", Params.of("Bucket", bad)).error().code()).as(bad)
                    .isEqualTo("InvalidBucketName");
        }
        assertThat(f.call(b, "s3", "ListBuckets", Params.of()).orThrow().get("Buckets")).isEmpty();
    }

    @Test
    void withoutPermissionAccessDeniedAndMissingKeyIsNoSuchKey() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        Credentials nobody = f.user(A, "nobody");
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "data-bucket")).orThrow();
        CallResult denied = f.call(nobody, "s3", "PutObject", Params.of("Bucket", "data-bucket", "Key", "k", "Body", "x"));
        assertThat(denied.error().code()).isEqualTo("AccessDenied");
        assertThat(denied.error().getMessage()).contains("s3:PutObject on resource: arn:aws:s3:::data-bucket/k");
        assertThat(f.call(admin, "s3", "GetObject", Params.of("Bucket", "data-bucket", "Key", "none")).error().code())
                .isEqualTo("NoSuchKey");
    }

    @Test
    void aMissingKeyIsNoSuchKeyOnlyForCallersAllowedToListTheBucket() {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Permissions): "If the object that you
        // request doesn't exist, the error that Amazon S3 returns depends on whether you also have the
        // s3:ListBucket permission": 404 NoSuchKey with it, 403 AccessDenied without it.
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "data-bucket")).orThrow();
        f.call(admin, "s3", "PutObject", Params.of("Bucket", "data-bucket", "Key", "there", "Body", "x")).orThrow();
        Credentials reader = f.user(A, "reader", allow("s3:GetObject", "arn:aws:s3:::data-bucket/*"));
        assertThat(f.call(reader, "s3", "GetObject", Params.of("Bucket", "data-bucket", "Key", "there")).succeeded())
                .isTrue();
        CallResult hidden = f.call(reader, "s3", "GetObject", Params.of("Bucket", "data-bucket", "Key", "none"));
        assertThat(hidden.error().code()).isEqualTo("AccessDenied");
        assertThat(hidden.error().httpStatus()).isEqualTo(403);
        assertThat(hidden.error().getMessage()).contains("s3:ListBucket on resource: arn:aws:s3:::data-bucket");
        assertThat(hidden.event().eventName()).isEqualTo("GetObject");

        Credentials lister = f.user(A, "lister", allow("s3:GetObject", "arn:aws:s3:::data-bucket/*"),
                allow("s3:ListBucket", "arn:aws:s3:::data-bucket"));
        CallResult missing = f.call(lister, "s3", "GetObject", Params.of("Bucket", "data-bucket", "Key", "none"));
        assertThat(missing.error().code()).isEqualTo("NoSuchKey");
        assertThat(missing.error().httpStatus()).isEqualTo(404);
        // Without s3:GetObject the answer is AccessDenied for GetObject, whether or not the key exists.
        Credentials listOnly = f.user(A, "listonly", allow("s3:ListBucket", "arn:aws:s3:::data-bucket"));
        assertThat(f.call(listOnly, "s3", "GetObject", Params.of("Bucket", "data-bucket", "Key", "none")).error()
                .getMessage()).contains("s3:GetObject on resource: arn:aws:s3:::data-bucket/none");
    }

    @Test
    void aMissingKeyAcrossAccountsNeedsListBucketFromTheBucketPolicyToo() {
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Permissions)
        Credentials owner = f.user(A, "owner", SandboxFixture.ADMIN);
        f.call(owner, "s3", "CreateBucket", Params.of("Bucket", "partner-data")).orThrow();
        Credentials partner = f.user(B, "partner", allow("s3:*", "*"));
        String getOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + B + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::partner-data/*\"}]}";
        f.call(owner, "s3", "PutBucketPolicy", Params.of("Bucket", "partner-data", "Policy", getOnly)).orThrow();
        assertThat(f.call(partner, "s3", "GetObject", Params.of("Bucket", "partner-data", "Key", "none")).error()
                .code()).isEqualTo("AccessDenied");
        String getAndList = getOnly.replace("]}", ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + B
                + "\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::partner-data\"}]}");
        f.call(owner, "s3", "PutBucketPolicy", Params.of("Bucket", "partner-data", "Policy", getAndList)).orThrow();
        assertThat(f.call(partner, "s3", "GetObject", Params.of("Bucket", "partner-data", "Key", "none")).error()
                .code()).isEqualTo("NoSuchKey");
    }

    @Test
    void listBucketHonoursThePrefixCondition() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "homes")).orThrow();
        String onlyHome = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::homes\",\"Condition\":{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}}]}";
        Credentials carol = f.user(A, "carol", onlyHome);
        assertThat(f.call(carol, "s3", "ListObjectsV2", Params.of("Bucket", "homes", "Prefix", "home/carol/")).succeeded())
                .isTrue();
        assertThat(f.call(carol, "s3", "ListObjectsV2", Params.of("Bucket", "homes", "Prefix", "home/dave/")).succeeded())
                .isFalse();
        assertThat(f.call(carol, "s3", "ListObjectsV2", Params.of("Bucket", "homes")).succeeded()).isFalse();
    }

    @Test
    void crossAccountNeedsBothTheBucketPolicyAndTheCallersPolicy() {
        Credentials owner = f.user(A, "owner", SandboxFixture.ADMIN);
        f.call(owner, "s3", "CreateBucket", Params.of("Bucket", "partner-drop")).orThrow();
        Credentials bWith = f.user(B, "writer", allow("s3:PutObject", "arn:aws:s3:::partner-drop/*"));
        Credentials bWithout = f.user(B, "other");
        // Only the caller's side: denied.
        assertThat(f.call(bWith, "s3", "PutObject", Params.of("Bucket", "partner-drop", "Key", "a", "Body", "1"))
                .error().code()).isEqualTo("AccessDenied");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + B + ":root\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::partner-drop/*\"}]}";
        f.call(owner, "s3", "PutBucketPolicy", Params.of("Bucket", "partner-drop", "Policy", policy)).orThrow();
        // Both sides: allowed; only the bucket side: denied.
        assertThat(f.call(bWith, "s3", "PutObject", Params.of("Bucket", "partner-drop", "Key", "a", "Body", "1"))
                .succeeded()).isTrue();
        assertThat(f.call(bWithout, "s3", "PutObject", Params.of("Bucket", "partner-drop", "Key", "b", "Body", "1"))
                .error().code()).isEqualTo("AccessDenied");
        // The bucket owner's trail sees the cross-account write.
        assertThat(f.sandbox.trail().events(A)).anyMatch(e -> e.eventName().equals("PutObject") && e.accountId().equals(B));
        assertThat(f.call(owner, "s3", "GetBucketPolicy", Params.of("Bucket", "partner-drop")).orThrow().get("Policy")
                .asText()).isEqualTo(policy);
    }

    @Test
    void onlyTheOwnersRootCanRemoveAPolicyThatDeniesEveryone() {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "locked")).orThrow();
        String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::locked\",\"arn:aws:s3:::locked/*\"]}]}";
        f.call(admin, "s3", "PutBucketPolicy", Params.of("Bucket", "locked", "Policy", denyAll)).orThrow();
        assertThat(f.call(admin, "s3", "DeleteBucketPolicy", Params.of("Bucket", "locked")).error().getMessage())
                .contains("explicit deny in a resource-based policy");
        assertThat(f.call(root(A), "s3", "PutObject", Params.of("Bucket", "locked", "Key", "k")).succeeded()).isFalse();
        assertThat(f.call(root(B), "s3", "DeleteBucketPolicy", Params.of("Bucket", "locked")).succeeded()).isFalse();
        assertThat(f.call(root(A), "s3", "GetBucketPolicy", Params.of("Bucket", "locked")).succeeded()).isTrue();
        assertThat(f.call(root(A), "s3", "DeleteBucketPolicy", Params.of("Bucket", "locked")).succeeded()).isTrue();
        assertThat(f.call(admin, "s3", "PutObject", Params.of("Bucket", "locked", "Key", "k")).succeeded()).isTrue();
    }

    @Test
    void malformedBucketPolicyIsRejectedAndMissingPolicyReported() {
        Credentials admin = f.user(A, "admin", SandboxFixture.ADMIN);
        f.call(admin, "s3", "CreateBucket", Params.of("Bucket", "plain")).orThrow();
        assertThat(f.call(admin, "s3", "PutBucketPolicy", Params.of("Bucket", "plain", "Policy", "{\"Statement\":")).error()
                .code()).isEqualTo("MalformedPolicyDocument");
        assertThat(f.call(admin, "s3", "GetBucketPolicy", Params.of("Bucket", "plain")).error().code())
                .isEqualTo("NoSuchBucketPolicy");
    }
}
