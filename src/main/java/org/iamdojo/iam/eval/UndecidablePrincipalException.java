package org.iamdojo.iam.eval;

/**
 * The request cannot be decided without a fact it does not give: a role ARN was given as the caller, and a
 * statement names a particular session of that role, so the answer depends on the unknown session name.
 */
public final class UndecidablePrincipalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UndecidablePrincipalException(String message) {
        super(message);
    }
}
