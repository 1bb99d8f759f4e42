package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.iamdojo.iam.eval.AuthorizationRequest;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.PolicyLayer;
import org.iamdojo.iam.eval.StatementMiss;
import org.iamdojo.iam.policy.Effect;

/**
 * One evaluation drawn as AWS's evaluation flow: the layers in order (SCP → RCP → resource-based policy →
 * identity-based policies → permissions boundary → session policy), each with the statements that matched and
 * those that did not and why, then the final decision and the layer that made it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
final class EvaluationFlow extends Div {
    static final List<PolicyLayer> ORDER = List.of(PolicyLayer.SCP, PolicyLayer.RCP, PolicyLayer.RESOURCE_POLICY,
            PolicyLayer.IDENTITY, PolicyLayer.PERMISSIONS_BOUNDARY, PolicyLayer.SESSION_POLICY);

    EvaluationFlow(AuthorizationRequest request, Decision decision) {
        addClassName("eval-flow");
        Div steps = new Div();
        steps.addClassName("eval-flow-steps");
        int n = 1;
        for (PolicyLayer layer : ORDER) {
            steps.add(layer(n++, layer, present(request, layer), decision));
        }
        add(steps);
        Div verdict = new Div();
        verdict.addClassName("eval-flow-verdict");
        Span outcome = new Span(t("decision.outcome." + decision.decision().name()));
        outcome.getElement().getThemeList().add(decision.allowed() ? "badge success" : "badge error");
        verdict.add(outcome, new Span(t("decision.layer",
                t("decision.layer." + decision.decidingLayer().name()))),
                new Span(DecisionText.reason(decision)));
        if (!decision.missingContextKeys().isEmpty()) {
            verdict.add(new Span(t("decision.missing-keys", String.join(", ", decision.missingContextKeys()))));
        }
        add(verdict);
    }

    private static boolean present(AuthorizationRequest r, PolicyLayer layer) {
        return switch (layer) {
            case SCP -> !r.scps().isEmpty();
            case RCP -> !r.rcps().isEmpty();
            case RESOURCE_POLICY -> r.resourcePolicy() != null;
            case IDENTITY -> !r.identityPolicies().isEmpty();
            case PERMISSIONS_BOUNDARY -> r.permissionsBoundary() != null;
            case SESSION_POLICY -> r.sessionPolicy() != null;
            case ROOT_USER, AWS_MANAGED -> false;
        };
    }

    /** The condition a statement missed on, with the policy's and the request's values; empty for other misses. */
    static String condition(StatementMiss m) {
        return m.condition() == null ? "" : t("sim.flow.condition",
                m.condition().operator(), m.condition().key(), String.join(", ", m.condition().policyValues()),
                m.condition().requestValues() == null ? t("sim.flow.key-absent")
                        : String.join(", ", m.condition().requestValues()));
    }

    private Div layer(int number, PolicyLayer layer, boolean present, Decision decision) {
        Div box = new Div();
        box.addClassName("eval-layer");
        box.addClassName("eval-layer-" + layer.name().toLowerCase().replace('_', '-'));
        Span title = new Span(t("sim.flow.layer", number, t("decision.layer." + layer.name())));
        title.addClassName("eval-layer-title");
        Span state = new Span();
        List<MatchedStatement> matched = decision.matchedStatements().stream().filter(m -> m.layer() == layer).toList();
        List<StatementMiss> missed = decision.notMatchedStatements().stream().filter(m -> m.layer() == layer).toList();
        if (decision.decidingLayer() == layer) {
            state.setText(t("sim.flow.decided-here"));
            state.getElement().getThemeList().add(decision.allowed() ? "badge success" : "badge error");
            box.addClassName("eval-layer-deciding");
        } else if (!present) {
            state.setText(t("sim.flow.absent"));
            state.getElement().getThemeList().add("badge contrast");
            box.addClassName("eval-layer-absent");
        } else {
            state.setText(t("sim.flow.evaluated"));
            state.getElement().getThemeList().add("badge");
        }
        Div head = new Div(title, state);
        head.addClassName("eval-layer-head");
        box.add(head);
        if (!matched.isEmpty() || !missed.isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (MatchedStatement m : matched) {
                ListItem li = new ListItem(new Span(t("sim.flow.matched", DecisionText.policy(m.policyId()),
                        m.statementIndex() + 1,
                        m.sid() == null ? "-" : m.sid(), m.effect().awsName())));
                li.addClassName(m.effect() == Effect.DENY ? "eval-deny" : "eval-allow");
                list.add(li);
            }
            for (StatementMiss m : missed) {
                ListItem li = new ListItem(new Span(t("sim.flow.missed", DecisionText.policy(m.policyId()),
                        m.statementIndex() + 1,
                        m.sid() == null ? "-" : m.sid(), m.effect() == null ? "-" : m.effect().awsName(),
                        t("decision.miss." + m.reason().name()), condition(m))));
                li.addClassName("eval-miss");
                list.add(li);
            }
            box.add(list);
        } else if (present) {
            box.add(new Span(t("sim.flow.no-statements")));
        }
        return box;
    }
}
