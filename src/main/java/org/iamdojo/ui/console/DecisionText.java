package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.scenario.DecisionExplainer;
import org.iamdojo.ui.i18n.Texts;

/**
 * A Decision in the learner's language, built from its structured trace (outcome, deciding layer, the
 * statement that decided) rather than from the engine's English reason, which stays for logs and AWS messages.
 */
final class DecisionText {
    private static final Set<String> EVAL_DECISIONS = Set.of("allowed", "explicitDeny", "implicitDeny");

    private DecisionText() {
    }

    /** The simulator's EvalDecision word ("implicitDeny"), in Korean with the API word kept beside it. */
    static String evalDecision(String awsWord) {
        return EVAL_DECISIONS.contains(awsWord) ? t("sim.decision." + awsWord) : awsWord;
    }

    /** One sentence saying why: which layer decided and, where one did, which statement of which policy. */
    static String reason(Decision d) {
        String layer = d.decidingLayer().name();
        return switch (d.decision()) {
            case EXPLICIT_DENY -> {
                MatchedStatement m = deciding(d, Effect.DENY);
                yield m == null
                        ? t("decision.reason.EXPLICIT_DENY.layer", t("decision.layer." + layer))
                        : t("decision.reason.EXPLICIT_DENY", statement(m), policy(m.policyId()));
            }
            case IMPLICIT_DENY -> t("decision.reason.IMPLICIT_DENY." + layer);
            case ALLOW -> {
                MatchedStatement m = deciding(d, Effect.ALLOW);
                if (d.decidingLayer() == PolicyLayer.ROOT_USER) {
                    yield t("decision.reason.ALLOW.ROOT_USER");
                }
                yield m == null
                        ? t("decision.reason.ALLOW.layer", t("decision.layer." + layer))
                        : t("decision.reason.ALLOW", statement(m), policy(m.policyId()));
            }
        };
    }

    /** The statement of the deciding layer with {@code effect}, else the first one anywhere, else null. */
    private static MatchedStatement deciding(Decision d, Effect effect) {
        return d.matchedStatements().stream().filter(m -> m.effect() == effect && m.layer() == d.decidingLayer())
                .findFirst()
                .orElse(d.matchedStatements().stream().filter(m -> m.effect() == effect).findFirst().orElse(null));
    }

    /** A policy id of the engine ("user/alice inline policy Read") as the learner knows it, in the UI language. */
    static String policy(String policyId) {
        return Texts.of(DecisionExplainer.label(policyId, Map.of()));
    }

    /** A statement by its Sid, else by its position (#2). */
    static String statement(MatchedStatement m) {
        return m.sid() != null && !m.sid().isEmpty() ? m.sid() : "#" + (m.statementIndex() + 1);
    }
}
