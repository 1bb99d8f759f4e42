package org.iamdojo.ui.practice;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import org.iamdojo.scenario.practice.ExamGuide;
import org.iamdojo.scenario.practice.PracticePlan;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.PracticePath;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.practice.PracticeService;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/**
 * Practice paths: without a parameter, one card per certification with the learner's progress; with one
 * ({@code practice/SAA-C03}), what to practise next (ordered by the learner's weak task statements of the exam guide)
 * and the path's scenarios and questions in order, answerable in place.
 */
@Route(value = Routes.PRACTICE, layout = MainLayout.class)
@PermitAll
public class PracticeView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final PracticeService service;
    private final PracticeCatalog practice;
    private final ScenarioCatalog scenarios;
    private final String username;
    private String title = "";
    /** How many suggestions the "practise next" panel shows. */
    static final int NEXT_SHOWN = 5;
    private final Div next = new Div();
    private final Map<String, QuestionCard> cards = new HashMap<>();

    public PracticeView(PracticeService service, PracticeCatalog practice, ScenarioCatalog scenarios,
                        AuthenticationContext authentication) {
        this.service = service;
        this.practice = practice;
        this.scenarios = scenarios;
        this.username = authentication.getPrincipalName().orElse("");
        addClassName("dojo-page");
        addClassName("practice");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String certification) {
        removeAll();
        if (certification == null || certification.isBlank()) {
            overview();
        } else {
            PracticePath path = practice.path(certification).orElseThrow(NotFoundException::new);
            path(path);
        }
    }

    private void overview() {
        title = getTranslation("practice.title");
        Paragraph intro = new Paragraph(getTranslation("practice.intro"));
        intro.addClassName("dojo-muted");
        Div cards = new Div();
        cards.addClassName("catalog-cards");
        cards.setId("practice-paths");
        Locale locale = getLocale();
        for (PracticePath p : practice.paths()) {
            PracticeService.PathProgress progress = service.progress(username, p.certification());
            Div card = new Div();
            card.addClassName("scenario-card");
            card.setId("path-" + p.certification());
            Span code = new Span(p.certification());
            code.addClassNames("dojo-badge", "level-intermediate");
            H2 name = new H2(p.title().in(locale));
            Paragraph summary = new Paragraph(p.summary().in(locale));
            summary.addClassName("dojo-muted");
            Div actions = new Div(openButton(p), examButton(p));
            actions.addClassName("player-actions");
            card.add(code, name, summary, progressBar(progress), actions);
            cards.add(card);
        }
        add(new H1(title), intro, cards);
    }

    private void path(PracticePath path) {
        Locale locale = getLocale();
        title = path.title().in(locale);
        PracticeService.PathProgress progress = service.progress(username, path.certification());
        Button all = new Button(getTranslation("practice.all-paths"), e -> UI.getCurrent().navigate(PracticeView.class));
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        all.setId("all-paths");
        Paragraph summary = new Paragraph(path.summary().in(locale));
        summary.addClassName("dojo-muted");
        Div head = new Div(progressBar(progress), examButton(path));
        head.addClassName("practice-head");
        Div items = new Div();
        items.addClassName("practice-items");
        items.setId("practice-items");
        cards.clear();
        next.removeAll();
        next.setId("practice-next");
        next.addClassName("practice-next");
        int questionNo = 0;
        long questionCount = path.items().stream().filter(i -> !i.isScenario()).count();
        for (PracticeService.ItemProgress item : progress.items()) {
            if (item.item().isScenario()) {
                scenarios.scenario(item.item().scenario()).ifPresent(s -> items.add(scenarioRow(s, item)));
            } else {
                Question q = practice.question(item.item().question()).orElse(null);
                if (q != null) {
                    questionNo++;
                    items.add(questionCard(path, q, getTranslation("practice.question-n", questionNo, questionCount), item));
                }
            }
        }
        add(all, new H1(title), summary, head, next, items);
        showNext(path);
    }

    /**
     * The "practise next" panel: the learner's weak task statements of the guide (from wrong answers and failed
     * scenario checks) and the first unfinished items ordered by them. Refreshed after every checked answer.
     */
    private void showNext(PracticePath path) {
        next.removeAll();
        Locale locale = getLocale();
        PracticePlan.Plan plan = service.plan(username, path.certification());
        ExamGuide guide = practice.guide(path.certification()).orElse(null);
        next.add(new H2(getTranslation("practice.next.title")));
        if (plan.weak().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("practice.next.no-weak"));
            none.addClassName("dojo-muted");
            none.setId("practice-no-weak");
            next.add(none);
        } else {
            Div weak = new Div(new Span(getTranslation("practice.next.weak-heading")));
            weak.addClassName("practice-weak");
            weak.setId("practice-weak");
            for (PracticePlan.TaskScore t : plan.weak()) {
                Span task = new Span(getTranslation("practice.next.weak-task", taskLabel(path, guide, t.task(), locale),
                        Math.round(t.rate() * 100)));
                task.addClassName("weak-task");
                task.setId("weak-task-" + t.task().replace('.', '-'));
                weak.add(task);
            }
            next.add(weak);
        }
        List<PracticePlan.Suggestion> first = plan.next().stream().limit(NEXT_SHOWN).toList();
        if (first.isEmpty()) {
            next.add(new Paragraph(getTranslation("practice.next.done")));
            return;
        }
        OrderedList list = new OrderedList();
        list.setId("practice-next-items");
        for (PracticePlan.Suggestion s : first) {
            ListItem li = new ListItem();
            li.addClassName("next-item");
            if (s.item().isScenario()) {
                String name = scenarios.scenario(s.item().scenario()).map(sc -> sc.title().in(locale)).orElse(s.item().scenario());
                Anchor open = new Anchor(Links.play(s.item().scenario()), getTranslation("practice.next.scenario", name));
                open.setId("next-scenario-" + s.item().scenario());
                li.add(open);
            } else {
                Question q = practice.question(s.item().question()).orElse(null);
                if (q == null) {
                    continue;
                }
                Button go = new Button(getTranslation("practice.next.question", shorten(q.question().in(locale))), e -> {
                    QuestionCard card = cards.get(q.id());
                    if (card != null) {
                        card.expand();
                        card.scrollIntoView();
                    }
                });
                go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                go.setId("next-question-" + q.id());
                li.add(go);
            }
            String task = s.task() == null ? null : taskLabel(path, guide, s.task(), locale);
            Span why = new Span(switch (s.reason()) {
                case WEAK -> getTranslation("practice.next.reason.weak", task);
                case UNTRIED -> getTranslation("practice.next.reason.untried", task);
                case NEXT -> getTranslation("practice.next.reason.next");
            });
            why.addClassName("next-reason");
            li.add(why);
            list.add(li);
        }
        next.add(list);
    }

    // "SCS-C02 4.2 Design, implement, and troubleshoot authorization for AWS resources."
    private static String taskLabel(PracticePath path, ExamGuide guide, String task, Locale locale) {
        String title = guide == null ? "" : guide.task(task).map(t -> " " + t.text().in(locale).replaceAll("[.]$", ""))
                .orElse("");
        return path.certification() + " " + task + title;
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "…";
    }

    private Div scenarioRow(Scenario s, PracticeService.ItemProgress item) {
        Div row = new Div();
        row.addClassName("practice-scenario");
        row.setId("path-scenario-" + s.id());
        if (item.done()) {
            row.addClassName("done");
        }
        Span kind = new Span(getTranslation("practice.scenario"));
        kind.addClassName("question-label");
        H2 name = new H2(s.title().in(getLocale()));
        String status = item.bestScore() == null ? getTranslation("practice.not-attempted")
                : getTranslation("practice.best-score", item.bestScore(), item.maxScore());
        Span state = new Span(item.done() ? getTranslation("practice.passed", status) : status);
        state.addClassName("scenario-status");
        Button open = new Button(getTranslation(item.bestScore() == null ? "catalog.start" : "catalog.continue"),
                e -> UI.getCurrent().navigate(Links.play(s.id())));
        open.setId("path-open-" + s.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        row.add(kind, name, state, open);
        return row;
    }

    private QuestionCard questionCard(PracticePath path, Question q, String label, PracticeService.ItemProgress item) {
        QuestionCard card = new QuestionCard(q, label, "practice/" + username, Set.of(), chosen -> { },
                chosen -> {
                    boolean right = service.answer(username, q.id(), chosen);
                    showNext(path);
                    return right;
                },
                id -> scenarios.scenario(id).map(s -> s.title().in(getLocale())).orElse(id), true);
        cards.put(q.id(), card);
        if (item.lastAnswerCorrect() != null) {
            card.addClassName(item.lastAnswerCorrect() ? "answered-right" : "answered-wrong");
        }
        return card;
    }

    private Div progressBar(PracticeService.PathProgress progress) {
        int total = progress.items().size();
        ProgressBar bar = new ProgressBar(0, Math.max(1, total), progress.done());
        bar.getElement().setAttribute("aria-label", getTranslation("practice.progress-label"));
        Span text = new Span(getTranslation("practice.progress", progress.done(), total));
        text.addClassName("practice-progress-text");
        text.setId("progress-" + progress.path().certification());
        Div box = new Div(text, bar);
        box.addClassName("practice-progress");
        return box;
    }

    private Button openButton(PracticePath p) {
        Button open = new Button(getTranslation("practice.open"), e -> UI.getCurrent().navigate(Links.practice(p.certification())));
        open.setId("open-path-" + p.certification());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return open;
    }

    private Button examButton(PracticePath p) {
        Button exam = new Button(getTranslation("practice.exam", p.exam().minutes()),
                e -> UI.getCurrent().navigate(Links.exam(p.certification())));
        exam.setId("exam-" + p.certification());
        return exam;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("practice.page-title", title);
    }
}
