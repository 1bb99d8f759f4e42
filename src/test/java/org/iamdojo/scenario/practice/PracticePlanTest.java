package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iamdojo.scenario.Text;
import org.junit.jupiter.api.Test;

/** The path's next steps follow the learner's weak task statements, from wrong answers and failed scenario checks. */
class PracticePlanTest {
    static final ExamGuide SCS = PracticeParserTest.GUIDES.get("SCS-C02");
    static final Map<String, Question> QUESTIONS = Map.of(
            "auth-1", ExamDrawTest.question("auth-1", "SCS-C02/4.1"),
            "auth-2", ExamDrawTest.question("auth-2", "SCS-C02/4.1"),
            "authz-1", ExamDrawTest.question("authz-1", "SCS-C02/4.2"),
            "authz-2", ExamDrawTest.question("authz-2", "SCS-C02/4.2"),
            "authz-3", ExamDrawTest.question("authz-3", "SCS-C02/4.2", "SCS-C02/6.1"),
            "org-1", ExamDrawTest.question("org-1", "SCS-C02/6.1"),
            "log-1", ExamDrawTest.question("log-1", "SCS-C02/2.3"));
    static final PracticePath PATH = new PracticePath("SCS-C02", Text.both("t"), Text.both("s"), List.of(
            q("auth-1"), q("auth-2"), s("temporary-credentials"), q("authz-1"), q("authz-2"), s("permissions-boundary"),
            q("authz-3"), q("org-1"), q("log-1")), null);
    static final Map<String, List<String>> SCENARIO_TASKS = Map.of(
            "temporary-credentials", List.of("4.1"), "permissions-boundary", List.of("4.2"));

    static PracticePath.Item q(String id) {
        return new PracticePath.Item(null, id);
    }

    static PracticePath.Item s(String id) {
        return new PracticePath.Item(id, null);
    }

    static PracticePlan.Plan plan(Map<String, Boolean> answers, Map<String, PracticePlan.ScenarioResult> scenarios) {
        return PracticePlan.plan(PATH, SCS, QUESTIONS::get, id -> SCENARIO_TASKS.getOrDefault(id, List.of()),
                new PracticePlan.Evidence(answers, scenarios));
    }

    @Test
    void withoutEvidenceEveryTaskStatementGetsAFirstItemThenThePathOrder() {
        PracticePlan.Plan plan = plan(Map.of(), Map.of());
        assertThat(plan.tasks()).isEmpty();
        // Guide order: 2.3, 4.1, 4.2, 6.1 each get their first item, then the rest as listed.
        assertThat(plan.next()).extracting(PracticePlan.Suggestion::item).containsExactly(
                q("log-1"), q("auth-1"), q("authz-1"), q("authz-3"),
                q("auth-2"), s("temporary-credentials"), q("authz-2"), s("permissions-boundary"), q("org-1"));
        assertThat(plan.next().subList(0, 4)).extracting(PracticePlan.Suggestion::reason).containsOnly(PracticePlan.Reason.UNTRIED);
    }

    @Test
    void aWrongAnswerPutsItsTaskStatementFirst() {
        PracticePlan.Plan plan = plan(Map.of("authz-1", false, "auth-1", true), Map.of());
        assertThat(plan.weak()).extracting(PracticePlan.TaskScore::task).containsExactly("4.2");
        assertThat(plan.tasks()).extracting(PracticePlan.TaskScore::task).containsExactly("4.2", "4.1");
        // Practise 4.2: the scenario first, then its unanswered questions, then the one answered wrong.
        assertThat(plan.next().subList(0, 4)).extracting(PracticePlan.Suggestion::item).containsExactly(
                s("permissions-boundary"), q("authz-2"), q("authz-3"), q("authz-1"));
        assertThat(plan.next().subList(0, 4)).allSatisfy(x -> {
            assertThat(x.reason()).isEqualTo(PracticePlan.Reason.WEAK);
            assertThat(x.task()).isEqualTo("4.2");
        });
        // A right answer is done: auth-1 is never suggested.
        assertThat(plan.next()).extracting(PracticePlan.Suggestion::item).doesNotContain(q("auth-1"));
    }

