package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.training.workshop.Board;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.learn.PlayerView;
import org.iamdojo.ui.shell.MainLayout;

/** A workshop as its participant sees it: the rules and the scenarios in order, each opening the player. */
@Route(value = "workshop", layout = MainLayout.class)
@PermitAll
public class LearnerWorkshopView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final WorkshopService workshops;
    private final String me;
    private Workshop workshop;

    public LearnerWorkshopView(WorkshopService workshops, AuthenticationContext authentication) {
        this.workshops = workshops;
        this.me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "learner-workshop");
    }

    @Override
    public void setParameter(BeforeEvent event, String workshopId) {
        workshop = workshops.joinedBy(workshopId, me).orElseThrow(NotFoundException::new);
        removeAll();
        Locale locale = getLocale();
        WorkshopHeading.of(this, locale, workshop, "workshop-heading").forEach(this::add);
        add(new H2(getTranslation("learner-workshop.scenarios")));

        List<Scenario> scenarios = workshops.scenarios(workshop);
        List<Board.Cell> progress = workshops.progress(workshop.id(), me);
        OrderedList list = new OrderedList();
        list.setId("workshop-scenarios");
        list.addClassName("learner-workshop-list");
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Board.Cell cell = i < progress.size() ? progress.get(i) : null;
            String status = cell == null ? Board.NOT_STARTED : cell.status();
            Span name = new Span(s.title().in(locale));
            name.addClassName("learner-workshop-title");
            Span badge = new Span(getTranslation("board.status." + status));
            badge.addClassNames("dojo-badge", "status-" + status.toLowerCase(Locale.ROOT));
            Span score = new Span(cell != null && cell.score() != null
                    ? getTranslation("board.cell.score", cell.score(), cell.max()) : "");
            score.addClassName("dojo-muted");
            Button open = new Button(getTranslation(Board.NOT_STARTED.equals(status) ? "catalog.start" : "catalog.continue"),
                    e -> UI.getCurrent().navigate(PlayerView.class, s.id(),
                            QueryParameters.of(PlayerView.WORKSHOP_PARAMETER, workshop.id())));
            open.setId("open-" + s.id());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            ListItem item = new ListItem(name, badge, score, open);
            item.addClassName("learner-workshop-item");
            list.add(item);
        }
        add(list);
    }


    @Override
    public String getPageTitle() {
        return workshop == null ? getTranslation("join.page-title") : workshop.title();
    }
}
