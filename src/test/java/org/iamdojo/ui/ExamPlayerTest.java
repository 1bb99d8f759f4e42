package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.practice.ExamRecord;
import org.iamdojo.training.practice.PracticeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scenario part of a running exam is played without hints (issue: "exam mode … no hints"). */
class ExamPlayerTest extends KaribuTestBase {
    @Autowired
    MemberService members;
    @Autowired
    PracticeService practice;
    @Autowired
    AttemptService attempts;

    @Test
    void hintsAreOffWhileTheExamRunsAndBackAfterwards() {
        members.signUp("exam-player", "Quiet-Harbor-Pass-42");
        ExamRecord exam = practice.startExam("exam-player", "SAA-C03");
        String scenarioId = exam.scenarioAttempts().keySet().iterator().next();
        signInAs("exam-player", "LEARNER");
        UI.getCurrent().navigate("play/" + scenarioId);
        showStepWithHints();
        assertThat(_get(Paragraph.class, spec -> spec.withId("hints-off")).getText()).contains("exam");
        assertThat(_find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("hint-"))).isEmpty();

        practice.finishExam("exam-player", exam.id());
        UI.getCurrent().navigate("scenarios");
        UI.getCurrent().navigate("play/" + scenarioId);
        showStepWithHints();
        assertThat(_find(Paragraph.class, spec -> spec.withId("hints-off"))).isEmpty();
    }

    /** Walks forward until the current step offers hints (or hides them). */
    private void showStepWithHints() {
        for (int i = 0; i < 5; i++) {
            boolean hintsShown = !_find(Paragraph.class, spec -> spec.withId("hints-off")).isEmpty()
                    || _find(Button.class).stream().anyMatch(b -> b.getId().orElse("").startsWith("hint-"));
            java.util.List<Button> next = _find(Button.class, spec -> spec.withId("next-step"));
            if (hintsShown || next.isEmpty() || !next.get(0).isEnabled()) {
                return;
            }
            com.github.mvysny.kaributesting.v10.ButtonKt._click(next.get(0));
        }
    }
}
