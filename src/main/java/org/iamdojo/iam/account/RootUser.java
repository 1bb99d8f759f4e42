package org.iamdojo.iam.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The account's root user: signs in with the account email, may do everything in its own account. */
public final class RootUser {
    String email;
    String passwordHash;
    MfaDevice mfaDevice;
    final List<AccessKey> accessKeys = new ArrayList<>();

    RootUser(String email, String passwordHash) {
        this.email = email;
        this.passwordHash = passwordHash;
    }

    /** The sign-in email address. */
    public String email() { return email; }

    /** Whether a password is the root user's sign-in password. */
    public boolean passwordMatches(String password) { return Secrets.passwordMatches(password, passwordHash); }

    /** The root user's virtual MFA device, or null. */
    public MfaDevice mfaDevice() { return mfaDevice; }

    /** The root user's access keys (AWS recommends none). */
    public List<AccessKey> accessKeys() { return Collections.unmodifiableList(accessKeys); }
}
