package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.practice.ExamRecord;
import org.iamdojo.training.practice.PracticeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Answering a question on a practice path, and taking an exam to its result and into the history. */
class PracticeViewsTest extends KaribuTestBase {

    @Autowired
    MemberService members;
    @Autowired
    PracticeService practice;
    @Autowired
    PracticeCatalog catalog;

    @Test
    void pathsOverviewListsTheThreeCertifications() {
        members.signUp("paths-learner", "Dojo-Practice-42");
        signInAs("paths-learner", "LEARNER");
        UI.getCurrent().navigate("practice");
        assertThat(_find(Div.class, spec -> spec.withClasses("scenario-card"))).extracting(Div::getId)
                .extracting(o -> o.orElse("")).containsExactly("path-CLF-C02", "path-SAA-C03", "path-SCS-C02");
    }

    @Test
    void answeringAQuestionShowsTheVerdictAndCountsOnThePath() {
        members.signUp("answer-learner", "Dojo-Practice-42");
        signInAs("answer-learner", "LEARNER");
        UI.getCurrent().navigate("practice/CLF-C02");
        int items = catalog.path("CLF-C02").orElseThrow().items().size();
        assertThat(_get(Span.class, spec -> spec.withId("progress-CLF-C02")).getText()).isEqualTo("0 of " + items + " done");
        Question q = catalog.question("shared-responsibility-iam").orElseThrow();
        // A long path shows each question closed until the learner opens it.
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("choices-" + q.id()))).isEmpty();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("answer-" + q.id())));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> choices = _get(RadioButtonGroup.class, spec -> spec.withId("choices-" + q.id()));
        choices.setValue(q.correctOptions().iterator().next());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-" + q.id())));
        Div feedback = _get(Div.class, spec -> spec.withId("feedback-" + q.id()));
        assertThat(feedback.getClassNames()).contains("correct");
        assertThat(_get(feedback, Span.class, spec -> spec.withClasses("question-verdict")).getText()).isEqualTo("Correct.");

        UI.getCurrent().navigate("practice/CLF-C02");
        assertThat(_get(Span.class, spec -> spec.withId("progress-CLF-C02")).getText()).isEqualTo("1 of " + items + " done");
    }

    @Test
    void aWrongAnswerShowsItsWeakTaskStatementInPractiseNext() {
        members.signUp("next-learner", "Dojo-Practice-42");
        signInAs("next-learner", "LEARNER");
        UI.getCurrent().navigate("practice/SCS-C02");
        Div next = _get(Div.class, spec -> spec.withId("practice-next"));
        assertThat(_find(next, com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("practice-no-weak"))).hasSize(1);
        assertThat(_find(next, com.vaadin.flow.component.html.ListItem.class)).hasSize(5);

        Question q = catalog.question("session-policy-intersection").orElseThrow();
        assertThat(q.tasksOf("SCS-C02")).containsExactly("4.2");
        int wrong = q.optionPositions().stream().filter(i -> !q.correctOptions().contains(i)).findFirst().orElseThrow();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("answer-" + q.id())));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> choices = _get(RadioButtonGroup.class, spec -> spec.withId("choices-" + q.id()));
        choices.setValue(wrong);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-" + q.id())));

        // The panel is refreshed at once: 4.2 is weak (0 % right) and heads the suggestions.
        assertThat(_get(next, Span.class, spec -> spec.withId("weak-task-4-2")).getText())
                .isEqualTo("SCS-C02 4.2 Design, implement, and troubleshoot authorization for AWS resources \u2014 0 % right");
        assertThat(_find(next, com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("practice-no-weak"))).isEmpty();
        Span firstReason = _find(next, Span.class, spec -> spec.withClasses("next-reason")).get(0);
        assertThat(firstReason.getText()).startsWith("Practises a weak area: SCS-C02 4.2");
    }

    @Test
    void finishingAnExamShowsTheScoreTopicsAndHistory() {
        members.signUp("exam-learner", "Dojo-Practice-42");
        signInAs("exam-learner", "LEARNER");
        UI.getCurrent().navigate("exam/CLF-C02");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("start-exam")));
        ExamRecord exam = practice.openExam("exam-learner", "CLF-C02").orElseThrow();
        assertThat(_get(Span.class, spec -> spec.withId("exam-answered")).getText()).isEqualTo("0 of 15 answered");

        Question first = catalog.question(exam.questionIds().get(0)).orElseThrow();
        // The learner picks the right option(s) in the question card; exam mode saves each change at once.
        var field = _get(com.vaadin.flow.component.AbstractField.class, spec -> spec.withId("choices-" + first.id()));
        if (first.multipleAnswers()) {
            HasValueUtilsKt._setValue(field, first.correctOptions());
        } else {
            HasValueUtilsKt._setValue(field, first.correctOptions().iterator().next());
        }
        assertThat(practice.examAnswers("exam-learner", exam.id())).containsEntry(first.id(), first.correctOptions());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("exam-next")));
        assertThat(_get(Span.class, spec -> spec.withId("exam-answered")).getText()).isEqualTo("1 of 15 answered");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("finish-exam")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("finish-dialog")));
        String score = _get(H2.class, spec -> spec.withId("exam-score")).getText();
        assertThat(score).startsWith("Score: ").endsWith("/ 19 points (" + percent(score) + "%)");
        assertThat(_find(_get(Div.class, spec -> spec.withId("exam-topics")), Div.class,
                spec -> spec.withClasses("topic-row"))).isNotEmpty();
        assertThat(_find(_get(Div.class, spec -> spec.withId("exam-next-steps")), Div.class,
                spec -> spec.withClasses("recommendation"))).isNotEmpty();

        UI.getCurrent().navigate("history");
        // The exam's topics (unanswered questions and the untouched scenario count) show up as weak topics.
        Div weak = _get(Div.class, spec -> spec.withId("history-weak-topics"));
        assertThat(_find(weak, Div.class, spec -> spec.withClasses("topic-row weak"))).isNotEmpty();
        assertThat(practice.examHistory("exam-learner")).hasSize(1);
    }

    private static String percent(String score) {
        return score.substring(score.indexOf('(') + 1, score.indexOf('%'));
    }
}
