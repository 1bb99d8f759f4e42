package org.iamdojo.iam.policy.validation;

/**
 * IAM's size quotas for policy documents, in characters with whitespace not counted.
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
public enum PolicyQuota {
    /** Inline policies of one user, together. */
    USER_INLINE(2_048),
    /** Inline policies of one group, together. */
    GROUP_INLINE(5_120),
    /** Inline policies of one role, together. */
    ROLE_INLINE(10_240),
    /** One customer managed policy. */
    MANAGED(6_144),
    /** A role trust policy (default quota). */
    ROLE_TRUST_POLICY(2_048);

    private final int maxCharacters;

    PolicyQuota(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** The maximum number of non-whitespace characters. */
    public int maxCharacters() {
        return maxCharacters;
    }
}
