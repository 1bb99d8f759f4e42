package org.iamdojo.iam.eval;

/** The outcome of an authorization, named as the IAM policy simulator names it. */
public enum EvalDecision {
    ALLOW("Allow"),
    EXPLICIT_DENY("ExplicitDeny"),
    IMPLICIT_DENY("ImplicitDeny");

    private final String awsName;

    EvalDecision(String awsName) {
        this.awsName = awsName;
    }

    /** "Allow", "ExplicitDeny" or "ImplicitDeny". */
    public String awsName() {
        return awsName;
    }
}
