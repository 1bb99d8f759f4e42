package org.iamdojo.iam.account;

import static org.iamdojo.iam.account.IamEntities.user;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Console passwords of IAM users, checked against the account's password policy: CreateLoginProfile,
 * UpdateLoginProfile, GetLoginProfile, DeleteLoginProfile.
 */
final class LoginProfileOperations {
    private LoginProfileOperations() {
    }

    static ObjectNode createLoginProfile(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        if (u.loginProfile != null) {
            throw AwsException.alreadyExists("Login Profile for user " + u.name() + " already exists.");
        }
        String password = p.required("Password");
        checkPassword(c, password);
        u.loginProfile = new LoginProfile(Secrets.hashPassword(password, c.ids().base32(16)), c.now(),
                p.bool("PasswordResetRequired", false));
        return profileResponse(c, u);
    }

    static ObjectNode updateLoginProfile(OperationContext c, Params p) {
        IamUser u = userWithProfile(c, p);
        String password = p.optional("Password");
        String hash = u.loginProfile.passwordHash();
        if (password != null) {
            checkPassword(c, password);
            hash = Secrets.hashPassword(password, c.ids().base32(16));
        }
        u.loginProfile = new LoginProfile(hash, u.loginProfile.createDate(),
                p.bool("PasswordResetRequired", u.loginProfile.passwordResetRequired()));
        return c.object();
    }

    static ObjectNode getLoginProfile(OperationContext c, Params p) {
        IamUser u = userWithProfile(c, p);
        return profileResponse(c, u);
    }

    static ObjectNode deleteLoginProfile(OperationContext c, Params p) {
        IamUser u = userWithProfile(c, p);
        u.loginProfile = null;
        return c.object();
    }

    /** The user UserName names, which must have a console password (NoSuchEntity otherwise). */
    private static IamUser userWithProfile(OperationContext c, Params p) {
        IamUser u = user(c, p.required("UserName"));
        if (u.loginProfile == null) {
            throw AwsException.noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
        }
        return u;
    }

    /** {"LoginProfile": {UserName, CreateDate, PasswordResetRequired}} of Create- and GetLoginProfile. */
    private static ObjectNode profileResponse(OperationContext c, IamUser u) {
        ObjectNode out = c.object();
        ObjectNode lp = out.putObject("LoginProfile");
        lp.put("UserName", u.name());
        lp.put("CreateDate", u.loginProfile.createDate().toString());
        lp.put("PasswordResetRequired", u.loginProfile.passwordResetRequired());
        return out;
    }

    private static void checkPassword(OperationContext c, String password) {
        PasswordPolicy policy = c.account().passwordPolicy == null ? PasswordPolicy.DEFAULT : c.account().passwordPolicy;
        String violation = policy.violation(password);
        if (violation != null) {
            throw new AwsException("PasswordPolicyViolation", 400, violation);
        }
    }
}
