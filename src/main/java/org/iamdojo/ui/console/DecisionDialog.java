package org.iamdojo.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.iamdojo.iam.eval.Decision;
import org.iamdojo.iam.eval.MatchedStatement;
import org.iamdojo.iam.eval.StatementMiss;

/** The engine's decision trace for one request: the deciding layer, matched statements and why others missed. */
public final class DecisionDialog extends Dialog {

    public DecisionDialog(Decision decision) {
        setHeaderTitle(getTranslation("decision.title", getTranslation("decision.outcome." + decision.decision().name())));
        setId("decision-dialog");
        setWidth("min(720px, 95vw)");
        Div body = new Div();
        body.addClassName("decision-trace");
        body.add(new Paragraph(getTranslation("decision.layer",
                getTranslation("decision.layer." + decision.decidingLayer().name()))));
        Paragraph reason = new Paragraph(DecisionText.reason(this, decision));
        reason.setId("decision-reason");
        body.add(reason);
        if (!decision.matchedStatements().isEmpty()) {
            body.add(new Paragraph(getTranslation("decision.matched")));
            UnorderedList list = new UnorderedList();
            for (MatchedStatement m : decision.matchedStatements()) {
                list.add(new ListItem(new Span(getTranslation("decision.statement", DecisionText.policy(this, m.policyId()),
                        m.statementIndex() + 1, m.sid() == null ? "-" : m.sid(), m.effect().awsName(),
                        getTranslation("decision.layer." + m.layer().name())))));
            }
            body.add(list);
        }
        if (!decision.notMatchedStatements().isEmpty()) {
            body.add(new Paragraph(getTranslation("decision.not-matched")));
            UnorderedList list = new UnorderedList();
            for (StatementMiss m : decision.notMatchedStatements()) {
                list.add(new ListItem(new Span(getTranslation("decision.miss", DecisionText.policy(this, m.policyId()),
                        m.statementIndex() + 1, m.sid() == null ? "-" : m.sid(),
                        getTranslation("decision.miss." + m.reason().name()), EvaluationFlow.condition(this, m)))));
            }
            body.add(list);
        }
        if (!decision.missingContextKeys().isEmpty()) {
            body.add(new Paragraph(getTranslation("decision.missing-keys", String.join(", ", decision.missingContextKeys()))));
        }
        add(body);
        Button close = new Button(getTranslation("console.close"), e -> close());
        getFooter().add(close);
    }
}
