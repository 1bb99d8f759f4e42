package org.iamdojo.ui.console;

import org.jspecify.annotations.Nullable;

/**
 * Users, groups and roles as the permissions panel works on them, with every AWS operation name spelled out (so a
 * search for AttachRolePolicy finds the console's call). Groups have no permissions boundary.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 */
enum IdentityKind {
    USER("User", "GetUser", "DeleteUser", "ListAttachedUserPolicies", "AttachUserPolicy", "DetachUserPolicy", "ListUserPolicies",
            "GetUserPolicy", "PutUserPolicy", "DeleteUserPolicy", "PutUserPermissionsBoundary",
            "DeleteUserPermissionsBoundary"),
    GROUP("Group", "GetGroup", "DeleteGroup", "ListAttachedGroupPolicies", "AttachGroupPolicy", "DetachGroupPolicy", "ListGroupPolicies",
            "GetGroupPolicy", "PutGroupPolicy", "DeleteGroupPolicy", null, null),
    ROLE("Role", "GetRole", "DeleteRole", "ListAttachedRolePolicies", "AttachRolePolicy", "DetachRolePolicy", "ListRolePolicies",
            "GetRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    /** The word in parameter and response names: UserName, the "User" object of GetUser. */
    final String word;
    final String get;
    final String delete;
    final String listAttached;
    final String attach;
    final String detach;
    final String listInline;
    final String getInline;
    final String putInline;
    final String deleteInline;
    private final @Nullable String putBoundary;
    private final @Nullable String deleteBoundary;

    IdentityKind(String word, String get, String delete, String listAttached, String attach, String detach, String listInline, String getInline,
                 String putInline, String deleteInline, @Nullable String putBoundary, @Nullable String deleteBoundary) {
        this.word = word;
        this.get = get;
        this.delete = delete;
        this.listAttached = listAttached;
        this.attach = attach;
        this.detach = detach;
        this.listInline = listInline;
        this.getInline = getInline;
        this.putInline = putInline;
        this.deleteInline = deleteInline;
        this.putBoundary = putBoundary;
        this.deleteBoundary = deleteBoundary;
    }

    /** Put{User,Role}PermissionsBoundary; groups have none. */
    String putBoundary() {
        return boundaryOperation(putBoundary);
    }

    /** Delete{User,Role}PermissionsBoundary; groups have none. */
    String deleteBoundary() {
        return boundaryOperation(deleteBoundary);
    }

    private String boundaryOperation(@Nullable String operation) {
        if (operation == null) {
            throw new IllegalStateException(word + "s have no permissions boundary");
        }
        return operation;
    }

    /** The name parameter of this kind's operations (UserName, GroupName, RoleName). */
    String nameParameter() {
        return word + "Name";
    }
}
