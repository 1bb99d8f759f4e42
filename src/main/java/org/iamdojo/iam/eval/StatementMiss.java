package org.iamdojo.iam.eval;

import org.iamdojo.iam.policy.Effect;

/** A statement that did not apply, with the first element that failed; {@code condition} only for CONDITION. */
public record StatementMiss(String policyId, int statementIndex, String sid, Effect effect, PolicyLayer layer,
        MissReason reason, ConditionMiss condition) {
}
