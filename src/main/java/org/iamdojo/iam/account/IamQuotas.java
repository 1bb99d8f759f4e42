package org.iamdojo.iam.account;

/**
 * The IAM quotas the sandbox enforces, as AWS documents them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
final class IamQuotas {
    static final int GROUPS_PER_USER = 10;
    static final int MANAGED_POLICIES_PER_ENTITY = 10;
    static final int ACCESS_KEYS_PER_USER = 2;
    static final int VERSIONS_PER_POLICY = 5;
    static final int USER_INLINE_TOTAL = 2048;
    static final int GROUP_INLINE_TOTAL = 5120;
    static final int ROLE_INLINE_TOTAL = 10240;
    static final int TAGS_PER_ENTITY = 50;

    private IamQuotas() {
    }
}
