package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A managed policy: customer managed (up to 5 versions, one default) or AWS managed (read-only). */
public final class ManagedPolicy extends IamEntity {
    private final boolean awsManaged;
    final List<PolicyVersion> versions = new ArrayList<>();
    String description;
    int nextVersion = 1;

    ManagedPolicy(String name, String path, String id, String arn, boolean awsManaged, Instant createDate) {
        super(name, path, id, arn, createDate);
        this.awsManaged = awsManaged;
    }

    /** Whether AWS owns it (it cannot be changed). */
    public boolean awsManaged() { return awsManaged; }

    /** The description, or null. */
    public String description() { return description; }

    /** All versions, oldest first. */
    public List<PolicyVersion> versions() { return Collections.unmodifiableList(versions); }

    /** The default version: the one that is in effect. */
    public PolicyVersion defaultVersion() {
        return versions.stream().filter(PolicyVersion::isDefault).findFirst().orElseThrow();
    }

    /** One version of a managed policy. */
    public record PolicyVersion(String versionId, String document, boolean isDefault, Instant createDate) {
        PolicyVersion asDefault(boolean value) {
            return new PolicyVersion(versionId, document, value, createDate);
        }
    }
}
