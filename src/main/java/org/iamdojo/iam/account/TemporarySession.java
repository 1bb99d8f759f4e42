package org.iamdojo.iam.account;

import java.time.Instant;
import java.util.Map;

/**
 * Temporary credentials issued by STS: an ASIA… key id, hashed secret and token, an expiration, and what
 * the session is (an assumed role with its session name, policy and tags, or a user's GetSessionToken).
 *
 * @param kind AssumedRole, FederatedUser or SessionToken
 * @param roleOrUserName the role (for AssumedRole) or the user (for SessionToken) behind the session
 * @param chained whether the session was made by a role session assuming another role (limited to 1 h)
 * @param issuedAt when STS issued the credentials: aws:TokenIssueTime, and the moment MFA was presented
 *                 (aws:MultiFactorAuthAge counts from it)
 */
public record TemporarySession(String accessKeyId, String secretHash, String tokenHash, Instant expiration,
                               SessionKind kind, String accountId, String roleOrUserName, String issuerArn,
                               String sessionName, String sessionPolicy, Map<String, String> sessionTags,
                               boolean mfaAuthenticated, boolean chained, String sourceIdentity, Instant issuedAt) {

    /** A session whose issue time is unknown: taken as one hour before it expires (the default duration). */
    public TemporarySession(String accessKeyId, String secretHash, String tokenHash, Instant expiration, SessionKind kind,
                            String accountId, String roleOrUserName, String issuerArn, String sessionName,
                            String sessionPolicy, Map<String, String> sessionTags, boolean mfaAuthenticated,
                            boolean chained, String sourceIdentity) {
        this(accessKeyId, secretHash, tokenHash, expiration, kind, accountId, roleOrUserName, issuerArn, sessionName,
                sessionPolicy, sessionTags, mfaAuthenticated, chained, sourceIdentity, expiration.minusSeconds(3600));
    }

    /** The principal ARN of the session. */
    public String principalArn() {
        return switch (kind) {
            case ASSUMED_ROLE -> "arn:aws:sts::" + accountId + ":assumed-role/" + roleOrUserName + "/" + sessionName;
            case FEDERATED_USER -> "arn:aws:sts::" + accountId + ":federated-user/" + sessionName;
            case SESSION_TOKEN -> issuerArn;
        };
    }

    /** Whether the session still works at this time. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiration);
    }
}
