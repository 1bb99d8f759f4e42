package org.iamdojo.iam.account;

import java.time.Instant;

/** An instance profile: the container that hands one role to an EC2 instance. */
public final class InstanceProfile {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant createDate;
    String roleName;

    InstanceProfile(String name, String path, String id, String arn, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createDate = createDate;
    }

    /** The name. */
    public String name() { return name; }

    /** The path. */
    public String path() { return path; }

    /** The id (AIPA…). */
    public String id() { return id; }

    /** The ARN. */
    public String arn() { return arn; }

    /** When it was created. */
    public Instant createDate() { return createDate; }

    /** The role in the profile, or null (a profile holds at most one role). */
    public String roleName() { return roleName; }
}
