package org.iamdojo.iam.access;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A way for {@code principal} to gain permissions it does not have: the technique, the node it acts on
 * ({@code target}), the steps (each the engine check that allows it), what it gains (a representative action
 * the target has and the principal lacks; null when it can write its own permissions), and the single change that
 * closes it: remove or deny {@code fix}'s permission in the statement that grants it.
 */
public record EscalationPath(String principal, Technique technique, String target, List<EngineCheck> steps,
                             @Nullable String gains, Fix fix) {
    public EscalationPath {
        steps = List.copyOf(steps);
    }

    /**
     * The change that closes the path: the permission ({@code action} on {@code resource}) allowed by statement
     * {@code sid} (or number {@code statementIndex} + 1) of policy {@code policyId} (the engine's policy id).
     */
    public record Fix(String action, String resource, String policyId, int statementIndex, @Nullable String sid) {
    }
}
