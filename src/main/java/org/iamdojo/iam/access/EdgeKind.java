package org.iamdojo.iam.access;

/**
 * What an edge says. Facts of the account's configuration: MEMBER_OF (user → group), ATTACHED (holder → managed
 * policy), INLINE (holder → inline policy), IN_PROFILE (role → instance profile), RUNS_ON (instance profile →
 * instance). Engine decisions: CAN_ASSUME (principal → role: trust policy and the caller's permissions both allow
 * sts:AssumeRole), CAN_READ / CAN_WRITE (principal → bucket: s3:GetObject / s3:PutObject allowed on an object
 * of the bucket).
 */
public enum EdgeKind {
    MEMBER_OF, ATTACHED, INLINE, IN_PROFILE, RUNS_ON, CAN_ASSUME, CAN_READ, CAN_WRITE;

    /** Whether edges of this kind are engine decisions (with checks to explain) rather than configuration facts. */
    public boolean decided() {
        return this == CAN_ASSUME || this == CAN_READ || this == CAN_WRITE;
    }
}
