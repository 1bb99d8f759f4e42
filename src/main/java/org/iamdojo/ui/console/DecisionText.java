package org.iamdojo.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.policy.Effect;
import org.iamdojo.scenario.DecisionExplainer;

/**
 * A Decision in the learner's language, built from its structured trace (outcome, deciding layer, the
 * statement that decided) rather than from the engine's English reason, which stays for logs and AWS messages.
 */
final class DecisionText {
    private static final Set<String> EVAL_DECISIONS = Set.of("allowed", "explicitDeny", "implicitDeny");

    private DecisionText() {
    }

    /** The simulator's EvalDecision word ("implicitDeny"), in Korean with the API word kept beside it. */
    static String evalDecision(Component c, String awsWord) {
        return EVAL_DECISIONS.contains(awsWord) ? c.getTranslation("sim.decision." + awsWord) : awsWord;
    }

    /** One sentence saying why: which layer decided and, where one did, which statement of which policy. */
    static String reason(Component c, Decision d) {
        String layer = d.decidingLayer().name();
        return switch (d.decision()) {
            case EXPLICIT_DENY -> {
                MatchedStatement m = deciding(d, Effect.DENY);
                yield m == null
                        ? c.getTranslation("decision.reason.EXPLICIT_DENY.layer", c.getTranslation("decision.layer." + layer))
                        : c.getTranslation("decision.reason.EXPLICIT_DENY", statement(m), policy(c, m.policyId()));
            }
            case IMPLICIT_DENY -> c.getTranslation("decision.reason.IMPLICIT_DENY." + layer);
            case ALLOW -> {
                MatchedStatement m = deciding(d, Effect.ALLOW);
                if (d.decidingLayer() == PolicyLayer.ROOT_USER) {
                    yield c.getTranslation("decision.reason.ALLOW.ROOT_USER");
                }
                yield m == null
                        ? c.getTranslation("decision.reason.ALLOW.layer", c.getTranslation("decision.layer." + layer))
                        : c.getTranslation("decision.reason.ALLOW", statement(m), policy(c, m.policyId()));
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
    static String policy(Component c, String policyId) {
        UI ui = c.getUI().orElse(UI.getCurrent());
        return DecisionExplainer.label(policyId, Map.of()).in(ui == null ? Locale.ENGLISH : ui.getLocale());
    }

    /** A statement by its Sid, else by its position (#2). */
    static String statement(MatchedStatement m) {
        return m.sid() != null && !m.sid().isEmpty() ? m.sid() : "#" + (m.statementIndex() + 1);
    }
}
