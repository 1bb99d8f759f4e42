package org.iamdojo.ui.practice;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.ExamGrader;
import org.iamdojo.training.attempt.AttemptRecord;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptStatus;
import org.iamdojo.training.practice.ExamRecord;
import org.iamdojo.training.practice.PracticeService;
import org.iamdojo.ui.shell.MainLayout;
import org.iamdojo.ui.shell.Routes;

/** The learner's history: scenario attempts with best and last scores, exam results over time, weak topics. */
@Route(value = Routes.HISTORY, layout = MainLayout.class)
@PermitAll
public class HistoryView extends Div implements HasDynamicTitle {
    private static final int WEAK_SHOWN = 5;

    /** One row per scenario: the latest attempt's status and dates, the best score over all attempts. */
    record ScenarioRow(String scenarioId, String title, String status, Integer best, Integer last, Integer max,
                       int attempts, Instant started, Instant updated) {
    }

    public HistoryView(AttemptService attempts, PracticeService practice, ScenarioCatalog scenarios,
                       AuthenticationContext authentication) {
        String username = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "history");
        Locale locale = getLocale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());

        Map<String, List<AttemptRecord>> byScenario = new LinkedHashMap<>();
        attempts.history(username).forEach(a -> byScenario.computeIfAbsent(a.scenarioId(), k -> new ArrayList<>()).add(a));
        List<ScenarioRow> rows = new ArrayList<>();
        byScenario.forEach((id, list) -> {
            AttemptRecord latest = list.get(0);
            Integer best = list.stream().map(AttemptRecord::bestScore).filter(Objects::nonNull)
                    .max(Integer::compare).orElse(null);
            boolean completed = list.stream().anyMatch(a -> a.status() == AttemptStatus.COMPLETED);
            String title = scenarios.scenario(id).map(s -> s.title().in(locale)).orElse(id);
            rows.add(new ScenarioRow(id, title, (completed ? AttemptStatus.COMPLETED : latest.status()).name(), best, latest.lastScore(),
                    latest.maxScore(), list.size(), list.get(list.size() - 1).startedAt(), latest.updatedAt()));
        });
        Grid<ScenarioRow> attemptGrid = new Grid<>();
        attemptGrid.setId("history-attempts");
        attemptGrid.addColumn(ScenarioRow::title).setHeader(getTranslation("history.scenario")).setFlexGrow(3);
        attemptGrid.addColumn(r -> getTranslation("history.status." + r.status())).setHeader(getTranslation("history.status")).setAutoWidth(true);
        attemptGrid.addColumn(r -> score(r.best(), r.max())).setHeader(getTranslation("history.best")).setAutoWidth(true);
        attemptGrid.addColumn(r -> score(r.last(), r.max())).setHeader(getTranslation("history.last")).setAutoWidth(true);
        attemptGrid.addColumn(ScenarioRow::attempts).setHeader(getTranslation("history.attempts")).setAutoWidth(true);
        attemptGrid.addColumn(r -> dates.format(r.started())).setHeader(getTranslation("history.started")).setAutoWidth(true);
        attemptGrid.addColumn(r -> dates.format(r.updated())).setHeader(getTranslation("history.updated")).setAutoWidth(true);
        attemptGrid.setItems(rows);
        attemptGrid.setAllRowsVisible(true);
        attemptGrid.addItemClickListener(e -> UI.getCurrent().navigate(Links.play(e.getItem().scenarioId())));

        List<ExamRecord> exams = practice.examHistory(username);
        Grid<ExamRecord> examGrid = new Grid<>();
        examGrid.setId("history-exams");
        examGrid.addColumn(e -> dates.format(e.finishedAt())).setHeader(getTranslation("history.finished")).setAutoWidth(true);
        examGrid.addColumn(ExamRecord::certification).setHeader(getTranslation("history.certification")).setAutoWidth(true);
        examGrid.addColumn(e -> getTranslation("history.exam-score", e.score(), e.maxScore(),
                e.maxScore() == 0 ? 0 : e.score() * 100 / e.maxScore())).setHeader(getTranslation("history.score")).setAutoWidth(true);
        examGrid.addColumn(e -> String.join(", ", e.topics().stream().filter(ExamGrader.TopicScore::weak)
                .map(t -> Topics.label(this, t.topic())).toList())).setHeader(getTranslation("history.weak")).setFlexGrow(3);
        examGrid.addComponentColumn(e -> {
            Button open = new Button(getTranslation("history.open-result"),
                    click -> UI.getCurrent().navigate(Links.examResult(e.id())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return open;
        }).setHeader(getTranslation("history.result"));
        examGrid.setItems(exams);
        examGrid.setAllRowsVisible(true);

        Div weak = new Div();
        weak.setId("history-weak-topics");
        weak.addClassName("exam-topics");
        List<ExamGrader.TopicScore> topics = practice.topicsByCorrectRate(username);
        topics.stream().sorted(Comparator.comparingDouble(ExamGrader.TopicScore::rate)).limit(WEAK_SHOWN).forEach(t -> {
            Div row = new Div();
            row.addClassNames("topic-row", t.weak() ? "weak" : "strong");
            Span name = new Span(Topics.label(this, t.topic()));
            name.addClassName("topic-name");
            ProgressBar bar = new ProgressBar(0, 1, t.rate());
            bar.getElement().setAttribute("aria-label", Topics.label(this, t.topic()));
            row.add(name, bar, new Span(getTranslation("history.correct-rate", t.earned(), t.max(), Math.round(t.rate() * 100))));
            weak.add(row);
        });

        add(new H1(getTranslation("history.title")));
        add(new H2(getTranslation("history.progress")));
        add(progress(attempts.history(username), exams, scenarios, locale, dates));
        add(new H2(getTranslation("history.topics-time")));
        add(topicsOverTime(attempts.history(username), exams, scenarios));
        add(new H2(getTranslation("history.weak-topics")));
        add(topics.isEmpty() ? new Paragraph(getTranslation("history.no-answers")) : weak);
        add(new H2(getTranslation("history.exams")));
        add(exams.isEmpty() ? new Paragraph(getTranslation("history.no-exams")) : examGrid);
        add(new H2(getTranslation("history.scenarios")));
        add(rows.isEmpty() ? new Paragraph(getTranslation("history.no-attempts")) : attemptGrid);
    }

    /** Scores over time (each graded attempt, each finished exam) as a chart, or what to do first when none. */
    private Component progress(List<AttemptRecord> attempts, List<ExamRecord> exams, ScenarioCatalog scenarios,
                               Locale locale, DateTimeFormatter dates) {
        List<ProgressChart.Point> points = new ArrayList<>();
        for (AttemptRecord a : attempts) {
            if (a.bestScore() != null && a.maxScore() != null && a.maxScore() > 0) {
                String title = scenarios.scenario(a.scenarioId()).map(sc -> sc.title().in(locale)).orElse(a.scenarioId());
                int percent = a.bestScore() * 100 / a.maxScore();
                points.add(new ProgressChart.Point(a.updatedAt(), percent, ProgressChart.Series.SCENARIO,
                        getTranslation("history.progress.point", title, dates.format(a.updatedAt()), percent)));
            }
        }
        for (ExamRecord e : exams) {
            if (e.finishedAt() != null && e.score() != null && e.maxScore() != null && e.maxScore() > 0) {
                int percent = e.score() * 100 / e.maxScore();
                points.add(new ProgressChart.Point(e.finishedAt(), percent, ProgressChart.Series.EXAM,
                        getTranslation("history.progress.point", e.certification(), dates.format(e.finishedAt()), percent)));
            }
        }
        Div box = new Div();
        box.setId("history-progress");
        box.addClassName("history-progress");
        if (points.isEmpty()) {
            Button first = new Button(getTranslation("history.progress.start"),
                    click -> UI.getCurrent().navigate("scenarios"));
            first.setId("history-progress-start");
            first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(new Paragraph(getTranslation("history.progress.empty")), first);
            return box;
        }
        // innerHTML, not Html: the browser's parser puts <svg> in the SVG namespace (Html's server-side parse
        // would make unknown HTML elements that draw nothing). The markup is ours; every text in it is escaped.
        Div frame = new Div();
        frame.getElement().setProperty("innerHTML", ProgressChart.svg(points,
                getTranslation("history.progress.description", points.size()), dates::format));
        frame.addClassName("progress-chart-frame");
        box.add(frame);
        Span scenarioKey = new Span(getTranslation("history.progress.scenarios"));
        scenarioKey.addClassNames("progress-key", "progress-key-scenario");
        Span examKey = new Span(getTranslation("history.progress.exams"));
        examKey.addClassNames("progress-key", "progress-key-exam");
        box.add(new Div(scenarioKey, examKey));
        return box;
    }

    /** One week of practice: its Monday, the topics met (scenario tags, exam topics), how many attempts and exams. */
    record WeekRow(LocalDate week, String topics, int attempts, int exams) {
    }

    /** Topics practised per week, newest first: the tags of the scenarios attempted and the topics of exams finished. */
    private Component topicsOverTime(List<AttemptRecord> attempts, List<ExamRecord> exams, ScenarioCatalog scenarios) {
        ZoneId zone = ZoneId.systemDefault();
        Map<LocalDate, Set<String>> topics = new TreeMap<>(Comparator.reverseOrder());
        Map<LocalDate, int[]> counts = new TreeMap<>(Comparator.reverseOrder());
        for (AttemptRecord a : attempts) {
            LocalDate week = monday(a.updatedAt(), zone);
            counts.computeIfAbsent(week, k -> new int[2])[0]++;
            Set<String> set = topics.computeIfAbsent(week, k -> new LinkedHashSet<>());
            scenarios.scenario(a.scenarioId()).ifPresent(sc -> set.addAll(sc.tags()));
        }
        for (ExamRecord e : exams) {
            if (e.finishedAt() == null) {
                continue;
            }
            LocalDate week = monday(e.finishedAt(), zone);
            counts.computeIfAbsent(week, k -> new int[2])[1]++;
            Set<String> set = topics.computeIfAbsent(week, k -> new LinkedHashSet<>());
            e.topics().forEach(t -> set.add(Topics.label(this, t.topic())));
        }
        if (counts.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("history.topics-time.empty"));
            none.setId("history-topics-time");
            return none;
        }
        List<WeekRow> rows = new ArrayList<>();
        counts.forEach((week, c) -> rows.add(new WeekRow(week, String.join(", ", topics.get(week)), c[0], c[1])));
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<WeekRow> grid = new Grid<>();
        grid.setId("history-topics-time");
        grid.addColumn(r -> getTranslation("history.topics-time.week", day.format(r.week())))
                .setHeader(getTranslation("history.topics-time.when")).setAutoWidth(true);
        grid.addColumn(WeekRow::topics).setHeader(getTranslation("history.topics-time.topics")).setFlexGrow(3);
        grid.addColumn(WeekRow::attempts).setHeader(getTranslation("history.attempts")).setAutoWidth(true);
        grid.addColumn(WeekRow::exams).setHeader(getTranslation("history.topics-time.exams")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static LocalDate monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private String score(Integer score, Integer max) {
        return score == null ? getTranslation("history.none") : getTranslation("history.score-of", score, max);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.page-title");
    }
}
