package org.iamdojo.iam.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iamdojo.iam.account.AccessRequest;
import org.iamdojo.iam.account.AwsException;
import org.iamdojo.iam.account.Json;
import org.iamdojo.iam.account.Operation;
import org.iamdojo.iam.account.OperationContext;
import org.iamdojo.iam.account.Params;
import org.iamdojo.iam.account.PolicyUse;
import org.iamdojo.iam.account.Sandbox;

/**
 * The simulated S3 API: buckets with an owner account and a bucket policy, and objects. Every request is
 * authorized with the bucket policy as the resource-based policy and the bucket owner as the resource account,
 * so cross-account access needs both sides as in AWS.
 * Bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 * Error codes: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
public final class S3Operations {
    static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private S3Operations() {
    }

    /** The S3 state of a sandbox. */
    public static S3State state(Sandbox sandbox) {
        return sandbox.extension(S3State.class, S3State::new);
    }

    /** Registers the S3 operations on a sandbox. */
    public static void registerAll(Sandbox sb) {
        List.of(
                // buckets
                Operation.write("s3", "CreateBucket", S3Operations::createBucketNeed, S3Operations::createBucket),
                Operation.write("s3", "DeleteBucket", (c, p) -> bucketNeed(c, p, "s3:DeleteBucket"),
                        S3Operations::deleteBucket),
                Operation.read("s3", "ListBuckets", S3Operations::listBucketsNeed, S3Operations::listBuckets),
                // bucket policies
                Operation.write("s3", "PutBucketPolicy", (c, p) -> policyNeed(c, p, "s3:PutBucketPolicy"),
                        S3Operations::putBucketPolicy),
                Operation.read("s3", "GetBucketPolicy", (c, p) -> policyNeed(c, p, "s3:GetBucketPolicy"),
                        S3Operations::getBucketPolicy),
                Operation.write("s3", "DeleteBucketPolicy", (c, p) -> policyNeed(c, p, "s3:DeleteBucketPolicy"),
                        S3Operations::deleteBucketPolicy),
                // objects
                Operation.write("s3", "PutObject", (c, p) -> objectNeed(c, p, "s3:PutObject"), S3Operations::putObject),
                Operation.read("s3", "GetObject", S3Operations::getObjectNeed, S3Operations::getObject),
                Operation.write("s3", "DeleteObject", (c, p) -> objectNeed(c, p, "s3:DeleteObject"),
                        S3Operations::deleteObject),
                Operation.read("s3", "ListObjectsV2", S3Operations::listObjectsNeed, S3Operations::listObjectsV2)
        ).forEach(sb::register);
    }

    private static List<AccessRequest> createBucketNeed(OperationContext c, Params p) {
        return List.of(AccessRequest.of("s3:CreateBucket", bucketArn(validName(p)), c.accountId()));
    }

    private static ObjectNode deleteBucket(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        if (!b.objects.isEmpty()) {
            throw new AwsException("BucketNotEmpty", 409, "The bucket you tried to delete is not empty");
        }
        state(c.sandbox()).remove(b.name());
        return c.object();
    }

    /** ListBuckets is authorized as s3:ListAllMyBuckets, on no resource. */
    private static List<AccessRequest> listBucketsNeed(OperationContext c, Params p) {
        return List.of(AccessRequest.withoutResource("s3:ListAllMyBuckets", c.accountId()));
    }

    private static ObjectNode listBuckets(OperationContext c, Params p) {
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("Buckets");
        for (S3State.Bucket b : state(c.sandbox()).buckets()) {
            if (b.ownerAccountId().equals(c.accountId())) {
                ObjectNode e = list.addObject();
                e.put("Name", b.name());
                e.put("CreationDate", b.creationDate().toString());
            }
        }
        out.putObject("Owner").put("ID", c.accountId());
        return out;
    }

    private static ObjectNode putBucketPolicy(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        String policy = p.required("Policy");
        c.sandbox().checkPolicy(policy, PolicyUse.RESOURCE);
        Json.parse(policy);
        b.policy = policy;
        return c.object();
    }

    private static ObjectNode getBucketPolicy(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        if (b.policy == null) {
            throw new AwsException("NoSuchBucketPolicy", 404, "The bucket policy does not exist");
        }
        ObjectNode out = c.object();
        out.put("Policy", b.policy);
        return out;
    }

    private static ObjectNode deleteBucketPolicy(OperationContext c, Params p) {
        bucket(c, p).policy = null;
        return c.object();
    }

    private static ObjectNode putObject(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        String key = p.required("Key");
        String body = p.optional("Body", "");
        S3State.S3Object o = new S3State.S3Object(key, body, eTag(body), c.now(), c.caller().arn());
        b.objects.put(key, o);
        ObjectNode out = c.object();
        out.put("ETag", o.eTag());
        return out;
    }

    private static ObjectNode getObject(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        S3State.S3Object o = b.objects.get(p.required("Key"));
        if (o == null) {
            throw new AwsException("NoSuchKey", 404, "The specified key does not exist.");
        }
        ObjectNode out = c.object();
        out.put("Body", o.body());
        out.put("ETag", o.eTag());
        out.put("ContentLength", o.size());
        out.put("LastModified", o.lastModified().toString());
        return out;
    }

    private static ObjectNode deleteObject(OperationContext c, Params p) {
        // S3 answers 204 whether or not the key existed.
        bucket(c, p).objects.remove(p.required("Key"));
        return c.object();
    }

    /** ListObjectsV2 is authorized as s3:ListBucket with the s3:prefix, s3:delimiter and s3:max-keys keys. */
    private static List<AccessRequest> listObjectsNeed(OperationContext c, Params p) {
        S3State.Bucket b = bucketOrThrow(c, p.required("Bucket"));
        Map<String, List<String>> ctx = new LinkedHashMap<>();
        ctx.put("s3:prefix", List.of(p.optional("Prefix", "")));
        if (p.optional("Delimiter") != null) {
            ctx.put("s3:delimiter", List.of(p.optional("Delimiter")));
        }
        ctx.put("s3:max-keys", List.of(String.valueOf(maxKeys(p))));
        return List.of(new AccessRequest("s3:ListBucket", b.arn(), b.ownerAccountId(), b.policy, ctx));
    }

    private static ObjectNode listObjectsV2(OperationContext c, Params p) {
        S3State.Bucket b = bucket(c, p);
        String prefix = p.optional("Prefix", "");
        int max = maxKeys(p);
        ObjectNode out = c.object();
        out.put("Name", b.name());
        out.put("Prefix", prefix);
        ArrayNode contents = out.putArray("Contents");
        int count = 0;
        boolean truncated = false;
        for (S3State.S3Object o : b.objects.tailMap(prefix, true).values()) {
            if (!o.key().startsWith(prefix)) {
                break;
            }
            if (count == max) {
                truncated = true;
                break;
            }
            ObjectNode e = contents.addObject();
            e.put("Key", o.key());
            e.put("Size", o.size());
            e.put("ETag", o.eTag());
            e.put("LastModified", o.lastModified().toString());
            count++;
        }
        out.put("KeyCount", count);
        out.put("MaxKeys", max);
        out.put("IsTruncated", truncated);
        return out;
    }

    private static ObjectNode createBucket(OperationContext c, Params p) {
        String name = validName(p);
        S3State s3 = state(c.sandbox());
        S3State.Bucket existing = s3.bucket(name);
        if (existing != null) {
            if (existing.ownerAccountId().equals(c.accountId())) {
                throw new AwsException("BucketAlreadyOwnedByYou", 409,
                        "Your previous request to create the named bucket succeeded and you already own it.");
            }
            throw new AwsException("BucketAlreadyExists", 409, "The requested bucket name is not available. "
                    + "The bucket namespace is shared by all users of the system. Please select a different name and try again.");
        }
        s3.put(new S3State.Bucket(name, c.accountId(), c.now()));
        ObjectNode out = c.object();
        out.put("Location", "/" + name);
        return out;
    }

    // Checked before authorization too, so no policy is matched against a name S3 would refuse anyway.
    private static String validName(Params p) {
        String name = p.required("Bucket");
        if (!validBucketName(name)) {
            throw new AwsException("InvalidBucketName", 400, "The specified bucket is not valid.");
        }
        return name;
    }

    /** Whether a name follows S3's general purpose bucket naming rules. */
    public static boolean validBucketName(String name) {
        return BUCKET_NAME.matcher(name).matches() && !name.contains("..") && !IP_LIKE.matcher(name).matches()
                && !name.startsWith("xn--") && !name.startsWith("sthree-") && !name.endsWith("-s3alias")
                && !name.endsWith("--ol-s3");
    }

    private static List<AccessRequest> bucketNeed(OperationContext c, Params p, String action) {
        S3State.Bucket b = bucketOrThrow(c, p.required("Bucket"));
        return List.of(new AccessRequest(action, b.arn(), b.ownerAccountId(), b.policy, Map.of()));
    }

    /**
     * The bucket owner's root user may always get, put and delete the bucket policy, even when the policy denies
     * everyone (only an SCP can stop it): the way back into a locked bucket.
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html and
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html
     */
    private static List<AccessRequest> policyNeed(OperationContext c, Params p, String action) {
        S3State.Bucket b = bucketOrThrow(c, p.required("Bucket"));
        boolean ownerRoot = c.caller().isRoot() && b.ownerAccountId().equals(c.caller().accountId());
        return List.of(new AccessRequest(action, b.arn(), b.ownerAccountId(), ownerRoot ? null : b.policy, Map.of()));
    }

    private static List<AccessRequest> objectNeed(OperationContext c, Params p, String action) {
        S3State.Bucket b = bucketOrThrow(c, p.required("Bucket"));
        String key = p.required("Key");
        return List.of(new AccessRequest(action, b.arn() + "/" + key, b.ownerAccountId(), b.policy, Map.of()));
    }

    /**
     * GetObject needs s3:GetObject; on a key that does not exist it also needs s3:ListBucket on the bucket, since
     * S3 reveals that a key is missing (404 NoSuchKey) only to callers who may list the bucket and answers 403
     * AccessDenied to the others. https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Permissions)
     */
    private static List<AccessRequest> getObjectNeed(OperationContext c, Params p) {
        List<AccessRequest> needs = new ArrayList<>(objectNeed(c, p, "s3:GetObject"));
        S3State.Bucket b = bucket(c, p);
        if (!b.objects.containsKey(p.required("Key"))) {
            needs.add(new AccessRequest("s3:ListBucket", b.arn(), b.ownerAccountId(), b.policy, Map.of()));
        }
        return needs;
    }

    private static S3State.Bucket bucket(OperationContext c, Params p) {
        return bucketOrThrow(c, p.required("Bucket"));
    }

    private static S3State.Bucket bucketOrThrow(OperationContext c, String name) {
        S3State.Bucket b = state(c.sandbox()).bucket(name);
        if (b == null) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        return b;
    }

    private static int maxKeys(Params p) {
        Integer max = p.integer("MaxKeys");
        return max == null ? 1000 : Math.max(0, Math.min(max, 1000));
    }

    /** The bucket ARN. */
    public static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    private static String eTag(String body) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(md5) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
