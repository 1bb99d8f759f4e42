package org.iamdojo.iam.eval;

import org.iamdojo.iam.policy.Effect;

/** A statement that applied to the request. */
public record MatchedStatement(String policyId, int statementIndex, String sid, Effect effect, PolicyLayer layer) {
}
