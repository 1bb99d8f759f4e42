package org.iamdojo.iam.account;

import java.time.Instant;

/**
 * What every IAM entity of the sandbox has, as IAM's API returns it for users, groups, roles, managed policies and
 * instance profiles: a friendly name, a path, a unique id, an ARN and a creation date.
 * Identifiers: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
public abstract sealed class IamEntity permits PolicyHolder, ManagedPolicy, InstanceProfile {
    private final String name;
    private final String path;
    private final String id;
    private final String arn;
    private final Instant createDate;

    IamEntity(String name, String path, String id, String arn, Instant createDate) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.createDate = createDate;
    }

    /** The friendly name (UserName, GroupName, RoleName, PolicyName, InstanceProfileName). */
    public String name() { return name; }

    /** The IAM path, "/" by default. */
    public String path() { return path; }

    /** The unique id (AIDA… for users, AGPA… groups, AROA… roles, ANPA… policies, AIPA… instance profiles). */
    public String id() { return id; }

    /** The ARN (arn:aws:iam::aws:policy/… for an AWS managed policy). */
    public String arn() { return arn; }

    /** When it was created (sandbox clock). */
    public Instant createDate() { return createDate; }
}
