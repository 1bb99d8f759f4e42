package org.iamdojo.iam.policy.validation;

/** What kind of policy a document is, which decides the elements it must and must not have. */
public enum PolicyType {
    /** Attached to a user, group or role (managed or inline); no Principal. */
    IDENTITY_POLICY,
    /** Attached to a resource, e.g. an S3 bucket policy; needs a Principal. */
    RESOURCE_POLICY,
    /** An AWS Organizations service control policy; no Principal. */
    SERVICE_CONTROL_POLICY,
    /** An AWS Organizations resource control policy; needs a Principal. */
    RESOURCE_CONTROL_POLICY,
    /** A role's trust policy (AssumeRolePolicyDocument); needs a Principal, no Resource. */
    TRUST_POLICY
}
