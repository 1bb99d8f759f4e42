package org.iamdojo.ui.practice;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.PracticePath;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.practice.ExamRecord;
import org.iamdojo.training.practice.PracticeService;
import org.iamdojo.ui.common.ModalConfirmDialog;
import org.iamdojo.ui.shell.MainLayout;

/**
 * Exam mode for one certification ({@code exam/SAA-C03}): the rules and a start button, then a timed set of
 * questions shown one at a time (no feedback) and the exam's scenarios, which open in the player and are graded
 * when the exam is submitted. Time running out submits the exam.
 */
@Route(value = "exam", layout = MainLayout.class)
@PermitAll
public class ExamView extends Div implements HasUrlParameter<String>, HasDynamicTitle {
    private static final int POLL_MS = 15_000;
    private final PracticeService service;
    private final PracticeCatalog practice;
    private final ScenarioCatalog scenarios;
    private final String username;
    private PracticePath path;
    private ExamRecord exam;
    private int index;
    private final Div questionBox = new Div();
    private final Span remaining = new Span();
    private Registration poll;

    public ExamView(PracticeService service, PracticeCatalog practice, ScenarioCatalog scenarios,
                    AuthenticationContext authentication) {
        this.service = service;
        this.practice = practice;
        this.scenarios = scenarios;
        this.username = authentication.getPrincipalName().orElse("");
        addClassNames("dojo-page", "exam");
    }

    @Override
    public void setParameter(BeforeEvent event, String certification) {
        path = practice.path(certification).orElseThrow(NotFoundException::new);
        exam = service.openExam(username, certification).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        if (exam == null) {
            intro();
        } else {
            running();
        }
    }

    private void intro() {
        Locale locale = getLocale();
        PracticePath.Exam rules = path.exam();
        UnorderedList list = new UnorderedList(
                new ListItem(getTranslation("exam.rule.time", rules.minutes())),
                new ListItem(getTranslation("exam.rule.questions", rules.questions())),
                new ListItem(getTranslation("exam.rule.scenarios", rules.scenarios().size())),
                new ListItem(getTranslation("exam.rule.no-hints")),
                new ListItem(getTranslation("exam.rule.reset")));
        list.setId("exam-rules");
        Button start = new Button(getTranslation("exam.start"), e -> {
            exam = service.startExam(username, path.certification());
            index = 0;
            render();
        });
        start.setId("start-exam");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1(getTranslation("exam.title", path.title().in(locale))), list, start);
    }

    private void running() {
        Locale locale = getLocale();
        H1 heading = new H1(getTranslation("exam.title", path.title().in(locale)));
        remaining.setId("exam-remaining");
        remaining.addClassName("exam-remaining");
        updateRemaining();
        Div bar = new Div(remaining);
        bar.addClassName("exam-bar");
        questionBox.setId("exam-question");
        showQuestion();
        Div tasks = new Div(new H2(getTranslation("exam.scenarios")));
        tasks.addClassName("exam-scenarios");
        exam.scenarioAttempts().keySet().forEach(id -> scenarios.scenario(id).ifPresent(s -> {
            Anchor open = new Anchor(Links.play(id), getTranslation("exam.open-scenario", s.title().in(locale)));
            open.setTarget("_blank");
            open.setId("exam-open-" + id);
            Paragraph note = new Paragraph(getTranslation("exam.scenario-note"));
            note.addClassName("dojo-muted");
            tasks.add(new Div(open, note));
        }));
        Button finish = new Button(getTranslation("exam.finish"), e -> confirmFinish());
        finish.setId("finish-exam");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, bar, questionBox, tasks, finish);
    }

    private void showQuestion() {
        questionBox.removeAll();
        int total = exam.questionIds().size();
        if (total == 0) {
            return;
        }
        Map<String, Set<Integer>> answers = service.examAnswers(username, exam.id());
        String id = exam.questionIds().get(index);
        Question q = practice.question(id).orElse(null);
        if (q != null) {
            questionBox.add(new QuestionCard(q, getTranslation("exam.question-n", index + 1, total),
                    exam.id(), answers.getOrDefault(id, Set.of()), chosen -> answer(id, chosen), null, s -> s));
        }
        Div nav = new Div();
        nav.addClassName("exam-nav");
        Button previous = new Button(getTranslation("exam.previous"), e -> move(-1));
        previous.setId("exam-previous");
        previous.setEnabled(index > 0);
        Button next = new Button(getTranslation("exam.next"), e -> move(1));
        next.setId("exam-next");
        next.setEnabled(index < total - 1);
        nav.add(previous);
        for (int i = 0; i < total; i++) {
            int n = i;
            Button jump = new Button(String.valueOf(i + 1), e -> {
                index = n;
                showQuestion();
            });
            jump.setAriaLabel(getTranslation("exam.go-to", i + 1));
            jump.addThemeVariants(ButtonVariant.LUMO_SMALL, answers.containsKey(exam.questionIds().get(i))
                    ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_CONTRAST);
            if (i == index) {
                jump.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            nav.add(jump);
        }
        nav.add(next);
        Span answered = new Span(getTranslation("exam.answered", answers.size(), total));
        answered.setId("exam-answered");
        answered.addClassName("dojo-muted");
        questionBox.add(nav, answered);
    }

    private void answer(String questionId, Set<Integer> chosen) {
        try {
            service.answerInExam(username, exam.id(), questionId, chosen);
            showQuestion();
        } catch (PracticeService.ExamClosedException e) {
            finishNow();
        }
    }

    private void move(int by) {
        index = Math.max(0, Math.min(exam.questionIds().size() - 1, index + by));
        showQuestion();
    }

    private void confirmFinish() {
        int unanswered = exam.questionIds().size() - service.examAnswers(username, exam.id()).size();
        ModalConfirmDialog dialog = new ModalConfirmDialog();
        dialog.setHeader(getTranslation("exam.finish.title"));
        dialog.setText(unanswered > 0 ? getTranslation("exam.finish.unanswered", unanswered)
                : getTranslation("exam.finish.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("exam.finish.cancel"));
        dialog.setConfirmText(getTranslation("exam.finish.confirm"));
        dialog.addConfirmListener(e -> finishNow());
        dialog.setId("finish-dialog");
        dialog.open();
    }

    /** Grades the exam and shows the result (also used when time runs out). */
    void finishNow() {
        PracticeService.ExamOutcome outcome = service.finishExam(username, exam.id());
        UI.getCurrent().navigate(Links.examResult(outcome.exam().id()));
    }

    private void updateRemaining() {
        Duration left = Duration.between(Instant.now(), exam.deadline());
        long minutes = Math.max(0, (left.toSeconds() + 59) / 60);
        remaining.setText(getTranslation("exam.remaining", minutes));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // The countdown is coarse on purpose: a poll every 15 s keeps the server quiet, and the deadline is enforced
        // on the server whatever the browser shows.
        event.getUI().setPollInterval(POLL_MS);
        poll = event.getUI().addPollListener(e -> {
            if (exam != null && !exam.finished()) {
                if (Instant.now().isAfter(exam.deadline())) {
                    finishNow();
                } else {
                    updateRemaining();
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exam.page-title", path == null ? "" : path.certification());
    }
}
