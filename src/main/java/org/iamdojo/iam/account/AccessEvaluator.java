package org.iamdojo.iam.account;

import org.iamdojo.iam.eval.Decision;
import org.jspecify.annotations.Nullable;

/** Decides whether a caller may do what an operation needs; the policy engine behind it. */
public interface AccessEvaluator {

    /** The outcome for one permission the caller needs. */
    AccessOutcome evaluate(Sandbox sandbox, Caller caller, AccessRequest request);

    /**
     * The outcome of one authorization.
     *
     * @param denialReason AWS's wording after "because", e.g. "no identity-based policy allows the s3:GetObject action"
     * @param decision the engine's Decision with its trace (for the "Why?" view), never null
     */
    record AccessOutcome(boolean allowed, @Nullable String denialReason, Decision decision) {
    }
}
