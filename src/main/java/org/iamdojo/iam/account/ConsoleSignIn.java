package org.iamdojo.iam.account;

import java.time.Instant;

/**
 * Signs an IAM user in to the (simulated) console: checks the password against the user's login profile and,
 * when the user has an MFA device, the TOTP code; returns the console session the sandbox then resolves.
 * Wording: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html (console sign-in).
 */
public final class ConsoleSignIn {
    /** The console's message for every failed sign-in; it does not reveal which part was wrong. */
    public static final String INCORRECT = "Your authentication information is incorrect. Please try again.";

    private ConsoleSignIn() {
    }

    /** The error code of a right password for a user with an MFA device when no code was typed. */
    public static final String MFA_REQUIRED = "MFARequired";

    /**
     * Verifies password (and MFA code when the user has a device) and returns the console session; throws an
     * {@link AwsException} with {@link #INCORRECT} otherwise. As the console's sign-in asks for the code only on
     * its second page, a right password without a code for a user with a device is answered with
     * {@link #MFA_REQUIRED}. Records the password's last use.
     */
    public static Credentials.ConsoleSession signIn(Sandbox sandbox, String accountId, String userName,
                                                    String password, String mfaCode) {
        sandbox.lock().lock();
        try {
            SandboxAccount account = sandbox.account(accountId);
            // Only the root user can still sign in to a closed account.
            // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_close.html
            IamUser user = account == null || account.closed() || userName == null ? null : account.user(userName);
            if (user == null || user.loginProfile == null || password == null
                    || !Secrets.passwordMatches(password, user.loginProfile.passwordHash())) {
                throw incorrect();
            }
            Instant now = sandbox.now();
            boolean mfa = user.mfaDevice != null;
            if (mfa && (mfaCode == null || mfaCode.isBlank())) {
                throw new AwsException(MFA_REQUIRED, 401, "Enter the code of the MFA device of " + user.name() + ".");
            }
            if (mfa && !Totp.verify(user.mfaDevice.base32Secret(), mfaCode.strip(), now)) {
                throw incorrect();
            }
            user.passwordLastUsed = now;
            return new Credentials.ConsoleSession(accountId, user.name(), mfa);
        } finally {
            sandbox.lock().unlock();
        }
    }

    private static AwsException incorrect() {
        return new AwsException("InvalidAuthentication", 401, INCORRECT);
    }
}
