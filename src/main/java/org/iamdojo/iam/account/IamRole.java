package org.iamdojo.iam.account;

import java.time.Instant;

/** An IAM role: an identity without long-term credentials, assumed through its trust policy. */
public final class IamRole extends PolicyHolder {
    String trustPolicy;
    String description;
    int maxSessionDurationSeconds = 3600;
    String permissionsBoundaryArn;

    IamRole(String name, String path, String id, String arn, Instant createDate, String trustPolicy) {
        super(name, path, id, arn, createDate);
        this.trustPolicy = trustPolicy;
    }

    /** The trust policy (AssumeRolePolicyDocument) JSON. */
    public String trustPolicy() { return trustPolicy; }

    /** The description, or null. */
    public String description() { return description; }

    /** The maximum session duration, 3,600 to 43,200 seconds. */
    public int maxSessionDurationSeconds() { return maxSessionDurationSeconds; }

    /** The permissions boundary policy ARN, or null. */
    public String permissionsBoundaryArn() { return permissionsBoundaryArn; }
}
