package org.iamdojo.iam.account;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IAM state of one AWS account in a sandbox: its root user, users, groups, roles, customer managed
 * policies, instance profiles and settings. Mutated only by the operations of its {@link Sandbox}, under the
 * sandbox's lock. IAM names are unique regardless of case, as in AWS.
 */
public final class SandboxAccount {
    private final String accountId;
    String alias;
    final RootUser root;
    final Map<String, IamUser> users = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, IamGroup> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, IamRole> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, ManagedPolicy> customerPolicies = new TreeMap<>();
    final Map<String, InstanceProfile> instanceProfiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> virtualMfaSecrets = new TreeMap<>();
    PasswordPolicy passwordPolicy;
    String supportPlan = "basic";
    String accountName;
    boolean closed;

    SandboxAccount(String accountId, RootUser root) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id has 12 digits: " + accountId);
        }
        this.accountId = accountId;
        this.root = root;
    }

    /** The 12-digit account id. */
    public String accountId() { return accountId; }

    /** The account alias, or null. */
    public String alias() { return alias; }

    /** The root user. */
    public RootUser root() { return root; }

    /** The root user's ARN. */
    public String rootArn() { return "arn:aws:iam::" + accountId + ":root"; }

    /** Users by name. */
    public Collection<IamUser> users() { return Collections.unmodifiableCollection(users.values()); }

    /** Groups by name. */
    public Collection<IamGroup> groups() { return Collections.unmodifiableCollection(groups.values()); }

    /** Roles by name. */
    public Collection<IamRole> roles() { return Collections.unmodifiableCollection(roles.values()); }

    /** Customer managed policies. */
    public Collection<ManagedPolicy> customerPolicies() { return Collections.unmodifiableCollection(customerPolicies.values()); }

    /** Instance profiles. */
    public Collection<InstanceProfile> instanceProfiles() { return Collections.unmodifiableCollection(instanceProfiles.values()); }

    /** The user of that name, or null. */
    public IamUser user(String name) { return users.get(name); }

    /** The group of that name, or null. */
    public IamGroup group(String name) { return groups.get(name); }

    /** The role of that name, or null. */
    public IamRole role(String name) { return roles.get(name); }

    /** The instance profile of that name, or null. */
    public InstanceProfile instanceProfile(String name) { return instanceProfiles.get(name); }

    /** The customer managed policy with that ARN, or null. */
    public ManagedPolicy customerPolicy(String arn) { return customerPolicies.get(arn); }

    /** The password policy, or null when none is set (AWS's default applies). */
    public PasswordPolicy passwordPolicy() { return passwordPolicy; }

    /** The support plan name (basic, developer, business, enterprise). */
    public String supportPlan() { return supportPlan; }

    /** Whether the root user closed the account. */
    public boolean closed() { return closed; }

    /** The account name, or null. */
    public String accountName() { return accountName; }

    /** Root-only account settings: sets the account name. */
    public void updateAccountName(String name) { this.accountName = name; }

    /** Root-only account settings: changes the root user's sign-in email. */
    public void updateRootEmail(String email) { root.email = email; }

    /** Root-only account settings: changes the root password; false (and no change) when the old one is wrong. */
    public boolean updateRootPassword(String oldPassword, String newPassword, String salt) {
        if (!Secrets.passwordMatches(oldPassword, root.passwordHash)) {
            return false;
        }
        root.passwordHash = Secrets.hashPassword(newPassword, salt);
        return true;
    }

    /** Root-only: changes the support plan (basic, developer, business, enterprise). */
    public void updateSupportPlan(String plan) { this.supportPlan = plan; }

    /** Root-only: closes the account. */
    public void close() { this.closed = true; }

    /** The ARN of a user/group/role/policy/instance-profile with a path. */
    public String iamArn(String type, String path, String name) {
        return "arn:aws:iam::" + accountId + ":" + type + (path == null ? "/" : path) + name;
    }
}
