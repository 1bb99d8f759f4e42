package org.iamdojo.ui.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import org.iamdojo.scenario.GradeReport;
import org.iamdojo.ui.i18n.Texts;

/**
 * The smallest fix of a failed least-privilege check, in the check's "Why?": each changed statement of each policy
 * before → after, the call that will make the change, and an "Apply this fix" button. Nothing is changed until the
 * learner presses it; the change then goes through the sandbox like any other call of the learner.
 */
final class FixSuggestion extends Div {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The suggestion; {@code apply} runs when the learner presses "Apply this fix". */
    FixSuggestion(GradeReport.Fix fix, String actingAs, Runnable apply) {
        addClassName("fix-suggestion");
        setId("fix-suggestion");
        if (!fix.found()) {
            Paragraph none = new Paragraph(getTranslation("fix.none", Texts.of(fix.note())));
            none.setId("fix-none");
            none.addClassName("dojo-muted");
            add(none);
            return;
        }
        add(new Paragraph(getTranslation("fix.heading")));
        for (GradeReport.FixChange c : fix.changes()) {
            GradeReport.FixCall call = fix.calls().get(c.call());
            Div change = new Div();
            change.addClassName("fix-change");
            String sid = c.sid() == null ? "" : " (" + c.sid() + ")";
            Paragraph what = new Paragraph(getTranslation("fix.statement", c.statement(), sid, policyLabel(call),
                    getTranslation("fix.kind." + c.kind())));
            what.addClassName("fix-what");
            Div before = column("fix.before", pretty(c.before()), "fix-before");
            String after = c.after().isEmpty() ? getTranslation("fix.removed")
                    : String.join(",\n", c.after().stream().map(FixSuggestion::pretty).toList());
            Div afterColumn = column("fix.after", after, "fix-after");
            Div diff = new Div(before, new Span("→"), afterColumn);
            diff.addClassName("fix-diff");
            change.add(what, diff);
            add(change);
        }
        for (GradeReport.FixCall call : fix.calls()) {
            Paragraph how = new Paragraph(getTranslation("fix.call", call.operation(), policyLabel(call), actingAs));
            how.addClassNames("fix-call", "dojo-muted");
            add(how);
        }
        Paragraph proved = new Paragraph(getTranslation("fix.proved"));
        proved.addClassName("dojo-muted");
        Button button = new Button(getTranslation("fix.apply"), e -> apply.run());
        button.setId("apply-fix");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add(proved, button);
    }

    private Div column(String titleKey, String json, String className) {
        Span title = new Span(getTranslation(titleKey));
        title.addClassName("fix-column-title");
        Pre pre = new Pre(json);
        pre.addClassName("fix-json");
        Div column = new Div(title, pre);
        column.addClassName(className);
        return column;
    }

    /** "group testers, inline policy TestersAccess" and the like, from the call that changes the policy. */
    private String policyLabel(GradeReport.FixCall call) {
        Map<String, String> p = call.params();
        return switch (call.operation()) {
            case "PutUserPolicy" -> getTranslation("fix.policy.user", p.get("UserName"), p.get("PolicyName"));
            case "PutGroupPolicy" -> getTranslation("fix.policy.group", p.get("GroupName"), p.get("PolicyName"));
            case "PutRolePolicy" -> getTranslation("fix.policy.role", p.get("RoleName"), p.get("PolicyName"));
            default -> getTranslation("fix.policy.managed", p.get("PolicyArn"));
        };
    }

    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
