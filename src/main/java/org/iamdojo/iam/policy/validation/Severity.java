package org.iamdojo.iam.policy.validation;

/** A finding's type, as IAM Access Analyzer names them (ValidatePolicyFinding.findingType). */
public enum Severity {
    /** Part of the policy does not work or AWS would refuse the document. */
    ERROR,
    /** The policy allows access that is likely overly permissive. */
    SECURITY_WARNING,
    /** The policy works but does not follow policy-writing best practice. */
    WARNING,
    /** A stylistic improvement that does not change access. */
    SUGGESTION
}
