package org.iamdojo.iam.cloud;

import java.time.Instant;

/**
 * What the instance metadata service returns at iam/security-credentials/ROLE: temporary credentials of the
 * instance profile's role, in IMDS's field names.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html#instance-metadata-security-credentials
 */
public record InstanceCredentials(String roleName, String accessKeyId, String secretAccessKey, String token,
                                  Instant lastUpdated, Instant expiration) {

    /** IMDS's "Code" field. */
    public String code() {
        return "Success";
    }

    /** IMDS's "Type" field. */
    public String type() {
        return "AWS-HMAC";
    }
}
