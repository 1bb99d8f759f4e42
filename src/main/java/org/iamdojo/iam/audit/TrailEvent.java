package org.iamdojo.iam.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;

/**
 * One CloudTrail record: who called what, from where, with which parameters, and how it ended.
 *
 * <p>A sandbox keeps thousands of these, so the request parameters and response elements are held as their JSON
 * text (a few bytes per character) rather than as Jackson trees (tens of bytes per field); {@link #requestParameters()}
 * and {@link #responseElements()} read a fresh tree from it each time they are asked.
 */
public final class TrailEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The text of most read calls' parameters, shared instead of one copy per event. */
    private static final String EMPTY_OBJECT = "{}";

    private final String eventId;
    private final Instant eventTime;
    private final String eventSource;
    private final String eventName;
    private final String awsRegion;
    private final String userIdentityType;
    private final String principalArn;
    private final String principalId;
    private final String accountId;
    private final String accessKeyId;
    private final String sessionIssuerArn;
    private final boolean mfaAuthenticated;
    private final String sourceIPAddress;
    private final String requestParametersText;
    private final String responseElementsText;
    private final String errorCode;
    private final String errorMessage;
    private final String recipientAccountId;
    private final boolean readOnly;
    private final String userAgent;

    /**
     * @param userIdentityType Root, IAMUser, AssumedRole, FederatedUser or AWSService
     * @param sessionIssuerArn for temporary credentials, the role or user behind the session
     * @param mfaAuthenticated whether the caller signed in with MFA (sessionContext.attributes.mfaAuthenticated)
     * @param errorCode null when the call succeeded
     * @param userAgent the caller's User-Agent (the AWS CLI's or an SDK's through the AWS endpoint); null for calls
     *                  made inside the app
     */
    public TrailEvent(String eventId, Instant eventTime, String eventSource, String eventName,
                      String awsRegion, String userIdentityType, String principalArn, String principalId,
                      String accountId, String accessKeyId, String sessionIssuerArn, boolean mfaAuthenticated,
                      String sourceIPAddress, JsonNode requestParameters, JsonNode responseElements,
                      String errorCode, String errorMessage, String recipientAccountId, boolean readOnly,
                      String userAgent) {
        this.eventId = eventId;
        this.eventTime = eventTime;
        this.eventSource = eventSource;
        this.eventName = eventName;
        this.awsRegion = awsRegion;
        this.userIdentityType = userIdentityType;
        this.principalArn = principalArn;
        this.principalId = principalId;
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
        this.sessionIssuerArn = sessionIssuerArn;
        this.mfaAuthenticated = mfaAuthenticated;
        this.sourceIPAddress = sourceIPAddress;
        this.requestParametersText = text(requestParameters);
        this.responseElementsText = text(responseElements);
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.recipientAccountId = recipientAccountId;
        this.readOnly = readOnly;
        this.userAgent = userAgent;
    }

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

    /** A JSON null (or no value) is kept as null, as CloudTrail writes it. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String s = node.toString();
        return EMPTY_OBJECT.equals(s) ? EMPTY_OBJECT : s;
    }

    private static JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // The text was written from a tree by Jackson itself.
            throw new IllegalStateException("unreadable CloudTrail JSON kept in memory", e);
        }
    }

    public String eventId() { return eventId; }
    public Instant eventTime() { return eventTime; }
    public String eventSource() { return eventSource; }
    public String eventName() { return eventName; }
    public String awsRegion() { return awsRegion; }
    public String userIdentityType() { return userIdentityType; }
    public String principalArn() { return principalArn; }
    public String principalId() { return principalId; }
    public String accountId() { return accountId; }
    public String accessKeyId() { return accessKeyId; }
    public String sessionIssuerArn() { return sessionIssuerArn; }
    public boolean mfaAuthenticated() { return mfaAuthenticated; }
    public String sourceIPAddress() { return sourceIPAddress; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public String recipientAccountId() { return recipientAccountId; }
    public boolean readOnly() { return readOnly; }
    public String userAgent() { return userAgent; }

    /** The call's parameters (secrets redacted) as a new tree, or null. */
    public JsonNode requestParameters() {
        return tree(requestParametersText);
    }

    /** The call's response (secrets redacted) as a new tree, or null (a failed call, or one that logs none). */
    public JsonNode responseElements() {
        return tree(responseElementsText);
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errorCode == null;
    }

    /** Whether the root user made the call. */
    public boolean byRoot() {
        return "Root".equals(userIdentityType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrailEvent e && mfaAuthenticated == e.mfaAuthenticated && readOnly == e.readOnly
                && Objects.equals(eventId, e.eventId) && Objects.equals(eventTime, e.eventTime)
                && Objects.equals(eventSource, e.eventSource) && Objects.equals(eventName, e.eventName)
                && Objects.equals(awsRegion, e.awsRegion) && Objects.equals(userIdentityType, e.userIdentityType)
                && Objects.equals(principalArn, e.principalArn) && Objects.equals(principalId, e.principalId)
                && Objects.equals(accountId, e.accountId) && Objects.equals(accessKeyId, e.accessKeyId)
                && Objects.equals(sessionIssuerArn, e.sessionIssuerArn)
                && Objects.equals(sourceIPAddress, e.sourceIPAddress)
                && Objects.equals(requestParametersText, e.requestParametersText)
                && Objects.equals(responseElementsText, e.responseElementsText)
                && Objects.equals(errorCode, e.errorCode) && Objects.equals(errorMessage, e.errorMessage)
                && Objects.equals(recipientAccountId, e.recipientAccountId) && Objects.equals(userAgent, e.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime, eventName, recipientAccountId);
    }

    @Override
    public String toString() {
        return "TrailEvent[" + eventId + " " + eventTime + " " + eventSource + " " + eventName + " by " + principalArn
                + (errorCode == null ? "" : " " + errorCode) + "]";
    }
}
