package org.iamdojo.iam.account;

/** Where a policy document is being put: decides which checks and size quota apply. */
public enum PolicyUse {
    USER_INLINE, GROUP_INLINE, ROLE_INLINE, MANAGED, TRUST, RESOURCE,
    /** An AWS Organizations service control policy. */
    SERVICE_CONTROL,
    /** An AWS Organizations resource control policy. */
    RESOURCE_CONTROL
}
