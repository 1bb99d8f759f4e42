package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A managed policy: customer managed (up to 5 versions, one default) or AWS managed (read-only). */
public final class ManagedPolicy {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final boolean awsManaged;
    private final Instant createDate;
    final List<PolicyVersion> versions = new ArrayList<>();
    String description;
    int nextVersion = 1;

    ManagedPolicy(String name, String path, String id, String arn, boolean awsManaged, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.awsManaged = awsManaged;
        this.createDate = createDate;
    }

    /** The policy name. */
    public String name() { return name; }

    /** The path. */
    public String path() { return path; }

    /** The policy id (ANPA…). */
    public String id() { return id; }

    /** The ARN (arn:aws:iam::aws:policy/… for AWS managed). */
    public String arn() { return arn; }

    /** Whether AWS owns it (it cannot be changed). */
    public boolean awsManaged() { return awsManaged; }

    /** When it was created. */
    public Instant createDate() { return createDate; }

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
