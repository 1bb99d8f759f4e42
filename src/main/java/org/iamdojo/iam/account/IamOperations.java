package org.iamdojo.iam.account;

import java.util.List;

/**
 * The IAM API of the sandbox: every operation under its AWS name, whether it reads or writes, the permission it
 * needs ({@link IamAccess}, always the operation's own action {@code iam:<Name>}) and the method that does it (one
 * class per area). AWS's name rules, quotas ({@link IamQuotas}) and errors are kept.
 * API: https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html
 */
public final class IamOperations {
    private IamOperations() {
    }

    /** Registers every IAM operation on a sandbox (SimulatePrincipalPolicy is {@link PrincipalSimulation}'s). */
    public static void registerAll(Sandbox sandbox) {
        operations().forEach(sandbox::register);
    }

    /** The IAM operations, area by area. */
    static List<Operation> operations() {
        return List.of(
                // users
                write("CreateUser", IamAccess::onNewUser, UserOperations::createUser),
                read("GetUser", IamAccess::onUserOrCaller, UserOperations::getUser),
                read("ListUsers", IamAccess::onAllUsers, UserOperations::listUsers),
                write("UpdateUser", IamAccess::onUser, UserOperations::updateUser),
                write("DeleteUser", IamAccess::onUser, UserOperations::deleteUser),
                write("TagUser", IamAccess::onUser, UserOperations::tagUser),
                write("UntagUser", IamAccess::onUser, UserOperations::untagUser),
                // groups
                write("CreateGroup", IamAccess::onNewGroup, GroupOperations::createGroup),
                read("GetGroup", IamAccess::onGroup, GroupOperations::getGroup),
                read("ListGroups", IamAccess::onAllGroups, GroupOperations::listGroups),
                read("ListGroupsForUser", IamAccess::onUser, GroupOperations::listGroupsForUser),
                write("DeleteGroup", IamAccess::onGroup, GroupOperations::deleteGroup),
                write("AddUserToGroup", IamAccess::onGroup, GroupOperations::addUserToGroup),
                write("RemoveUserFromGroup", IamAccess::onGroup, GroupOperations::removeUserFromGroup),
                // roles
                write("CreateRole", IamAccess::onNewRole, RoleOperations::createRole),
                read("GetRole", IamAccess::onRole, RoleOperations::getRole),
                read("ListRoles", IamAccess::onAllRoles, RoleOperations::listRoles),
                write("UpdateRole", IamAccess::onRole, RoleOperations::updateRole),
                write("UpdateAssumeRolePolicy", IamAccess::onRole, RoleOperations::updateAssumeRolePolicy),
                write("DeleteRole", IamAccess::onRole, RoleOperations::deleteRole),
                write("TagRole", IamAccess::onRole, RoleOperations::tagRole),
                write("UntagRole", IamAccess::onRole, RoleOperations::untagRole),
                // managed policies and their versions
                write("CreatePolicy", IamAccess::onNewPolicy, ManagedPolicyOperations::createPolicy),
                read("GetPolicy", IamAccess::onPolicy, ManagedPolicyOperations::getPolicy),
                read("ListPolicies", IamAccess::onAllPolicies, ManagedPolicyOperations::listPolicies),
                write("DeletePolicy", IamAccess::onPolicy, ManagedPolicyOperations::deletePolicy),
                write("CreatePolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::createPolicyVersion),
                read("GetPolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::getPolicyVersion),
                read("ListPolicyVersions", IamAccess::onPolicy, ManagedPolicyOperations::listPolicyVersions),
                write("SetDefaultPolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::setDefaultPolicyVersion),
                write("DeletePolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::deletePolicyVersion),
                // attached managed policies and permissions boundaries
                write("AttachUserPolicy", IamAccess::onUserWithPolicyKeys, AttachedPolicyOperations::attachUserPolicy),
                write("AttachGroupPolicy", IamAccess::onGroupWithPolicyKeys, AttachedPolicyOperations::attachGroupPolicy),
                write("AttachRolePolicy", IamAccess::onRoleWithPolicyKeys, AttachedPolicyOperations::attachRolePolicy),
                write("DetachUserPolicy", IamAccess::onUserWithPolicyArn, AttachedPolicyOperations::detachUserPolicy),
                write("DetachGroupPolicy", IamAccess::onGroupWithPolicyArn, AttachedPolicyOperations::detachGroupPolicy),
                write("DetachRolePolicy", IamAccess::onRoleWithPolicyArn, AttachedPolicyOperations::detachRolePolicy),
                read("ListAttachedUserPolicies", IamAccess::onUser, AttachedPolicyOperations::listAttachedUserPolicies),
                read("ListAttachedGroupPolicies", IamAccess::onGroup, AttachedPolicyOperations::listAttachedGroupPolicies),
                read("ListAttachedRolePolicies", IamAccess::onRole, AttachedPolicyOperations::listAttachedRolePolicies),
                write("PutUserPermissionsBoundary", IamAccess::onUserWithNewBoundary,
                        AttachedPolicyOperations::putUserPermissionsBoundary),
                write("PutRolePermissionsBoundary", IamAccess::onRoleWithNewBoundary,
                        AttachedPolicyOperations::putRolePermissionsBoundary),
                write("DeleteUserPermissionsBoundary", IamAccess::onUser,
                        AttachedPolicyOperations::deleteUserPermissionsBoundary),
                write("DeleteRolePermissionsBoundary", IamAccess::onRole,
                        AttachedPolicyOperations::deleteRolePermissionsBoundary),
                // inline policies
                write("PutUserPolicy", IamAccess::onUserWithPolicyKeys, InlinePolicyOperations::putUserPolicy),
                write("PutGroupPolicy", IamAccess::onGroupWithPolicyKeys, InlinePolicyOperations::putGroupPolicy),
                write("PutRolePolicy", IamAccess::onRoleWithPolicyKeys, InlinePolicyOperations::putRolePolicy),
                read("GetUserPolicy", IamAccess::onUser, InlinePolicyOperations::getUserPolicy),
                read("GetGroupPolicy", IamAccess::onGroup, InlinePolicyOperations::getGroupPolicy),
                read("GetRolePolicy", IamAccess::onRole, InlinePolicyOperations::getRolePolicy),
                write("DeleteUserPolicy", IamAccess::onUser, InlinePolicyOperations::deleteUserPolicy),
                write("DeleteGroupPolicy", IamAccess::onGroup, InlinePolicyOperations::deleteGroupPolicy),
                write("DeleteRolePolicy", IamAccess::onRole, InlinePolicyOperations::deleteRolePolicy),
                read("ListUserPolicies", IamAccess::onUser, InlinePolicyOperations::listUserPolicies),
                read("ListGroupPolicies", IamAccess::onGroup, InlinePolicyOperations::listGroupPolicies),
                read("ListRolePolicies", IamAccess::onRole, InlinePolicyOperations::listRolePolicies),
                // access keys
                write("CreateAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::createAccessKey),
                read("ListAccessKeys", IamAccess::onUserOrSelf, AccessKeyOperations::listAccessKeys),
                write("UpdateAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::updateAccessKey),
                write("DeleteAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::deleteAccessKey),
                read("GetAccessKeyLastUsed", IamAccess::onKeyOwner, AccessKeyOperations::getAccessKeyLastUsed),
                // console passwords
                write("CreateLoginProfile", IamAccess::onUser, LoginProfileOperations::createLoginProfile),
                write("UpdateLoginProfile", IamAccess::onUser, LoginProfileOperations::updateLoginProfile),
                read("GetLoginProfile", IamAccess::onUser, LoginProfileOperations::getLoginProfile),
                write("DeleteLoginProfile", IamAccess::onUser, LoginProfileOperations::deleteLoginProfile),
                // MFA
                write("CreateVirtualMFADevice", IamAccess::onNewMfaDevice, MfaOperations::createVirtualMfaDevice),
                write("EnableMFADevice", IamAccess::onUserOrSelf, MfaOperations::enableMfaDevice),
                write("DeactivateMFADevice", IamAccess::onUserOrSelf, MfaOperations::deactivateMfaDevice),
                write("DeleteVirtualMFADevice", IamAccess::onMfaDevice, MfaOperations::deleteVirtualMfaDevice),
                read("ListMFADevices", IamAccess::onUserOrSelf, MfaOperations::listMfaDevices),
                // instance profiles
                write("CreateInstanceProfile", IamAccess::onNewInstanceProfile,
                        InstanceProfileOperations::createInstanceProfile),
                read("GetInstanceProfile", IamAccess::onInstanceProfile, InstanceProfileOperations::getInstanceProfile),
                read("ListInstanceProfiles", IamAccess::onAllInstanceProfiles,
                        InstanceProfileOperations::listInstanceProfiles),
                read("ListInstanceProfilesForRole", IamAccess::onRole,
                        InstanceProfileOperations::listInstanceProfilesForRole),
                write("AddRoleToInstanceProfile", IamAccess::onInstanceProfilePassingRole,
                        InstanceProfileOperations::addRoleToInstanceProfile),
                write("RemoveRoleFromInstanceProfile", IamAccess::onInstanceProfile,
                        InstanceProfileOperations::removeRoleFromInstanceProfile),
                write("DeleteInstanceProfile", IamAccess::onInstanceProfile,
                        InstanceProfileOperations::deleteInstanceProfile),
                // account settings
                write("CreateAccountAlias", IamAccess::onAccount, AccountSettingsOperations::createAccountAlias),
                write("DeleteAccountAlias", IamAccess::onAccount, AccountSettingsOperations::deleteAccountAlias),
                read("ListAccountAliases", IamAccess::onAccount, AccountSettingsOperations::listAccountAliases),
                write("UpdateAccountPasswordPolicy", IamAccess::onAccount,
                        AccountSettingsOperations::updateAccountPasswordPolicy),
                read("GetAccountPasswordPolicy", IamAccess::onAccount,
                        AccountSettingsOperations::getAccountPasswordPolicy),
                write("DeleteAccountPasswordPolicy", IamAccess::onAccount,
                        AccountSettingsOperations::deleteAccountPasswordPolicy),
                read("GetAccountSummary", IamAccess::onAccount, AccountSettingsOperations::getAccountSummary),
                read("GetAccountAuthorizationDetails", IamAccess::onAccount,
                        AuthorizationDetails::getAccountAuthorizationDetails));
    }

    /** An IAM operation that only reads, authorized as its own action iam:{@code name}. */
    static Operation read(String name, IamAccess.Rule access, Operation.Action execute) {
        String action = "iam:" + name;
        return Operation.read("iam", name, (c, p) -> access.needs(c, p, action), execute);
    }

    /** An IAM operation that changes state, authorized as its own action iam:{@code name}. */
    static Operation write(String name, IamAccess.Rule access, Operation.Action execute) {
        String action = "iam:" + name;
        return Operation.write("iam", name, (c, p) -> access.needs(c, p, action), execute);
    }
}
