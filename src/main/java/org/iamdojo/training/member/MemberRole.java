package org.iamdojo.training.member;

/** What a member may do in IAM Dojo: learn, run workshops, or administer accounts. */
public enum MemberRole {
    LEARNER,
    INSTRUCTOR,
    ADMIN
}