    @Test
    void failedScenarioChecksMakeATaskStatementWeak() {
        // temporary-credentials graded with 3 of 4 checks failing: 4.1 is at 25 %, below 4.2's 50 %.
        PracticePlan.Plan plan = plan(Map.of("authz-1", false, "authz-2", true),
                Map.of("temporary-credentials", new PracticePlan.ScenarioResult(3, 4, false)));
        assertThat(plan.weak()).extracting(PracticePlan.TaskScore::task).containsExactly("4.1", "4.2");
        assertThat(plan.weak().get(0).rate()).isEqualTo(0.25);
        assertThat(plan.next().get(0)).isEqualTo(new PracticePlan.Suggestion(s("temporary-credentials"), "4.1",
                PracticePlan.Reason.WEAK));
        assertThat(plan.next().subList(1, 3)).extracting(PracticePlan.Suggestion::item).containsExactly(q("auth-1"), q("auth-2"));
        assertThat(plan.next().get(3).task()).isEqualTo("4.2");
    }

    @Test
    void aCompletedScenarioAndStrongTaskStatementsAreNotWeak() {
        PracticePlan.Plan plan = plan(Map.of("auth-1", true, "auth-2", true),
                Map.of("temporary-credentials", new PracticePlan.ScenarioResult(0, 4, true)));
        assertThat(plan.weak()).isEmpty();
        assertThat(plan.tasks()).singleElement().isEqualTo(new PracticePlan.TaskScore("4.1", 3, 3));
        assertThat(plan.next()).extracting(PracticePlan.Suggestion::item).doesNotContain(s("temporary-credentials"), q("auth-1"));
    }

    @Test
    void scenariosPractiseTheTaskStatementsOfTheQuestionsThatLinkToThem() {
        Question linked = new Question("x", List.of("SCS-C02/4.2", "SCS-C02/6.1", "SAA-C03/1.1"), List.of("t"),
                "permissions-boundary", "https://docs.aws.amazon.com/x", Text.both("q"), QUESTIONS.get("auth-1").options(),
                Text.both("e"));
        Question second = new Question("y", List.of("SCS-C02/6.1"), List.of("t"), "permissions-boundary",
                "https://docs.aws.amazon.com/x", Text.both("q"), QUESTIONS.get("auth-1").options(), Text.both("e"));
        assertThat(PracticePlan.scenarioTasks(List.of(linked, QUESTIONS.get("auth-1")), "SCS-C02"))
                .isEqualTo(Map.of("permissions-boundary", List.of("4.2", "6.1")));
        // Two linked questions serve 6.1, one 4.2: 6.1 is the scenario's main task statement.
        assertThat(PracticePlan.scenarioTasks(List.of(linked, second), "SCS-C02"))
                .isEqualTo(Map.of("permissions-boundary", List.of("6.1", "4.2")));
    }

    @Test
    void atMostTwoScenariosLeadAWeakTaskStatementTheOnesThatPractiseItMost() {
        PracticePath path = new PracticePath("SCS-C02", Text.both("t"), Text.both("s"), List.of(
                s("a"), s("b"), s("c"), q("authz-1"), q("authz-2")), null);
        Map<String, List<String>> tasks = Map.of("a", List.of("6.1", "4.2"), "b", List.of("4.2"), "c", List.of("4.2"));
        PracticePlan.Plan plan = PracticePlan.plan(path, SCS, QUESTIONS::get, id -> tasks.getOrDefault(id, List.of()),
                new PracticePlan.Evidence(Map.of("authz-1", false), Map.of()));
        assertThat(plan.next()).extracting(PracticePlan.Suggestion::item).containsExactly(
                s("b"), s("c"), q("authz-2"), s("a"), q("authz-1"));
    }
}
