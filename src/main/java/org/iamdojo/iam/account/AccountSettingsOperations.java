package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamQuotas.ACCESS_KEYS_PER_USER;
import static org.iamdojo.iam.account.IamQuotas.GROUPS_PER_USER;
import static org.iamdojo.iam.account.IamQuotas.MANAGED_POLICIES_PER_ENTITY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Settings of the account as a whole: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases,
 * UpdateAccountPasswordPolicy, GetAccountPasswordPolicy, DeleteAccountPasswordPolicy, GetAccountSummary.
 */
final class AccountSettingsOperations {
    private AccountSettingsOperations() {
    }

    static ObjectNode createAccountAlias(OperationContext c, Params p) {
        String alias = p.required("AccountAlias");
        if (!alias.matches("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$")) {
            throw AwsException.validation("The specified value for accountAlias is invalid. It must contain only lowercase letters, digits and hyphens, 3 to 63 characters.");
        }
        for (SandboxAccount other : c.sandbox().accounts()) {
            if (other != c.account() && alias.equals(other.alias)) {
                throw AwsException.alreadyExists("The account alias " + alias + " already exists.");
            }
        }
        c.account().alias = alias;
        return c.object();
    }

    static ObjectNode deleteAccountAlias(OperationContext c, Params p) {
        String alias = p.required("AccountAlias");
        if (!alias.equals(c.account().alias)) {
            throw AwsException.noSuchEntity("The account alias " + alias + " cannot be found.");
        }
        c.account().alias = null;
        return c.object();
    }

    static ObjectNode listAccountAliases(OperationContext c, Params p) {
        ObjectNode out = c.object();
        ArrayNode list = out.putArray("AccountAliases");
        if (c.account().alias != null) {
            list.add(c.account().alias);
        }
        out.put("IsTruncated", false);
        return out;
    }

    static ObjectNode updateAccountPasswordPolicy(OperationContext c, Params p) {
        Integer min = p.integer("MinimumPasswordLength");
        if (min != null && (min < 6 || min > 128)) {
            throw AwsException.validation("MinimumPasswordLength must be between 6 and 128");
        }
        c.account().passwordPolicy = new PasswordPolicy(min == null ? 8 : min,
                p.bool("RequireSymbols", false), p.bool("RequireNumbers", false),
                p.bool("RequireUppercaseCharacters", false), p.bool("RequireLowercaseCharacters", false),
                p.bool("AllowUsersToChangePassword", false), p.integer("MaxPasswordAge"),
                p.integer("PasswordReusePrevention"), p.bool("HardExpiry", false));
        return c.object();
    }

    static ObjectNode getAccountPasswordPolicy(OperationContext c, Params p) {
        PasswordPolicy pp = c.account().passwordPolicy;
        if (pp == null) {
            throw AwsException.noSuchEntity("The Password Policy with domain name " + c.accountId() + " cannot be found.");
        }
        ObjectNode out = c.object();
        ObjectNode j = out.putObject("PasswordPolicy");
        j.put("MinimumPasswordLength", pp.minimumPasswordLength());
        j.put("RequireSymbols", pp.requireSymbols());
        j.put("RequireNumbers", pp.requireNumbers());
        j.put("RequireUppercaseCharacters", pp.requireUppercaseCharacters());
        j.put("RequireLowercaseCharacters", pp.requireLowercaseCharacters());
        j.put("AllowUsersToChangePassword", pp.allowUsersToChangePassword());
        j.put("ExpirePasswords", pp.maxPasswordAge() != null);
        if (pp.maxPasswordAge() != null) {
            j.put("MaxPasswordAge", pp.maxPasswordAge());
        }
        if (pp.passwordReusePrevention() != null) {
            j.put("PasswordReusePrevention", pp.passwordReusePrevention());
        }
        j.put("HardExpiry", pp.hardExpiry());
        return out;
    }

    static ObjectNode deleteAccountPasswordPolicy(OperationContext c, Params p) {
        if (c.account().passwordPolicy == null) {
            throw AwsException.noSuchEntity("The account policy with name PasswordPolicy cannot be found.");
        }
        c.account().passwordPolicy = null;
        return c.object();
    }

    static ObjectNode getAccountSummary(OperationContext c, Params p) {
        SandboxAccount a = c.account();
        ObjectNode out = c.object();
        ObjectNode m = out.putObject("SummaryMap");
        m.put("Users", a.users.size());
        m.put("Groups", a.groups.size());
        m.put("Roles", a.roles.size());
        m.put("Policies", a.customerPolicies.size());
        m.put("InstanceProfiles", a.instanceProfiles.size());
        m.put("AccountMFAEnabled", a.root.mfaDevice != null ? 1 : 0);
        m.put("AccountAccessKeysPresent", a.root.accessKeys.isEmpty() ? 0 : 1);
        m.put("MFADevicesInUse", (int) a.users.values().stream().filter(u -> u.mfaDevice != null).count()
                + (a.root.mfaDevice != null ? 1 : 0));
        m.put("UsersQuota", 5000);
        m.put("GroupsPerUserQuota", GROUPS_PER_USER);
        m.put("AttachedPoliciesPerUserQuota", MANAGED_POLICIES_PER_ENTITY);
        m.put("AccessKeysPerUserQuota", ACCESS_KEYS_PER_USER);
        m.put("PolicyVersionsInUseQuota", 10000);
        return out;
    }
}
