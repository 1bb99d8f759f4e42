package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An IAM user: long-term identity with an optional console password, access keys and MFA. */
public final class IamUser extends PolicyHolder {
    final Set<String> groups = new LinkedHashSet<>();
    final List<AccessKey> accessKeys = new ArrayList<>();
    String permissionsBoundaryArn;
    LoginProfile loginProfile;
    MfaDevice mfaDevice;
    Instant passwordLastUsed;

    IamUser(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }

    /** Names of the groups the user is in. */
    public Set<String> groups() { return Collections.unmodifiableSet(groups); }

    /** The user's access keys (at most two). */
    public List<AccessKey> accessKeys() { return Collections.unmodifiableList(accessKeys); }

    /** The permissions boundary policy ARN, or null. */
    public String permissionsBoundaryArn() { return permissionsBoundaryArn; }

    /** The console password, or null when the user cannot sign in to the console. */
    public LoginProfile loginProfile() { return loginProfile; }

    /** The enabled virtual MFA device, or null. */
    public MfaDevice mfaDevice() { return mfaDevice; }

    /** When the console password was last used, or null. */
    public Instant passwordLastUsed() { return passwordLastUsed; }
}
