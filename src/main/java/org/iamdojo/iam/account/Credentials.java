package org.iamdojo.iam.account;

/** What a caller presents: a console session, or an access key pair (with a session token when temporary). */
public sealed interface Credentials {

    /** A signed-in console session of the root user or of an IAM user, with or without MFA. */
    record ConsoleSession(String accountId, String userName, boolean mfaAuthenticated) implements Credentials {
        /** A root console session. */
        public static ConsoleSession root(String accountId, boolean mfa) {
            return new ConsoleSession(accountId, null, mfa);
        }

        /** Whether this is the root user. */
        public boolean isRoot() {
            return userName == null;
        }
    }

    /** Programmatic credentials: AKIA… long-term keys, or ASIA… temporary keys with a session token. */
    record AccessKeyPair(String accessKeyId, String secretAccessKey, String sessionToken) implements Credentials {
        /** Long-term keys without a token. */
        public static AccessKeyPair longTerm(String id, String secret) {
            return new AccessKeyPair(id, secret, null);
        }
    }

    /**
     * A request signed with an access key (AWS Signature Version 4) by a client outside the app: the sandbox looks
     * up the key's secret and lets {@code signature} check the request's signature with it; the secret never
     * travels with the request.
     *
     * @param sessionToken the X-Amz-Security-Token of temporary credentials, or null
     */
    record SignedRequest(String accessKeyId, String sessionToken, SignatureCheck signature) implements Credentials {
    }

    /** Checks a request's signature with the secret access key the sandbox holds for the key id. */
    @FunctionalInterface
    interface SignatureCheck {
        /** Whether the signature the client sent is the one this secret gives. */
        boolean matches(String secretAccessKey);
    }

    /** An AWS service acting for itself (e.g. EC2 fetching role credentials); used by the simulator only. */
    record ServicePrincipal(String service) implements Credentials {
    }
}
