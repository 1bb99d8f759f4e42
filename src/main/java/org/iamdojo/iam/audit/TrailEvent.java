package org.iamdojo.iam.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One CloudTrail record: who called what, from where, with which parameters, and how it ended.
 *
 * @param userIdentityType Root, IAMUser, AssumedRole, FederatedUser or AWSService
 * @param sessionIssuerArn for temporary credentials, the role or user behind the session
 * @param mfaAuthenticated whether the caller signed in with MFA (sessionContext.attributes.mfaAuthenticated)
 * @param errorCode null when the call succeeded
 * @param userAgent the caller's User-Agent (the AWS CLI's or an SDK's through the AWS endpoint); null for calls made
 *                  inside the app
 */
public record TrailEvent(String eventId, Instant eventTime, String eventSource, String eventName,
                         String awsRegion, String userIdentityType, String principalArn, String principalId,
                         String accountId, String accessKeyId, String sessionIssuerArn, boolean mfaAuthenticated,
                         String sourceIPAddress, JsonNode requestParameters, JsonNode responseElements,
                         String errorCode, String errorMessage, String recipientAccountId, boolean readOnly,
                         String userAgent) {

    /** An event of a call made inside the app (console, terminal, setup): no User-Agent. */
    public TrailEvent(String eventId, Instant eventTime, String eventSource, String eventName, String awsRegion,
                      String userIdentityType, String principalArn, String principalId, String accountId,
                      String accessKeyId, String sessionIssuerArn, boolean mfaAuthenticated, String sourceIPAddress,
                      JsonNode requestParameters, JsonNode responseElements, String errorCode, String errorMessage,
                      String recipientAccountId, boolean readOnly) {
        this(eventId, eventTime, eventSource, eventName, awsRegion, userIdentityType, principalArn, principalId,
                accountId, accessKeyId, sessionIssuerArn, mfaAuthenticated, sourceIPAddress, requestParameters,
                responseElements, errorCode, errorMessage, recipientAccountId, readOnly, null);
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** Whether the root user made the call. */
    public boolean byRoot() {
        return "Root".equals(userIdentityType);
    }
}
