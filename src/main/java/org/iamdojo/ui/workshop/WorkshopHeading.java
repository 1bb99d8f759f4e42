package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.iamdojo.training.workshop.Workshop;

/** The top of a workshop page, shared by the board and the learner's view: title, times and rule badges. */
final class WorkshopHeading {
    private WorkshopHeading() {
    }

    /** Title (with its element id), when it runs, and the rules as badges; texts in {@code view}'s language. */
    static List<Component> of(Component view, Locale locale, Workshop workshop, String titleId) {
        H1 title = new H1(workshop.title());
        title.setId(titleId);
        Paragraph when = new Paragraph(view.getTranslation("board.when", Formats.dateTime(workshop.startsAt(), locale),
                Formats.dateTime(workshop.endsAt(), locale)));
        when.addClassName("dojo-muted");
        Div rules = new Div();
        rules.addClassName("board-rules");
        rules.add(badge(view, workshop.hintsAllowed() ? "board.rule.hints-on" : "board.rule.hints-off"));
        rules.add(badge(view, workshop.solutionHiddenUntilEnd() ? "board.rule.solution-hidden" : "board.rule.solution-shown"));
        return List.of(title, when, rules);
    }

    private static Span badge(Component view, String key) {
        Span b = new Span(view.getTranslation(key));
        b.addClassName("dojo-badge");
        return b;
    }
}
