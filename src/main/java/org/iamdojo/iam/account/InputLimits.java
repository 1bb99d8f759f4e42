package org.iamdojo.iam.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AWS's length limits on request parameters, checked before a call is authorized, so an oversized value is refused
 * with AWS's error before any policy is matched against it (and never costs more than a legal one).
 * <ul>
 *   <li>IAM: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (names, paths, policy
 *       sizes) and the parameter types of the IAM API reference, e.g.
 *       https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html (PolicyArn 20–2048),
 *       https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html (PolicyDocument up to 131,072,
 *       Description up to 1,000).</li>
 *   <li>STS: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleArn 20–2048).</li>
 *   <li>S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html (a key is at most 1,024 bytes of
 *       UTF-8) and https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (KeyTooLongError).</li>
 * </ul>
 */
public final class InputLimits {
    /** Longest ARN any AWS API takes (IAM's arnType). */
    public static final int MAX_ARN = 2048;
    /** Longest S3 object key, in bytes of UTF-8. */
    public static final int MAX_S3_KEY_BYTES = 1024;
    /** Longest policy document text the IAM API takes (policyDocumentType), before size quotas apply. */
    public static final int MAX_POLICY_TEXT = 131_072;
    /** Largest S3 bucket policy: https://docs.aws.amazon.com/AmazonS3/latest/userguide/add-bucket-policy.html */
    public static final int MAX_BUCKET_POLICY_BYTES = 20 * 1024;
    /** Characters (whitespace not counted) of one customer managed policy. */
    public static final int MANAGED_POLICY_SIZE = 6144;
    /** Characters (whitespace not counted) of a role trust policy, the default quota. */
    public static final int TRUST_POLICY_SIZE = 2048;
    /** How much of a refused value an error message repeats. */
    private static final int ECHO = 64;

    /** IAM's and STS's length limits by parameter name (the API reference's Length Constraints). */
    private static final Map<String, Integer> IAM = Map.ofEntries(
            Map.entry("UserName", 128), Map.entry("NewUserName", 64),
            Map.entry("GroupName", 128), Map.entry("NewGroupName", 128),
            Map.entry("RoleName", 64), Map.entry("PolicyName", 128), Map.entry("InstanceProfileName", 128),
            Map.entry("Path", 512), Map.entry("NewPath", 512), Map.entry("PathPrefix", 512),
            Map.entry("PolicyArn", MAX_ARN), Map.entry("PermissionsBoundary", MAX_ARN),
            Map.entry("PolicySourceArn", MAX_ARN), Map.entry("RoleArn", MAX_ARN),
            Map.entry("SerialNumber", 256), Map.entry("VirtualMFADeviceName", 226),
            Map.entry("PolicyDocument", MAX_POLICY_TEXT), Map.entry("AssumeRolePolicyDocument", MAX_POLICY_TEXT),
            Map.entry("Description", 1000), Map.entry("AccountAlias", 63), Map.entry("VersionId", 128),
            Map.entry("RoleSessionName", 64), Map.entry("ExternalId", 1224), Map.entry("SourceIdentity", 64),
            Map.entry("AccessKeyId", 128), Map.entry("TokenCode", 6),
            Map.entry("AuthenticationCode1", 6), Map.entry("AuthenticationCode2", 6),
            Map.entry("Password", 128), Map.entry("OldPassword", 128), Map.entry("NewPassword", 128));
    /** List parameters whose every member has a limit. */
    private static final Map<String, Integer> IAM_LISTS = Map.of(
            "ResourceArns", MAX_ARN, "PolicyInputList", MAX_POLICY_TEXT, "ActionNames", 128, "TagKeys", 128);

    private InputLimits() {
    }

    /** Refuses the first parameter of a call that is longer than AWS takes, with AWS's error for that service. */
    public static void check(String service, Params params) {
        if ("s3".equals(service)) {
            s3(params);
            return;
        }
        if (!"iam".equals(service) && !"sts".equals(service)) {
            return;
        }
        params.json().properties().forEach(e -> {
            JsonNode value = e.getValue();
            Integer max = IAM.get(e.getKey());
            if (max != null && value.isValueNode()) {
                length(e.getKey(), value.asText(), max);
            }
            Integer member = IAM_LISTS.get(e.getKey());
            if (member != null && value.isArray()) {
                int i = 1;
                for (JsonNode item : value) {
                    length(e.getKey() + "." + i++ + ".member", item.asText(), member);
                }
            }
            if (e.getKey().equals("Tags") && value.isArray()) {
                int i = 1;
                for (JsonNode tag : value) {
                    length("tags." + i + ".member.key", tag.path("Key").asText(), 128);
                    length("tags." + i++ + ".member.value", tag.path("Value").asText(), 256);
                }
            }
        });
    }

    private static void s3(Params params) {
        for (String name : new String[] {"Key", "Prefix"}) {
            String value = params.optional(name);
            if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_S3_KEY_BYTES) {
                // A prefix longer than the longest key can select nothing; S3 answers it as a key too long.
                throw new AwsException("KeyTooLongError", 400, "Your key is too long");
            }
        }
        String policy = params.optional("Policy");
        if (policy != null && policy.getBytes(StandardCharsets.UTF_8).length > MAX_BUCKET_POLICY_BYTES) {
            // S3's documentation gives the 20 KB limit, not the error; this is the answer S3-compatible servers give.
            throw new AwsException("PolicyTooLarge", 400, "Policy exceeds the maximum allowed document size.");
        }
    }

    /** A ValidationError in AWS's words when {@code value} is longer than {@code max} characters. */
    public static void length(String parameter, String value, int max) {
        if (value.length() > max) {
            throw AwsException.validation("1 validation error detected: Value '" + echo(value) + "' at '"
                    + Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1)
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    /** Refuses a resource ARN that no AWS API would take; the last line before a policy is matched against it. */
    public static void resourceArn(String arn) {
        if (arn != null && arn.length() > MAX_ARN) {
            length("resourceArn", arn, MAX_ARN);
        }
    }

    /** The size IAM's policy quotas measure: characters other than whitespace. */
    public static int nonWhitespace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    // AWS repeats the whole value; a learner's megabyte is cut so the message and its CloudTrail event stay small.
    private static String echo(String value) {
        return value.length() <= ECHO ? value : value.substring(0, ECHO) + "…";
    }
}
