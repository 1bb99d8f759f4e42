package org.iamdojo.iam.eval;

/** What kind of caller made a request. */
public enum PrincipalKind {
    /** The root user of an account (arn:aws:iam::ACCOUNT:root). */
    ROOT,
    /** An IAM user. */
    USER,
    /**
     * An IAM role named by its role ARN: AWS requests always come from a session, so this is a session of the
     * role whose session name is not given (decided as a session wherever the name does not matter).
     */
    ROLE,
    /** A role session (arn:aws:sts::ACCOUNT:assumed-role/Role/Session). */
    ASSUMED_ROLE,
    /** A federated user session from GetFederationToken. */
    FEDERATED_USER,
    /** An AWS service principal such as ec2.amazonaws.com. */
    SERVICE,
    /** A SAML/OIDC identity provider, or a web identity provider name such as accounts.google.com. */
    IDENTITY_PROVIDER,
    /** An unauthenticated caller. */
    ANONYMOUS
}
