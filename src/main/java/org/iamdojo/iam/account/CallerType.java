package org.iamdojo.iam.account;

/**
 * What kind of identity made a call, as CloudTrail's {@code userIdentity.type} names it.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
public enum CallerType {
    ROOT("Root"),
    IAM_USER("IAMUser"),
    ASSUMED_ROLE("AssumedRole"),
    FEDERATED_USER("FederatedUser"),
    AWS_SERVICE("AWSService"),
    /**
     * An unauthenticated request (a public bucket read): CloudTrail records it as an AWSAccount whose accountId is
     * ANONYMOUS_PRINCIPAL. Only the grader asks the engine about it; no sandbox call is made as anonymous.
     */
    ANONYMOUS("AWSAccount");

    private final String awsName;

    CallerType(String awsName) {
        this.awsName = awsName;
    }

    /** The name in CloudTrail's userIdentity.type (and in the attempt's durable log), e.g. IAMUser. */
    public String awsName() {
        return awsName;
    }

    /** The type CloudTrail calls {@code awsName}. */
    public static CallerType fromAwsName(String awsName) {
        for (CallerType type : values()) {
            if (type.awsName.equals(awsName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown caller type: " + awsName);
    }
}
