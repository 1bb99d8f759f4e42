package org.iamdojo.iam.account;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Users, groups and roles where IAM treats them alike: attached and inline policies, and their names in the API. */
enum PolicyHolderKind {
    USER("User", "UserName", PolicyUse.USER_INLINE, IamQuotas.USER_INLINE_TOTAL),
    GROUP("Group", "GroupName", PolicyUse.GROUP_INLINE, IamQuotas.GROUP_INLINE_TOTAL),
    ROLE("Role", "RoleName", PolicyUse.ROLE_INLINE, IamQuotas.ROLE_INLINE_TOTAL);

    private final String word;
    private final String nameParameter;
    private final PolicyUse inlineUse;
    private final int inlineTotal;

    PolicyHolderKind(String word, String nameParameter, PolicyUse inlineUse, int inlineTotal) {
        this.word = word;
        this.nameParameter = nameParameter;
        this.inlineUse = inlineUse;
        this.inlineTotal = inlineTotal;
    }

    /** The word AWS uses in messages and quota names: User, Group, Role. */
    String word() { return word; }

    /** The resource type in the entity's ARN ({@code arn:aws:iam::123456789012:user/...}): user, group, role. */
    String arnType() { return word.toLowerCase(Locale.ROOT); }

    /** The entity of this kind with that name in the account, or null. */
    @Nullable PolicyHolder find(SandboxAccount account, String name) {
        return switch (this) {
            case USER -> account.user(name);
            case GROUP -> account.group(name);
            case ROLE -> account.role(name);
        };
    }

    /** The request parameter (and response field) naming the entity: UserName, GroupName, RoleName. */
    String nameParameter() { return nameParameter; }

    /** How an inline policy of this kind is validated. */
    PolicyUse inlineUse() { return inlineUse; }

    /** The quota on the total size of the inline policies of one entity, in non-whitespace characters. */
    int inlineTotal() { return inlineTotal; }
}
