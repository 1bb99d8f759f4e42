package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog lists the scenarios with the learner's status; the player grades the sandbox on request. */
class ScenarioViewsTest extends KaribuTestBase {

    @Autowired
    MemberService members;
    @Autowired
    AttemptService attempts;

    @Test
    void catalogShowsEveryScenarioAndFiltersByTitle() {
        members.signUp("catalog-learner", "Catalog-Password-42");
        signInAs("catalog-learner", "LEARNER");
        UI.getCurrent().navigate("scenarios");
        Div cards = _get(Div.class, spec -> spec.withId("catalog-cards"));
        assertThat(_find(cards, Div.class, spec -> spec.withClasses("scenario-card"))).hasSize(10);
        assertThat(_get(Button.class, spec -> spec.withId("open-root-account-hygiene")).getText()).isEqualTo("Start");
    }

    @Test
    void playerGradesAndShowsEveryCheckWithExplanations() {
        members.signUp("player-learner", "Player-Password-42");
        signInAs("player-learner", "LEARNER");
        UI.getCurrent().navigate("play/developers-and-testers");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-my-work")));
        H3 score = _get(H3.class, spec -> spec.withId("score"));
        assertThat(score.getText()).startsWith("Score: ").doesNotContain(" 100 / 100");
        Div report = _get(Div.class, spec -> spec.withId("grade-report"));
        assertThat(_find(report, Div.class, spec -> spec.withClasses("check-row failed"))).isNotEmpty();
        assertThat(attempts.history("player-learner").get(0).lastScore()).isNotNull();
    }

    @Test
    void catalogShowsInProgressAfterAnAttemptStarted() {
        members.signUp("status-learner", "Status-Password-42");
        attempts.open("status-learner", "explicit-deny-wins");
        signInAs("status-learner", "LEARNER");
        UI.getCurrent().navigate("scenarios");
        assertThat(_get(Button.class, spec -> spec.withId("open-explicit-deny-wins")).getText()).isEqualTo("Continue");
    }

    @Test
    void referenceSolutionIsShownAsCliCommandsWithWhoRunsThem() {
        members.signUp("solution-learner", "Solution-Password-42");
        LiveAttempt live = attempts.open("solution-learner", "developers-and-testers");
        live.attempt().apply(live.scenario().solution());
        signInAs("solution-learner", "LEARNER");
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate("play/developers-and-testers");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-my-work")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("show-solution")));
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("solution-dialog"));
        List<String> commands = _find(dialog, Pre.class, spec -> spec.withClasses("solution-command")).stream()
                .map(Pre::getText).toList();
        assertThat(commands).hasSize(live.scenario().solution().size())
                .contains("aws iam create-group --group-name developers",
                        "aws iam add-user-to-group --group-name developers --user-name dana");
        assertThat(commands).anyMatch(c -> c.startsWith("aws iam put-group-policy --group-name developers"
                + " --policy-name DevelopersAccess --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":["));
        assertThat(_find(dialog, Span.class, spec -> spec.withClasses("solution-as")))
                .extracting(Span::getText).containsOnly("IAM 사용자 admin(으)로 실행");
    }
}
