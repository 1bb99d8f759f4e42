package org.iamdojo.ui.practice;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.ExamGrader;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.practice.ExamRecord;
import org.iamdojo.training.practice.PracticeService;
import org.iamdojo.ui.shell.MainLayout;

/**
 * The result of a finished exam ({@code exam-result/<id>}, owner only): the score, the per-topic breakdown, what to
 * practise next for the weak topics, and each question with the learner's answer and the explanation.
 */
@Route(value = "exam-result", layout = MainLayout.class)
@PermitAll
public class ExamResultView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private final PracticeService service;
    private final PracticeCatalog practice;
    private final ScenarioCatalog scenarios;
    private final String username;

    public ExamResultView(PracticeService service, PracticeCatalog practice, ScenarioCatalog scenarios,
                          AuthenticationContext authentication) {
        this.service = service;
        this.practice = practice;
        this.scenarios = scenarios;
        this.username = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "exam-result");
    }

    @Override
    public void setParameter(BeforeEvent event, String examId) {
        PracticeService.ExamOutcome outcome = service.result(username, examId).orElseThrow(NotFoundException::new);
        render(outcome);
    }

    private void render(PracticeService.ExamOutcome outcome) {
        removeAll();
        Locale locale = getLocale();
        ExamRecord exam = outcome.exam();
        String pathTitle = practice.path(exam.certification()).map(p -> p.title().in(locale)).orElse(exam.certification());
        int percent = exam.maxScore() == null || exam.maxScore() == 0 ? 0 : exam.score() * 100 / exam.maxScore();
        H2 score = new H2(getTranslation("result.score", exam.score(), exam.maxScore(), percent));
        score.setId("exam-score");
        Map<String, Set<Integer>> answers = service.examAnswers(username, exam.id());
        int asked = 0;
        int rightCount = 0;
        for (String id : exam.questionIds()) {
            Question q = practice.question(id).orElse(null);
            if (q != null) {
                asked++;
                rightCount += q.isAnsweredBy(answers.getOrDefault(id, Set.of())) ? 1 : 0;
            }
        }
        int total = exam.score() == null ? 0 : exam.score();
        int max = exam.maxScore() == null ? 0 : exam.maxScore();
        Paragraph parts = new Paragraph(getTranslation("result.score-parts", rightCount, asked,
                Math.max(0, total - rightCount), Math.max(0, max - asked)));
        parts.setId("exam-score-parts");
        parts.addClassName("dojo-muted");
        Span when = new Span(getTranslation("result.finished-at", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(exam.finishedAt())));
        when.addClassName("dojo-muted");

        Div topics = new Div(new H2(getTranslation("result.topics")));
        topics.setId("exam-topics");
        topics.addClassName("exam-topics");
        for (ExamGrader.TopicScore t : exam.topics()) {
            Div row = new Div();
            row.addClassNames("topic-row", t.weak() ? "weak" : "strong");
            Span name = new Span(Topics.label(this, t.topic()));
            name.addClassName("topic-name");
            ProgressBar bar = new ProgressBar(0, 1, t.rate());
            bar.getElement().setAttribute("aria-label", Topics.label(this, t.topic()));
            Span value = new Span(getTranslation("result.topic-score", t.earned(), t.max()));
            row.add(name, bar, value);
            topics.add(row);
        }

        Div next = new Div(new H2(getTranslation("result.next")));
        next.setId("exam-next-steps");
        next.addClassName("exam-next-steps");
        if (outcome.practiseNext().isEmpty()) {
            next.add(new Paragraph(getTranslation("result.no-weak")));
        }
        for (ExamGrader.Recommendation r : outcome.practiseNext()) {
            Div box = new Div(new Span(Topics.label(this, r.topic())));
            box.addClassName("recommendation");
            Div links = new Div();
            links.addClassName("question-links");
            r.scenarioIds().forEach(id -> scenarios.scenario(id).ifPresent(s ->
                    links.add(new Anchor(Links.play(id), getTranslation("result.do-scenario", s.title().in(locale))))));
            if (!r.questionIds().isEmpty()) {
                links.add(new Anchor(Links.practice(exam.certification()),
                        getTranslation("result.do-questions", r.questionIds().size())));
            }
            box.add(links);
            next.add(box);
        }

        Div review = new Div(new H2(getTranslation("result.review")));
        review.addClassName("exam-review");
        int n = 0;
        for (String id : exam.questionIds()) {
            Question q = practice.question(id).orElse(null);
            if (q == null) {
                continue;
            }
            n++;
            Set<Integer> chosen = answers.getOrDefault(id, Set.of());
            boolean right = q.isAnsweredBy(chosen);
            Div item = new Div();
            item.addClassNames("check-row", right ? "passed" : "failed");
            Span mark = new Span(getTranslation(right ? "player.check.pass" : "player.check.fail"));
            Span text = new Span(getTranslation("result.question", n, q.question().in(locale)));
            Paragraph yours = new Paragraph(getTranslation("result.your-answer", chosen.isEmpty()
                    ? getTranslation("result.no-answer") : options(q, chosen, locale)));
            yours.addClassName("check-explanation");
            Paragraph correct = new Paragraph(getTranslation("result.correct-answer", options(q, q.correctOptions(), locale)));
            correct.addClassName("check-explanation");
            Paragraph why = new Paragraph(q.explanation().in(locale));
            why.addClassName("check-explanation");
            item.add(mark, text, yours, correct, why);
            review.add(item);
        }

        Button back = new Button(getTranslation("result.back", exam.certification()),
                e -> UI.getCurrent().navigate(Links.practice(exam.certification())));
        back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.setId("back-to-path");
        Button history = new Button(getTranslation("result.history"), e -> UI.getCurrent().navigate(HistoryView.class));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(back, history);
        actions.addClassName("player-actions");
        add(new H1(getTranslation("result.title", pathTitle)), score, parts, when, topics, next, review, actions);
    }

    private static String options(Question q, Set<Integer> chosen, Locale locale) {
        return String.join(" · ", chosen.stream().sorted().map(i -> q.options().get(i).text().in(locale)).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("result.page-title");
    }
}
