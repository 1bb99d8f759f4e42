package org.iamdojo.iam.account;

import java.time.Instant;

/** An instance profile: the container that hands one role to an EC2 instance. */
public final class InstanceProfile extends IamEntity {
    String roleName;

    InstanceProfile(String name, String path, String id, String arn, Instant createDate) {
        super(name, path, id, arn, createDate);
    }

    /** The role in the profile, or null (a profile holds at most one role). */
    public String roleName() { return roleName; }
}
