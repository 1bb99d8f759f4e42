package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.PracticeCatalog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.ui.learn.CatalogView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalog lists the scenarios with the learner's status and shows admins the files that did not load; the
 * player grades the sandbox on request.
 */
class ScenarioViewsTest extends KaribuTestBase {

    @Autowired
    MemberService members;
    @Autowired
    AttemptService attempts;
    @Autowired
    AuthenticationContext authentication;

    @Test
    void catalogShowsEveryScenarioAndFiltersByTitle() {
        members.signUp("catalog-learner", "Catalog-Password-42");
        signInAs("catalog-learner", "LEARNER");
        UI.getCurrent().navigate("scenarios");
        Div cards = _get(Div.class, spec -> spec.withId("catalog-cards"));
        assertThat(_find(cards, Div.class, spec -> spec.withClasses("scenario-card"))).hasSize(scenarioFiles());
        assertThat(_get(Button.class, spec -> spec.withId("open-root-account-hygiene")).getText()).isEqualTo("Start");
    }

    @Test
    void playerGradesAndShowsEveryCheckWithExplanations() {
        members.signUp("player-learner", "Player-Password-42");
        signInAs("player-learner", "LEARNER");
        UI.getCurrent().navigate("play/developers-and-testers");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-my-work")));
        H2 score = _get(H2.class, spec -> spec.withId("score"));
        assertThat(score.getText()).startsWith("Score: ").doesNotContain(" 100 / 100");
        Div report = _get(Div.class, spec -> spec.withId("grade-report"));
        assertThat(_find(report, Div.class, spec -> spec.withClasses("check-row failed"))).isNotEmpty();
        assertThat(attempts.history("player-learner").get(0).lastScore()).isNotNull();
    }

    /** Issue 11, point 10: a new learner is not told "welcome back"; a returning one gets a working continue button. */
    @Test
    void homeWelcomesANewLearnerAndLeadsAReturningOneBackToTheOpenScenario() {
        members.signUp("home-new", "HomeNew-Password-42");
        signInAs("home-new", "LEARNER");
        UI.getCurrent().navigate("history"); // the landing page was built before signing in
        UI.getCurrent().navigate("");
        assertThat(_get(Paragraph.class, spec -> spec.withId("home-welcome")).getText()).startsWith("Welcome, home-new.");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("home-continue")));
        assertThat(_find(Div.class, spec -> spec.withId("catalog-cards"))).hasSize(1);

        members.signUp("home-back", "HomeBack-Password-42");
        attempts.open("home-back", "explicit-deny-wins");
        signInAs("home-back", "LEARNER");
        UI.getCurrent().navigate("history");
        UI.getCurrent().navigate("");
        assertThat(_get(Paragraph.class, spec -> spec.withId("home-welcome")).getText()).startsWith("Welcome back, home-back.");
        Button go = _get(Button.class, spec -> spec.withId("home-continue"));
        assertThat(go.getText()).startsWith("Continue: ");
        ButtonKt._click(go);
        assertThat(_find(Button.class, spec -> spec.withId("check-my-work"))).hasSize(1);
    }

    @Test
    void catalogShowsInProgressAfterAnAttemptStarted() {
        members.signUp("status-learner", "Status-Password-42");
        attempts.open("status-learner", "explicit-deny-wins");
        signInAs("status-learner", "LEARNER");
        UI.getCurrent().navigate("scenarios");
        assertThat(_get(Button.class, spec -> spec.withId("open-explicit-deny-wins")).getText()).isEqualTo("Continue");
    }

    private static final String QUESTION = """
            questions:
              - id: explicit-deny
                tasks: [SAA-C03/1.1]
                topics: [explicit-deny]
                scenario: explicit-deny-wins
                source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
                question: {en: "Who wins?", ko: "누가 이기나요?"}
                options:
                  - {en: "Deny", ko: "거부", correct: true}
                  - {en: "Allow", ko: "허용"}
                explanation: {en: "An explicit deny wins.", ko: "명시적 거부가 이깁니다."}
            """;

    private static List<String> problemsShown() {
        return _find(Div.class, spec -> spec.withClasses("catalog-problem")).stream()
                .flatMap(box -> java.util.stream.Stream.concat(_find(box, H2.class).stream().map(H2::getText),
                        _find(box, ListItem.class).stream().map(ListItem::getText)))
                .toList();
    }

    @Test
    void adminReloadBringsBackAFixedQuestionFileWithoutRestart(@TempDir Path dir) throws IOException {
        // The view over catalogs of a throw-away folder, so the shared context's catalogs stay as shipped.
        Files.copy(Path.of("scenarios/explicit-deny-wins.yaml"), dir.resolve("explicit-deny-wins.yaml"));
        Path questions = Files.createDirectories(dir.resolve("questions"));
        Path paths = Files.createDirectories(dir.resolve("paths"));
        Path guides = Files.createDirectories(dir.resolve("guides"));
        Files.copy(Path.of("scenarios/guides/SAA-C03.yaml"), guides.resolve("SAA-C03.yaml"));
        Files.writeString(questions.resolve("deny.yaml"), QUESTION);
        ScenarioCatalog scenarios = new ScenarioCatalog(dir, PolicyValidator.standard());
        PracticeCatalog practice = new PracticeCatalog(questions, paths, scenarios);
        signInAs("admin", "ADMIN");
        UI.getCurrent().add(new CatalogView(scenarios, practice, attempts, authentication));
        assertThat(problemsShown()).isEmpty();

        Files.writeString(questions.resolve("deny.yaml"), QUESTION.replace("    topics:", "    difficulty: hard\n    topics:"));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("catalog-reload")));
        assertThat(problemsShown()).hasSize(2).first().isEqualTo("Unavailable: questions/deny.yaml");
        assertThat(problemsShown().get(1)).startsWith("questions/deny.yaml:4: questions[0].difficulty: ");
        assertThat(practice.question("explicit-deny")).isEmpty();
        // The rest of the app keeps working.
        assertThat(_find(Div.class, spec -> spec.withClasses("scenario-card"))).hasSize(1);

        Files.writeString(questions.resolve("deny.yaml"), QUESTION);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("catalog-reload")));
        assertThat(problemsShown()).isEmpty();
        assertThat(practice.question("explicit-deny")).isPresent();
    }

    @Test
    void learnersDoNotSeeTheReloadButton() {
        members.signUp("catalog-plain", "Catalog-Password-42");
        signInAs("catalog-plain", "LEARNER");
        UI.getCurrent().navigate("scenarios");
        assertThat(_find(Button.class, spec -> spec.withId("catalog-reload"))).isEmpty();
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
                .extracting(Span::getText).containsOnly("IAM 사용자 admin으로 실행");
    }

    /** One card per scenario file of the shipped folder (every one loads: ScenarioSolutionsTest). */
    private static int scenarioFiles() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".yaml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
