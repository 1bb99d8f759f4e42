package org.iamdojo.iam.account;

import java.util.Locale;
import java.util.regex.Pattern;
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

    /** The name, path, unique ID and ARN of an entity being created. */
    record NewEntity(String name, String path, String id, String arn) {
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

    /** The name of an entity being created, from its name parameter and checked against IAM's pattern for it. */
    String newName(Params p) {
        Pattern rule = switch (this) {
            case USER -> IamInput.USER_NAME;
            case GROUP -> IamInput.GROUP_NAME;
            case ROLE -> IamInput.ROLE_NAME;
        };
        return IamInput.name(p, nameParameter, rule);
    }

    /** Throws EntityAlreadyExists, in AWS's words, when the account already has an entity of this kind called name. */
    void checkFree(SandboxAccount account, String name) {
        if (find(account, name) != null) {
            throw AwsException.alreadyExists(word + " with name " + name + " already exists.");
        }
    }

    /**
     * A new entity's unique ID ("unique identifiers" page: AIDA for users, AGPA for groups, AROA for roles):
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
     */
    String newId(OperationContext c) {
        String prefix = switch (this) {
            case USER -> "AIDA";
            case GROUP -> "AGPA";
            case ROLE -> "AROA";
        };
        return c.ids().uniqueId(prefix, 21);
    }

    /**
     * The request's name and path for a new entity of this kind, checked in CreateUser's and CreateGroup's order
     * (name, path, then that the name is free), with its new unique ID and ARN.
     */
    NewEntity newEntity(OperationContext c, Params p) {
        String name = newName(p);
        String path = IamInput.path(p);
        SandboxAccount a = c.account();
        checkFree(a, name);
        return new NewEntity(name, path, newId(c), a.iamArn(arnType(), path, name));
    }
}
