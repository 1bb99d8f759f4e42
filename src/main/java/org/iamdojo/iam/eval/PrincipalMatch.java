package org.iamdojo.iam.eval;

/**
 * How a Principal element named the caller, strongest first. The strength decides whether a same-account
 * resource-based policy grants on its own ("Policy evaluation for requests within a single account",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html).
 */
enum PrincipalMatch {
    /** Not named. */
    NONE,
    /** Named through its account (account id or :root ARN): delegates to the account's identity policies. */
    ACCOUNT,
    /** A session named through the role or IAM user behind it. */
    ISSUER,
    /** Named by "*" (everyone, including anonymous callers). */
    WILDCARD,
    /** Named by its own ARN (user, role, role-session or federated-user ARN, service, provider). */
    DIRECT
}
