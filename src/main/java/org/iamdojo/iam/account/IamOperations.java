package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamAccess.on;
import static org.iamdojo.iam.account.IamAccess.onAll;
import static org.iamdojo.iam.account.IamAccess.onNew;
import static org.iamdojo.iam.account.IamAccess.onNewWithBoundary;
import static org.iamdojo.iam.account.IamAccess.withNewBoundary;
import static org.iamdojo.iam.account.IamAccess.withPolicyArn;
import static org.iamdojo.iam.account.IamAccess.withPolicyKeys;
import static org.iamdojo.iam.account.PolicyHolderKind.GROUP;
import static org.iamdojo.iam.account.PolicyHolderKind.ROLE;
import static org.iamdojo.iam.account.PolicyHolderKind.USER;

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
                write("CreateUser", onNewWithBoundary(USER), UserOperations::createUser),
                read("GetUser", IamAccess::onUserOrCaller, UserOperations::getUser),
                read("ListUsers", onAll("user"), UserOperations::listUsers),
                write("UpdateUser", on(USER), UserOperations::updateUser),
                write("DeleteUser", on(USER), UserOperations::deleteUser),
                write("TagUser", on(USER), UserOperations::tagUser),
                write("UntagUser", on(USER), UserOperations::untagUser),
                // groups
                write("CreateGroup", onNew("group", "GroupName"), GroupOperations::createGroup),
                read("GetGroup", on(GROUP), GroupOperations::getGroup),
                read("ListGroups", onAll("group"), GroupOperations::listGroups),
                read("ListGroupsForUser", on(USER), GroupOperations::listGroupsForUser),
                write("DeleteGroup", on(GROUP), GroupOperations::deleteGroup),
                write("AddUserToGroup", on(GROUP), GroupOperations::addUserToGroup),
                write("RemoveUserFromGroup", on(GROUP), GroupOperations::removeUserFromGroup),
                // roles
                write("CreateRole", onNewWithBoundary(ROLE), RoleOperations::createRole),
                read("GetRole", on(ROLE), RoleOperations::getRole),
                read("ListRoles", onAll("role"), RoleOperations::listRoles),
                write("UpdateRole", on(ROLE), RoleOperations::updateRole),
                write("UpdateAssumeRolePolicy", on(ROLE), RoleOperations::updateAssumeRolePolicy),
                write("DeleteRole", on(ROLE), RoleOperations::deleteRole),
                write("TagRole", on(ROLE), RoleOperations::tagRole),
                write("UntagRole", on(ROLE), RoleOperations::untagRole),
                // managed policies and their versions
                write("CreatePolicy", onNew("policy", "PolicyName"), ManagedPolicyOperations::createPolicy),
                read("GetPolicy", IamAccess::onPolicy, ManagedPolicyOperations::getPolicy),
                read("ListPolicies", onAll("policy"), ManagedPolicyOperations::listPolicies),
                write("DeletePolicy", IamAccess::onPolicy, ManagedPolicyOperations::deletePolicy),
                write("CreatePolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::createPolicyVersion),
                read("GetPolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::getPolicyVersion),
                read("ListPolicyVersions", IamAccess::onPolicy, ManagedPolicyOperations::listPolicyVersions),
                write("SetDefaultPolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::setDefaultPolicyVersion),
                write("DeletePolicyVersion", IamAccess::onPolicy, ManagedPolicyOperations::deletePolicyVersion),
                // attached managed policies and permissions boundaries
                write("AttachUserPolicy", withPolicyKeys(USER), AttachedPolicyOperations.attach(USER)),
                write("AttachGroupPolicy", withPolicyKeys(GROUP), AttachedPolicyOperations.attach(GROUP)),
                write("AttachRolePolicy", withPolicyKeys(ROLE), AttachedPolicyOperations.attach(ROLE)),
                write("DetachUserPolicy", withPolicyArn(USER), AttachedPolicyOperations.detach(USER)),
                write("DetachGroupPolicy", withPolicyArn(GROUP), AttachedPolicyOperations.detach(GROUP)),
                write("DetachRolePolicy", withPolicyArn(ROLE), AttachedPolicyOperations.detach(ROLE)),
                read("ListAttachedUserPolicies", on(USER), AttachedPolicyOperations.listAttached(USER)),
                read("ListAttachedGroupPolicies", on(GROUP), AttachedPolicyOperations.listAttached(GROUP)),
                read("ListAttachedRolePolicies", on(ROLE), AttachedPolicyOperations.listAttached(ROLE)),
                write("PutUserPermissionsBoundary", withNewBoundary(USER), AttachedPolicyOperations.putBoundary(USER)),
                write("PutRolePermissionsBoundary", withNewBoundary(ROLE), AttachedPolicyOperations.putBoundary(ROLE)),
                write("DeleteUserPermissionsBoundary", on(USER), AttachedPolicyOperations.deleteBoundary(USER)),
                write("DeleteRolePermissionsBoundary", on(ROLE), AttachedPolicyOperations.deleteBoundary(ROLE)),
                // inline policies
                write("PutUserPolicy", withPolicyKeys(USER), InlinePolicyOperations.put(USER)),
                write("PutGroupPolicy", withPolicyKeys(GROUP), InlinePolicyOperations.put(GROUP)),
                write("PutRolePolicy", withPolicyKeys(ROLE), InlinePolicyOperations.put(ROLE)),
                read("GetUserPolicy", on(USER), InlinePolicyOperations.get(USER)),
                read("GetGroupPolicy", on(GROUP), InlinePolicyOperations.get(GROUP)),
                read("GetRolePolicy", on(ROLE), InlinePolicyOperations.get(ROLE)),
                write("DeleteUserPolicy", on(USER), InlinePolicyOperations.delete(USER)),
                write("DeleteGroupPolicy", on(GROUP), InlinePolicyOperations.delete(GROUP)),
                write("DeleteRolePolicy", on(ROLE), InlinePolicyOperations.delete(ROLE)),
                read("ListUserPolicies", on(USER), InlinePolicyOperations.list(USER)),
                read("ListGroupPolicies", on(GROUP), InlinePolicyOperations.list(GROUP)),
                read("ListRolePolicies", on(ROLE), InlinePolicyOperations.list(ROLE)),
                // access keys
                write("CreateAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::createAccessKey),
                read("ListAccessKeys", IamAccess::onUserOrSelf, AccessKeyOperations::listAccessKeys),
                write("UpdateAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::updateAccessKey),
                write("DeleteAccessKey", IamAccess::onUserOrSelf, AccessKeyOperations::deleteAccessKey),
                read("GetAccessKeyLastUsed", IamAccess::onKeyOwner, AccessKeyOperations::getAccessKeyLastUsed),
                // console passwords
                write("CreateLoginProfile", on(USER), LoginProfileOperations::createLoginProfile),
                write("UpdateLoginProfile", on(USER), LoginProfileOperations::updateLoginProfile),
                read("GetLoginProfile", on(USER), LoginProfileOperations::getLoginProfile),
                write("DeleteLoginProfile", on(USER), LoginProfileOperations::deleteLoginProfile),
                // MFA
                write("CreateVirtualMFADevice", onNew("mfa", "VirtualMFADeviceName"), MfaOperations::createVirtualMfaDevice),
                write("EnableMFADevice", IamAccess::onUserOrSelf, MfaOperations::enableMfaDevice),
                write("DeactivateMFADevice", IamAccess::onUserOrSelf, MfaOperations::deactivateMfaDevice),
                write("DeleteVirtualMFADevice", IamAccess::onMfaDevice, MfaOperations::deleteVirtualMfaDevice),
                read("ListMFADevices", IamAccess::onUserOrSelf, MfaOperations::listMfaDevices),
                // instance profiles
                write("CreateInstanceProfile", onNew("instance-profile", "InstanceProfileName"),
                        InstanceProfileOperations::createInstanceProfile),
                read("GetInstanceProfile", IamAccess::onInstanceProfile, InstanceProfileOperations::getInstanceProfile),
                read("ListInstanceProfiles", onAll("instance-profile"),
                        InstanceProfileOperations::listInstanceProfiles),
                read("ListInstanceProfilesForRole", on(ROLE),
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
