package org.iamdojo.iam.account;

/**
 * The resolved identity behind a call, as CloudTrail's userIdentity names it.
 *
 * @param type Root, IAMUser, AssumedRole, FederatedUser or AWSService ({@link CallerType#awsName()})
 * @param arn the principal ARN (assumed-role session ARN for role sessions)
 * @param issuerArn for a session, the ARN of the role or user behind it (sessionIssuer); else null
 * @param session the temporary session, or null for long-term credentials and console sign-ins
 */
public record Caller(CallerType type, String accountId, String arn, String principalId, String userName,
                     String accessKeyId, boolean mfaAuthenticated, String issuerArn, TemporarySession session) {

    /** Whether the caller is the account's root user. */
    public boolean isRoot() {
        return type == CallerType.ROOT;
    }

    /** Whether the caller uses temporary credentials. */
    public boolean isSession() {
        return session != null;
    }
}
