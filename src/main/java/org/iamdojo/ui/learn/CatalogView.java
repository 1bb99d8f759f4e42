package org.iamdojo.ui.learn;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.training.attempt.AttemptRecord;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptStatus;
import org.iamdojo.ui.practice.Topics;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/**
 * The scenario catalog: cards with level, minutes, certification topics and the learner's status; filter by
 * level and topic, search by title. Admins also see the scenario, question and path files that failed to load,
 * with the reasons, and can reload them all without a restart.
 */
@Route(value = Routes.SCENARIOS, layout = MainLayout.class)
@PermitAll
public class CatalogView extends Div implements HasDynamicTitle {
    private static final String ALL = "";
    private final ScenarioCatalog catalog;
    private final PracticeCatalog practice;
    private final AttemptService attempts;
    private final String username;
    private final boolean admin;
    private final TextField search = new TextField();
    private final Select<String> level = new Select<>();
    private final Select<String> topic = new Select<>();
    private final Div cards = new Div();
    private final Div problems = new Div();

    public CatalogView(ScenarioCatalog catalog, PracticeCatalog practice, AttemptService attempts,
                       AuthenticationContext authentication) {
        this.catalog = catalog;
        this.practice = practice;
        this.attempts = attempts;
        this.username = authentication.getPrincipalName().orElse("");
        this.admin = authentication.hasRole("ADMIN");
        addClassName("dojo-page");
        H1 title = new H1(getTranslation("catalog.title"));
        Paragraph intro = new Paragraph(getTranslation("catalog.intro"));
        intro.addClassName("dojo-muted");

        search.setLabel(getTranslation("catalog.search"));
        search.setId("catalog-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> render());
        level.setLabel(getTranslation("catalog.level"));
        level.setId("catalog-level");
        level.setItems(ALL, "BEGINNER", "INTERMEDIATE", "ADVANCED");
        level.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("catalog.all") : getTranslation("level." + l));
        level.setValue(ALL);
        level.addValueChangeListener(e -> render());
        topic.setLabel(getTranslation("catalog.topic"));
        topic.setId("catalog-topic");
        topic.setItemLabelGenerator(t -> t.isEmpty() ? getTranslation("catalog.all")
                : Topics.label(this, t));
        topic.addValueChangeListener(e -> render());
        Div filters = new Div(search, level, topic);
        filters.addClassName("catalog-filters");
        cards.addClassName("catalog-cards");
        cards.setId("catalog-cards");
        add(title, intro, filters, cards);
        if (admin) {
            Button reload = new Button(getTranslation("catalog.reload"), e -> {
                // Questions and paths follow: the practice catalog reloads after the scenarios it links to.
                catalog.reload();
                render();
            });
            reload.setId("catalog-reload");
            reload.addThemeVariants(ButtonVariant.LUMO_SMALL);
            problems.addClassName("catalog-problems");
            add(reload, problems);
        }
        render();
    }

    private void render() {
        List<Scenario> all = catalog.scenarios();
        TreeSet<String> topics = all.stream().flatMap(s -> s.tags().stream()).collect(Collectors.toCollection(TreeSet::new));
        if (topic.getListDataView().getItemCount() != topics.size() + 1) {
            String keep = topic.getValue();
            List<String> items = new ArrayList<>();
            items.add(ALL);
            items.addAll(topics);
            topic.setItems(items);
            topic.setValue(keep == null || !items.contains(keep) ? ALL : keep);
        }
        Map<String, AttemptRecord> latest = attempts.history(username).stream()
                .filter(a -> a.status() != AttemptStatus.RESET)
                .collect(Collectors.toMap(AttemptRecord::scenarioId, Function.identity(), (a, b) -> a));
        Map<String, Integer> best = attempts.history(username).stream().filter(a -> a.bestScore() != null)
                .collect(Collectors.toMap(AttemptRecord::scenarioId, AttemptRecord::bestScore, Math::max));
        Locale locale = getLocale();
        String query = search.getValue() == null ? "" : search.getValue().trim().toLowerCase(locale);
        cards.removeAll();
        all.stream()
                .filter(s -> level.getValue() == null || level.getValue().isEmpty() || s.level().name().equals(level.getValue()))
                .filter(s -> topic.getValue() == null || topic.getValue().isEmpty() || s.tags().contains(topic.getValue()))
                .filter(s -> query.isEmpty() || s.title().in(locale).toLowerCase(locale).contains(query)
                        || s.title().en().toLowerCase(Locale.ROOT).contains(query))
                .sorted(Comparator.comparing((Scenario s) -> s.level().ordinal()).thenComparing(s -> s.title().in(locale)))
                .forEach(s -> cards.add(card(s, latest.get(s.id()), best.get(s.id()))));
        if (cards.getComponentCount() == 0) {
            cards.add(new Paragraph(getTranslation("catalog.none")));
        }
        if (admin) {
            problems.removeAll();
            List<ScenarioCatalog.Unavailable> broken = new ArrayList<>(catalog.unavailable());
            broken.addAll(practice.unavailable());
            for (ScenarioCatalog.Unavailable u : broken) {
                Div box = new Div(new H2(getTranslation("catalog.unavailable", u.file())));
                UnorderedList reasons = new UnorderedList();
                u.problems().forEach(p -> reasons.add(new ListItem(p.format())));
                box.add(reasons);
                box.addClassName("catalog-problem");
                problems.add(box);
            }
        }
    }

    private Div card(Scenario s, AttemptRecord attempt, Integer bestScore) {
        Locale locale = getLocale();
        Div card = new Div();
        card.addClassName("scenario-card");
        card.setId("scenario-" + s.id());
        Span levelBadge = new Span(getTranslation("level." + s.level().name()));
        levelBadge.addClassNames("dojo-badge", "level-" + s.level().name().toLowerCase(Locale.ROOT));
        Span minutes = new Span(getTranslation("catalog.minutes", s.minutes() == null ? 0 : s.minutes()));
        minutes.addClassName("dojo-muted");
        Div meta = new Div(levelBadge, minutes);
        meta.addClassName("scenario-meta");
        H2 title = new H2(s.title().in(locale));
        Div tags = new Div();
        tags.addClassName("scenario-tags");
        s.tags().forEach(t -> {
            Span tag = new Span(Topics.label(this, t));
            tag.addClassName("scenario-tag");
            tags.add(tag);
        });
        String statusKey = attempt == null ? "catalog.status.not-started"
                : attempt.status() == AttemptStatus.COMPLETED ? "catalog.status.completed" : "catalog.status.in-progress";
        Span status = new Span(bestScore == null ? getTranslation(statusKey)
                : getTranslation("catalog.status.best", getTranslation(statusKey), bestScore, s.maxPoints()));
        status.addClassName("scenario-status");
        Button open = new Button(getTranslation(attempt == null ? "catalog.start" : "catalog.continue"),
                e -> UI.getCurrent().navigate("play/" + s.id()));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setId("open-" + s.id());
        card.add(meta, title, tags, status, open);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.page-title");
    }
}
