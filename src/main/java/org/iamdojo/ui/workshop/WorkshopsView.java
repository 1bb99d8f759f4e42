package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/** An instructor's own workshops (never anyone else's), with their join codes and a way to create one. */
@Route(value = Routes.WORKSHOPS, layout = MainLayout.class)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class WorkshopsView extends Div implements HasDynamicTitle {

    /** The list for the signed-in instructor. */
    public WorkshopsView(WorkshopService workshops, AuthenticationContext authentication) {
        String me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "workshops");
        H1 title = new H1(getTranslation("workshops.title"));
        Paragraph intro = new Paragraph(getTranslation("workshops.intro"));
        intro.addClassName("dojo-muted");
        Button create = new Button(getTranslation("workshops.create"),
                e -> UI.getCurrent().navigate(WorkshopCreateView.class));
        create.setId("new-workshop");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Grid<Workshop> grid = new Grid<>(Workshop.class, false);
        grid.setId("my-workshops");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Workshop::title).setKey("title").setHeader(getTranslation("workshops.column.title"))
                .setFlexGrow(1);
        grid.addComponentColumn(w -> {
            Span code = new Span(w.joinCode());
            code.addClassName("join-code-small");
            return code;
        }).setKey("code").setHeader(getTranslation("workshops.column.code")).setAutoWidth(true);
        grid.addColumn(w -> Formats.dateTime(w.startsAt(), getLocale())).setKey("starts")
                .setHeader(getTranslation("workshops.column.starts")).setAutoWidth(true);
        grid.addColumn(w -> Formats.dateTime(w.endsAt(), getLocale())).setKey("ends")
                .setHeader(getTranslation("workshops.column.ends")).setAutoWidth(true);
        grid.addColumn(w -> w.scenarioIds().size()).setKey("scenarios")
                .setHeader(getTranslation("workshops.column.scenarios")).setAutoWidth(true);
        grid.addComponentColumn(w -> {
            Button board = new Button(getTranslation("workshops.open-board"),
                    e -> UI.getCurrent().navigate(WorkshopBoardView.class, w.id()));
            board.addThemeVariants(ButtonVariant.LUMO_SMALL);
            board.setId("board-" + w.joinCode());
            return board;
        }).setKey("board").setHeader(getTranslation("workshops.column.board")).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        var mine = workshops.mine(me);
        grid.setItems(mine);
        Paragraph empty = new Paragraph(getTranslation("workshops.empty"));
        empty.addClassName("dojo-muted");
        empty.setVisible(mine.isEmpty());
        add(title, intro, create, empty, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshops.page-title");
    }
}
