package org.iamdojo.iam.access;

/** What a node of the access map stands for. */
public enum NodeKind {
    ROOT, USER, GROUP, ROLE, MANAGED_POLICY, INLINE_POLICY, INSTANCE_PROFILE, INSTANCE, BUCKET
}
