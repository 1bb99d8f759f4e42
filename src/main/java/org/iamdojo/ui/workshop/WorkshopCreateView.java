package org.iamdojo.ui.workshop;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.shell.MainLayout;

/** Creates a workshop: title, scenarios in the order chosen, the time window and the rules. */
@Route(value = "workshops/new", layout = MainLayout.class)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class WorkshopCreateView extends Div implements HasDynamicTitle {
    private final WorkshopService workshops;
    private final String me;
    private final TextField title = new TextField();
    private final ComboBox<Scenario> picker = new ComboBox<>();
    private final OrderedList chosenList = new OrderedList();
    private final List<Scenario> chosen = new ArrayList<>();
    private final Paragraph scenariosError = new Paragraph();
    private final DateTimePicker starts = new DateTimePicker();
    private final DateTimePicker ends = new DateTimePicker();
    private final Checkbox hintsAllowed = new Checkbox();
    private final Checkbox solutionHidden = new Checkbox();

    /** The form for the signed-in instructor. */
    public WorkshopCreateView(WorkshopService workshops, ScenarioCatalog catalog, AuthenticationContext authentication) {
        this.workshops = workshops;
        this.me = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "workshop-create");
        H1 heading = new H1(getTranslation("workshop.create.title"));

        title.setId("workshop-title");
        title.setLabel(getTranslation("workshop.create.name"));
        title.setMaxLength(200);
        title.setWidthFull();

        picker.setId("scenario-picker");
        picker.setLabel(getTranslation("workshop.create.add-scenario"));
        picker.setItems(catalog.scenarios());
        picker.setItemLabelGenerator(s -> s.title().in(getLocale()));
        picker.setWidthFull();
        picker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                if (!chosen.contains(e.getValue())) {
                    chosen.add(e.getValue());
                    renderChosen();
                }
                picker.clear();
            }
        });
        chosenList.setId("chosen-scenarios");
        chosenList.addClassName("workshop-chosen");
        scenariosError.addClassName("workshop-error");
        scenariosError.setVisible(false);

        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.HOURS).plusHours(1);
        starts.setId("workshop-starts");
        starts.setLabel(getTranslation("workshop.create.starts"));
        starts.setValue(now);
        starts.setLocale(getLocale());
        ends.setId("workshop-ends");
        ends.setLabel(getTranslation("workshop.create.ends"));
        ends.setValue(now.plusHours(2));
        ends.setLocale(getLocale());

        hintsAllowed.setId("rule-hints");
        hintsAllowed.setLabel(getTranslation("workshop.create.hints-allowed"));
        hintsAllowed.setValue(true);
        solutionHidden.setId("rule-solution-hidden");
        solutionHidden.setLabel(getTranslation("workshop.create.solution-hidden"));

        Button create = new Button(getTranslation("workshop.create.submit"), e -> submit());
        create.setId("create-workshop");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div times = new Div(starts, ends);
        times.addClassName("workshop-times");
        Div rules = new Div(hintsAllowed, solutionHidden);
        rules.addClassName("workshop-rules");
        Div form = new Div(title, picker, chosenList, scenariosError, times, rules, create);
        form.addClassNames("dojo-form", "workshop-form");
        add(heading, form);
        renderChosen();
    }

    /** Adds a scenario by id (the form's combo box does the same; tests use this). */
    void choose(Scenario scenario) {
        picker.setValue(scenario);
    }

    private void renderChosen() {
        chosenList.removeAll();
        if (chosen.isEmpty()) {
            Span none = new Span(getTranslation("workshop.create.no-scenarios"));
            none.addClassName("dojo-muted");
            chosenList.add(new ListItem(none));
        }
        for (int i = 0; i < chosen.size(); i++) {
            Scenario s = chosen.get(i);
            int index = i;
            Span name = new Span(s.title().in(getLocale()));
            Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> {
                chosen.remove(index);
                chosen.add(index - 1, s);
                renderChosen();
            });
            up.setAriaLabel(getTranslation("workshop.create.move-up"));
            up.setEnabled(i > 0);
            up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                chosen.remove(index);
                renderChosen();
            });
            remove.setAriaLabel(getTranslation("workshop.create.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            ListItem item = new ListItem(name, up, remove);
            item.addClassName("workshop-chosen-item");
            chosenList.add(item);
        }
    }

    private void submit() {
        title.setInvalid(false);
        scenariosError.setVisible(false);
        ends.setInvalid(false);
        ZoneId zone = ZoneId.systemDefault();
        try {
            Workshop w = workshops.create(me, new WorkshopService.Draft(title.getValue(),
                    chosen.stream().map(Scenario::id).toList(),
                    starts.getValue() == null ? null : starts.getValue().atZone(zone).toInstant(),
                    ends.getValue() == null ? null : ends.getValue().atZone(zone).toInstant(),
                    hintsAllowed.getValue(), solutionHidden.getValue()));
            UI.getCurrent().navigate(WorkshopBoardView.class, w.id());
        } catch (WorkshopService.InvalidWorkshopException e) {
            String message = getTranslation(e.messageKey());
            switch (e.messageKey()) {
                case "workshop.error.title" -> {
                    title.setErrorMessage(message);
                    title.setInvalid(true);
                }
                case "workshop.error.times" -> {
                    ends.setErrorMessage(message);
                    ends.setInvalid(true);
                }
                default -> {
                    scenariosError.setText(message);
                    scenariosError.setVisible(true);
                }
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workshop.create.page-title");
    }
}
