package org.iamdojo.iam.account;

/** What temporary credentials STS issued: a role session, a federated user's session or a user's session token. */
public enum SessionKind {
    /** From AssumeRole: acts as the role. */
    ASSUMED_ROLE("AssumedRole"),
    /** From GetFederationToken: acts as a federated user. */
    FEDERATED_USER("FederatedUser"),
    /** From GetSessionToken: acts as the IAM user that asked for it. */
    SESSION_TOKEN("SessionToken");

    private final String awsName;

    SessionKind(String awsName) {
        this.awsName = awsName;
    }

    /** AWS's word for it, e.g. AssumedRole (CloudTrail's userIdentity.type of such a session). */
    public String awsName() {
        return awsName;
    }

    /** Who a caller with these credentials is: a session token acts as its IAM user. */
    public CallerType callerType() {
        return switch (this) {
            case ASSUMED_ROLE -> CallerType.ASSUMED_ROLE;
            case FEDERATED_USER -> CallerType.FEDERATED_USER;
            case SESSION_TOKEN -> CallerType.IAM_USER;
        };
    }
}
