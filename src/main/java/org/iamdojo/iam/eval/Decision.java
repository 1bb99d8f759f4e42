package org.iamdojo.iam.eval;

import java.util.List;

/**
 * The answer to an authorization request with its trace: the layer that decided, a short reason in AWS's
 * words, every statement that applied, every statement that did not (and why), and the context keys the
 * evaluated conditions needed but the request did not carry.
 */
public record Decision(
        EvalDecision decision,
        PolicyLayer decidingLayer,
        String reason,
        List<MatchedStatement> matchedStatements,
        List<StatementMiss> notMatchedStatements,
        List<String> missingContextKeys) {

    /** True when the request is allowed. */
    public boolean allowed() {
        return decision == EvalDecision.ALLOW;
    }
}
