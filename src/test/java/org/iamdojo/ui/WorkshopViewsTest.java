package org.iamdojo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.iamdojo.training.workshop.Workshop;
import org.iamdojo.training.workshop.WorkshopService;
import org.iamdojo.ui.learn.PlayerView;
import org.iamdojo.ui.workshop.LearnerWorkshopView;
import org.iamdojo.ui.workshop.WorkshopBoardView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Workshops end to end without a browser: creating one, joining with its code, the board's live score, the
 * read-only sandbox, isolation between instructors and learners at URL level, and the CSV export.
 */
class WorkshopViewsTest extends KaribuTestBase {
    private static final String SCENARIO = "developers-and-testers";

    @Autowired
    MemberService members;
    @Autowired
    WorkshopService workshops;
    @Autowired
    AttemptService attempts;
    @Autowired
    ScenarioCatalog catalog;

    private String instructor(String name) {
        members.signUp(name, "Teacher-Password-42");
        members.setInstructor(name, true);
        return name;
    }

    private String learner(String name) {
        members.signUp(name, "Learner-Password-42");
        return name;
    }

    private Workshop workshop(String instructor, String title, boolean hints, boolean solutionHidden) {
        Instant now = Instant.now();
        return workshops.create(instructor, new WorkshopService.Draft(title, List.of(SCENARIO, "explicit-deny-wins"),
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(2)), hints, solutionHidden));
    }

    private Class<?> activeView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
    }

    private void assertNotFound() {
        assertThat(activeView()).isEqualTo(NotFoundView.class);
        assertThat(_get(NotFoundView.class).getId()).hasValue("not-found");
    }

    @Test
    void instructorCreatesAWorkshopAndGetsAJoinCodeAndLink() {
        instructor("ws-create");
        signInAs("ws-create", "INSTRUCTOR");
        UI.getCurrent().navigate("workshops/new");
        _get(TextField.class, spec -> spec.withId("workshop-title")).setValue("Monday IAM class");
        @SuppressWarnings("unchecked")
        ComboBox<org.iamdojo.scenario.Scenario> picker = _get(ComboBox.class, spec -> spec.withId("scenario-picker"));
        picker.setValue(catalog.scenario("explicit-deny-wins").orElseThrow());
        picker.setValue(catalog.scenario(SCENARIO).orElseThrow());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-workshop")));

        assertThat(activeView()).isEqualTo(WorkshopBoardView.class);
        Workshop created = workshops.mine("ws-create").get(0);
        assertThat(created.title()).isEqualTo("Monday IAM class");
        assertThat(created.scenarioIds()).containsExactly("explicit-deny-wins", SCENARIO);
        assertThat(created.joinCode()).matches("[ABCDEFGHJKMNPQRTUVWXY346789]{6}");
        assertThat(_get(Span.class, spec -> spec.withId("join-code")).getText()).isEqualTo(created.joinCode());
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("join-link")).getHref())
                .endsWith("/join/" + created.joinCode());

        UI.getCurrent().navigate("workshops");
        Grid<?> list = _get(Grid.class, spec -> spec.withId("my-workshops"));
        assertThat(GridKt._size(list)).isEqualTo(1);
    }

    @Test
    void creatingWithoutScenariosShowsTheRule() {
        instructor("ws-invalid");
        signInAs("ws-invalid", "INSTRUCTOR");
        UI.getCurrent().navigate("workshops/new");
        _get(TextField.class, spec -> spec.withId("workshop-title")).setValue("Empty");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("create-workshop")));
        assertThat(_find(Paragraph.class, spec -> spec.withText("Choose at least one scenario."))).hasSize(1);
        assertThat(workshops.mine("ws-invalid")).isEmpty();
    }

    @Test
    void learnerJoinsWithTheCodeAndSeesTheScenariosInOrder() {
        Workshop w = workshop(instructor("ws-join-teacher"), "Join test", true, false);
        learner("ws-joiner");
        signInAs("ws-joiner", "LEARNER");
        UI.getCurrent().navigate("join");
        _get(TextField.class, spec -> spec.withId("join-code-field")).setValue(w.joinCode().toLowerCase(Locale.ROOT));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("join-submit")));

        assertThat(activeView()).isEqualTo(LearnerWorkshopView.class);
        List<Button> open = _find(Button.class);
        assertThat(_get(Button.class, spec -> spec.withId("open-" + SCENARIO)).getText()).isEqualTo("Start");
        assertThat(open.stream().map(b -> b.getId().orElse("")).filter(id -> id.startsWith("open-")).toList())
                .containsExactly("open-" + SCENARIO, "open-explicit-deny-wins");

        // The scenario opens in the player as a workshop attempt.
        ButtonKt._click(_get(Button.class, spec -> spec.withId("open-" + SCENARIO)));
        assertThat(activeView()).isEqualTo(PlayerView.class);
        assertThat(attempts.history("ws-joiner").get(0).workshopId()).isEqualTo(w.id());
    }

    @Test
    void joinLinkJoinsAtOnceAndAWrongCodeSaysSo() {
        Workshop w = workshop(instructor("ws-link-teacher"), "Link test", true, false);
        learner("ws-linker");
        signInAs("ws-linker", "LEARNER");
        UI.getCurrent().navigate("join/" + w.joinCode());
        assertThat(activeView()).isEqualTo(LearnerWorkshopView.class);

        UI.getCurrent().navigate("join/QQQQQQ");
        TextField code = _get(TextField.class, spec -> spec.withId("join-code-field"));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).contains("No workshop has this code");
    }

    @Test
    void anonymousVisitorsAreSentToSignInFirst() {
        Workshop w = workshop(instructor("ws-anon-teacher"), "Anon test", true, false);
        UI.getCurrent().navigate("join/" + w.joinCode());
        assertThat(activeView()).isEqualTo(LoginView.class);
    }

    @Test
    void workshopRulesTurnHintsOffAndHideTheSolution() {
        Workshop w = workshop(instructor("ws-rules-teacher"), "Rules", false, true);
        learner("ws-rules-learner");
        workshops.join(w.joinCode(), "ws-rules-learner");
        signInAs("ws-rules-learner", "LEARNER");
        UI.getCurrent().navigate(PlayerView.class, SCENARIO, QueryParameters.of(PlayerView.WORKSHOP_PARAMETER, w.id()));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("next-step")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("hints-off"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("hint-2-1"))).isEmpty();
        assertThat(w.solutionVisibleAt(Instant.now())).isFalse();
        assertThat(w.solutionVisibleAt(w.endsAt())).isTrue();
    }

    @Test
    void boardShowsAParticipantsScoreSoonAfterGradingByPush() throws Exception {
        Workshop w = workshop(instructor("ws-board-teacher"), "Board", true, false);
        learner("ws-board-learner");
        workshops.join(w.joinCode(), "ws-board-learner");
        signInAs("ws-board-teacher", "INSTRUCTOR");
        UI.getCurrent().navigate(WorkshopBoardView.class, w.id());
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("board-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(cellText(grid, "s1")).contains("Not started");

        // The learner acts elsewhere (another session): open, then grade.
        LiveAttempt attempt = workshops.openAttempt(w.id(), SCENARIO, "ws-board-learner");
        int score = attempts.grade(attempt).total();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!cellText(grid, "s1").contains(score + "/") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip();
        }
        assertThat(cellText(grid, "s1")).contains("In progress").contains(score + "/" + attempt.scenario().maxPoints());
        assertThat(_get(Span.class, spec -> spec.withId("summary-participants")).getText()).isEqualTo("1 participants");
        assertThat(_find(Component.class, spec -> spec.withId("summary-failed")).get(0).getElement().getTextRecursively())
                .doesNotContain("No failed checks yet.");
    }

    private static String cellText(Grid<?> grid, String key) {
        return GridKt._getCellComponent(grid, 0, key).getElement().getTextRecursively();
    }

    @Test
    void instructorOpensAParticipantsSandboxReadOnlyAndReplaysItsTrail() {
        Workshop w = workshop(instructor("ws-ro-teacher"), "Read-only", true, false);
        learner("ws-ro-learner");
        workshops.join(w.joinCode(), "ws-ro-learner");
        LiveAttempt attempt = workshops.openAttempt(w.id(), SCENARIO, "ws-ro-learner");
        attempt.call(attempt.attempt().learnerCredentials(), "iam", "CreateGroup",
                org.iamdojo.iam.account.Params.of("GroupName", "developers"));
        attempt.call(attempt.attempt().learnerCredentials(), "iam", "CreateGroup",
                org.iamdojo.iam.account.Params.of("GroupName", "testers"));
        int groups = attempt.attempt().sandbox().account(attempt.scenario().homeAccountId()).groups().size();

        signInAs("ws-ro-teacher", "INSTRUCTOR");
        UI.getCurrent().navigate("workshops/" + w.id() + "/attempts/" + attempt.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("read-only-note")).getText()).contains("Read-only");
        var sandbox = attempt.attempt().sandbox();
        long trail = sandbox.trail().total();
        long mutations = sandbox.mutations();
        String someUser = sandbox.account(attempt.scenario().homeAccountId()).users().iterator().next().name();
        org.iamdojo.ui.workshop.WorkshopViewHooks.assertReadsButRefusesWrites(someUser, "testers");
        assertThat(sandbox.account(attempt.scenario().homeAccountId()).groups()).hasSize(groups);
        // The look left nothing in the learner's trail, log or clock: the grade and the replay are the learner's.
        assertThat(sandbox.trail().total()).isEqualTo(trail);
        assertThat(sandbox.mutations()).isEqualTo(mutations);
        assertThat(sandbox.clock().offset()).isEqualTo(java.time.Duration.ZERO);
        // The terminal shows the learner's sandbox time without the buttons that move it.
        _get(org.iamdojo.ui.console.ConsolePanel.class).show("terminal");
        assertThat(_find(Span.class, spec -> spec.withId("sandbox-clock-now"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("clock-advance-1h"))).isEmpty();

        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        assertThat(_get(Span.class, spec -> spec.withId("replay-position")).getText()).isEqualTo("Event 1 of 2");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("replay-next")));
        assertThat(_get(Span.class, spec -> spec.withId("replay-position")).getText()).isEqualTo("Event 2 of 2");
        assertThat(_get(Pre.class, spec -> spec.withId("replay-json")).getText()).contains("\"eventName\"");
    }

    @Test
    void isolationAtUrlLevel() {
        Workshop mine = workshop(instructor("ws-iso-a"), "A's workshop", true, false);
        Workshop other = workshop(instructor("ws-iso-b"), "B's workshop", true, false);
        learner("ws-iso-l1");
        learner("ws-iso-l2");
        workshops.join(mine.joinCode(), "ws-iso-l1");
        LiveAttempt l1 = workshops.openAttempt(mine.id(), SCENARIO, "ws-iso-l1");

        // Instructor B guesses A's board and A's participant's attempt.
        signInAs("ws-iso-b", "INSTRUCTOR");
        UI.getCurrent().navigate(WorkshopBoardView.class, mine.id());
        assertNotFound();
        UI.getCurrent().navigate("workshops/" + mine.id() + "/attempts/" + l1.id());
        assertNotFound();
        // ...and B's own workshop id with A's attempt id.
        UI.getCurrent().navigate("workshops/" + other.id() + "/attempts/" + l1.id());
        assertNotFound();
        UI.getCurrent().navigate("workshops");
        Grid<?> list = _get(Grid.class, spec -> spec.withId("my-workshops"));
        assertThat(GridKt._size(list)).isEqualTo(1);
        MockVaadin.tearDown();

        // Learner 2, who did not join, guesses the workshop page and the workshop attempt in the player.
        setUpVaadin();
        signInAs("ws-iso-l2", "LEARNER");
        UI.getCurrent().navigate(LearnerWorkshopView.class, mine.id());
        assertNotFound();
        UI.getCurrent().navigate(PlayerView.class, SCENARIO, QueryParameters.of(PlayerView.WORKSHOP_PARAMETER, mine.id()));
        assertNotFound();
        assertThat(attempts.find(l1.id(), "ws-iso-l2")).isEmpty();
        // A learner cannot open a board at all.
        UI.getCurrent().navigate(WorkshopBoardView.class, mine.id());
        assertThat(activeView()).isNotEqualTo(WorkshopBoardView.class);
    }

    @Test
    void csvHasABomAndKoreanText() {
        Workshop w = workshop(instructor("ws-csv-teacher"), "IAM 기초 워크숍", true, false);
        learner("ws-csv-learner");
        workshops.join(w.joinCode(), "ws-csv-learner");
        attempts.grade(workshops.openAttempt(w.id(), SCENARIO, "ws-csv-learner"));
        signInAs("ws-csv-teacher", "INSTRUCTOR");
        UI.getCurrent().setLocale(Locale.KOREAN);
        UI.getCurrent().navigate(WorkshopBoardView.class, w.id());
        WorkshopBoardView board = _get(WorkshopBoardView.class);
        // The download is served in a request of its own, with no current UI: the CSV must still be Korean.
        UI ui = UI.getCurrent();
        byte[] csv;
        UI.setCurrent(null);
        try {
            csv = org.iamdojo.ui.workshop.WorkshopViewHooks.csv(board);
        } finally {
            UI.setCurrent(ui);
        }

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("워크숍,참가자,시나리오,상태,점수,만점,사용한 힌트,마지막 활동 (UTC)");
        assertThat(lines).hasSize(3);
        // Statuses in the board's own words, never the internal codes.
        assertThat(lines[1]).startsWith("IAM 기초 워크숍,ws-csv-learner,").contains(",진행 중,")
                .doesNotContain("IN_PROGRESS");
        assertThat(lines[2]).contains(",시작 전,").doesNotContain("NOT_STARTED");
        assertThat(lines[1]).contains(",개발자와 테스터: 그룹으로 최소 권한 부여하기,");
    }

    @Test
    void csvWritesStatusesInEnglishForAnEnglishUi() {
        Workshop w = workshop(instructor("ws-csv-en-teacher"), "IAM basics", true, false);
        learner("ws-csv-en-learner");
        workshops.join(w.joinCode(), "ws-csv-en-learner");
        attempts.grade(workshops.openAttempt(w.id(), SCENARIO, "ws-csv-en-learner"));
        signInAs("ws-csv-en-teacher", "INSTRUCTOR");
        UI.getCurrent().navigate(WorkshopBoardView.class, w.id());
        byte[] csv = org.iamdojo.ui.workshop.WorkshopViewHooks.csv(_get(WorkshopBoardView.class));

        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("Workshop,Participant,Scenario,Status,Score,Max,Hints used,Last activity (UTC)");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("IAM basics,ws-csv-en-learner,").contains(",In progress,");
        assertThat(lines[2]).contains(",Not started,");
    }
}
