package org.iamdojo.ui.console;

import static org.iamdojo.ui.console.ConsoleUi.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Function;
import org.iamdojo.iam.eval.Decision;

/** The engine's decision trace for one request: the deciding layer, matched statements and why others missed. */
public final class DecisionDialog extends Dialog {

    public DecisionDialog(Decision decision) {
        setHeaderTitle(t("decision.title", t("decision.outcome." + decision.decision().name())));
        setId("decision-dialog");
        setWidth("min(720px, 95vw)");
        Div body = new Div();
        body.addClassName("decision-trace");
        body.add(new Paragraph(t("decision.layer",
                t("decision.layer." + decision.decidingLayer().name()))));
        Paragraph reason = new Paragraph(DecisionText.reason(decision));
        reason.setId("decision-reason");
        body.add(reason);
        statements(body, "decision.matched", decision.matchedStatements(), m -> t("decision.statement",
                DecisionText.policy(m.policyId()), m.statementIndex() + 1, m.sid() == null ? "-" : m.sid(),
                m.effect().awsName(), t("decision.layer." + m.layer().name())));
        statements(body, "decision.not-matched", decision.notMatchedStatements(), m -> t("decision.miss",
                DecisionText.policy(m.policyId()), m.statementIndex() + 1, m.sid() == null ? "-" : m.sid(),
                t("decision.miss." + m.reason().name()), EvaluationFlow.condition(m)));
        if (!decision.missingContextKeys().isEmpty()) {
            body.add(new Paragraph(t("decision.missing-keys", String.join(", ", decision.missingContextKeys()))));
        }
        add(body);
        Button close = new Button(t("console.close"), e -> close());
        getFooter().add(close);
    }

    /** Under a heading, one line per statement of a policy that took part (none: nothing is added). */
    private static <T> void statements(Div body, String headingKey, List<T> statements, Function<T, String> line) {
        if (statements.isEmpty()) {
            return;
        }
        body.add(new Paragraph(t(headingKey)));
        UnorderedList list = new UnorderedList();
        statements.forEach(m -> list.add(new ListItem(new Span(line.apply(m)))));
        body.add(list);
    }
}
