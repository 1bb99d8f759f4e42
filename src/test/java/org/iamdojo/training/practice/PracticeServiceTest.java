package org.iamdojo.training.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.scenario.practice.ExamGrader;
import org.iamdojo.scenario.practice.ExamGuide;
import org.iamdojo.scenario.practice.PracticePlan;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.member.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Exams end to end at the service level: drawing, answering, grading per topic, storing, owner-only access. */
@InMemoryAppTest
class PracticeServiceTest {
    @Autowired
    PracticeService service;
    @Autowired
    PracticeCatalog catalog;
    @Autowired
    MemberService members;
    @Autowired
    AttemptService attempts;

    @Test
    void examIsGradedPerTopicAndStored() {
        members.signUp("exam-service", "Dojo-Practice-42");
        ExamRecord exam = service.startExam("exam-service", "SAA-C03");
        assertThat(exam.questionIds()).hasSize(20).doesNotHaveDuplicates();
        assertThat(exam.scenarioAttempts()).containsOnlyKeys("explicit-deny-wins");
        assertThat(service.startExam("exam-service", "SAA-C03").id()).as("one open exam at a time").isEqualTo(exam.id());

        // Right answers to every question but the first; the first gets a wrong one.
        Map<String, int[]> expected = new HashMap<>();
        for (int i = 0; i < exam.questionIds().size(); i++) {
            Question q = catalog.question(exam.questionIds().get(i)).orElseThrow();
            boolean right = i > 0;
            Set<Integer> chosen = right ? q.correctOptions() : Set.of(wrongOption(q));
            service.answerInExam("exam-service", exam.id(), q.id(), chosen);
            q.topics().forEach(t -> {
                int[] c = expected.computeIfAbsent(t, k -> new int[2]);
                c[0] += right ? 1 : 0;
                c[1] += 1;
            });
        }
        PracticeService.ExamOutcome outcome = service.finishExam("exam-service", exam.id());
        // The untouched scenario was graded at submission (checks that hold from the start earn their points), and
        // its score, scaled to 5 exam points, counts under each of its topics.
        var graded = attempts.history("exam-service").stream()
                .filter(a -> a.id().equals(exam.scenarioAttempts().get("explicit-deny-wins"))).findFirst().orElseThrow();
        assertThat(graded.lastScore()).isLessThan(graded.maxScore());
        int scenarioPoints = graded.lastScore() * 5 / graded.maxScore();
        service.scenarioTopics("explicit-deny-wins").forEach(t -> {
            int[] c = expected.computeIfAbsent(t, k -> new int[2]);
            c[0] += scenarioPoints;
            c[1] += 5;
        });
        ExamRecord done = outcome.exam();
        assertThat(done.finished()).isTrue();
        assertThat(done.score()).isEqualTo(19 + scenarioPoints);
        assertThat(done.maxScore()).isEqualTo(20 + 5);
        assertThat(done.topics()).hasSize(expected.size());
        for (ExamGrader.TopicScore t : done.topics()) {
            assertThat(new int[] {t.earned(), t.max()}).as(t.topic()).containsExactly(expected.get(t.topic()));
        }
        assertThat(done.topics()).as("weakest first").isSortedAccordingTo(
                java.util.Comparator.comparingDouble(ExamGrader.TopicScore::rate));
        // The wrongly answered question's topics are below full marks; every weak topic gets a recommendation.
        Question missed = catalog.question(exam.questionIds().get(0)).orElseThrow();
        assertThat(done.topics()).filteredOn(t -> missed.topics().contains(t.topic())).allMatch(t -> t.rate() < 1);
        java.util.List<String> weak = done.topics().stream().filter(ExamGrader.TopicScore::weak)
                .map(ExamGrader.TopicScore::topic).toList();
        assertThat(outcome.practiseNext()).extracting(ExamGrader.Recommendation::topic).containsExactlyElementsOf(weak);
        assertThat(outcome.practiseNext()).allMatch(r -> !r.scenarioIds().isEmpty() || !r.questionIds().isEmpty());
        assertThat(service.examHistory("exam-service")).extracting(ExamRecord::id).containsExactly(exam.id());
        assertThatThrownBy(() -> service.answerInExam("exam-service", exam.id(), exam.questionIds().get(0), Set.of(0)))
                .isInstanceOf(PracticeService.ExamClosedException.class);
    }

    @Test
    void anotherMembersExamIsNotFound() {
        members.signUp("exam-owner", "Dojo-Practice-42");
        members.signUp("exam-snoop", "Dojo-Practice-42");
        ExamRecord exam = service.startExam("exam-owner", "CLF-C02");
        assertThat(service.exam("exam-snoop", exam.id())).isEmpty();
        assertThatThrownBy(() -> service.finishExam("exam-snoop", exam.id())).isInstanceOf(AttemptService.NotFoundException.class);
        assertThat(service.result("exam-snoop", exam.id())).isEmpty();
    }

    @Test
    void practiceAnswersCountTowardsProgressAndWeakTopics() {
        members.signUp("path-learner", "Dojo-Practice-42");
        Question q = catalog.question("scp-grants-nothing").orElseThrow();
        assertThat(service.answer("path-learner", q.id(), Set.of(wrongOption(q)))).isFalse();
        assertThat(service.answer("path-learner", "root-user-only-tasks",
                catalog.question("root-user-only-tasks").orElseThrow().correctOptions())).isTrue();
        PracticeService.PathProgress progress = service.progress("path-learner", "CLF-C02");
        assertThat(progress.done()).isEqualTo(1);
        assertThat(service.topicsByCorrectRate("path-learner").get(0))
                .isEqualTo(new ExamGrader.TopicScore("scp", 0, 1));
    }

    @Test
    void consecutiveExamsDrawFreshQuestionsBalancedByTheGuidesDomainWeights() {
        members.signUp("exam-repeat", "Dojo-Practice-42");
        ExamGuide guide = catalog.guide("SCS-C02").orElseThrow();
        java.util.List<String> previous = java.util.List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            ExamRecord exam = service.startExam("exam-repeat", "SCS-C02");
            java.util.List<String> before = previous;
            assertThat(exam.questionIds()).hasSize(20).doesNotHaveDuplicates();
            assertThat(exam.questionIds()).as("attempt %s repeats none of the previous one", attempt)
                    .noneMatch(before::contains);
            // Every domain of the guide with questions on the path is represented, as its weight asks for 20 seats.
            Map<Integer, Integer> byDomain = new java.util.TreeMap<>();
            for (String id : exam.questionIds()) {
                String task = catalog.question(id).orElseThrow().tasksOf("SCS-C02").get(0);
                byDomain.merge(guide.domainOf(task).orElseThrow().number(), 1, Integer::sum);
            }
            assertThat(byDomain.keySet()).as("domains of attempt %s", attempt).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(byDomain.get(3)).as("domain 3 (20 %%) gets at least as many as domain 1 (14 %%)")
                    .isGreaterThanOrEqualTo(byDomain.get(1));
            service.finishExam("exam-repeat", exam.id());
            previous = exam.questionIds();
        }
    }

    @Test
    void thePlanPutsTheTaskStatementsOfWrongAnswersAndFailedChecksFirst() {
        members.signUp("plan-learner", "Dojo-Practice-42");
        PracticePlan.Plan fresh = service.plan("plan-learner", "SCS-C02");
        assertThat(fresh.weak()).isEmpty();
        assertThat(fresh.next()).isNotEmpty().allMatch(s -> s.reason() != PracticePlan.Reason.WEAK);

        // A wrong answer to a question that serves only SCS-C02 6.1 makes 6.1 weak and moves its items up.
        Question scp = catalog.question("scp-not-management-account").orElseThrow();
        assertThat(scp.tasksOf("SCS-C02")).containsExactly("6.1");
        service.answer("plan-learner", scp.id(), Set.of(wrongOption(scp)));
        PracticePlan.Plan afterAnswer = service.plan("plan-learner", "SCS-C02");
        assertThat(afterAnswer.weak()).extracting(PracticePlan.TaskScore::task).containsExactly("6.1");
        assertThat(afterAnswer.next().get(0).task()).isEqualTo("6.1");
        assertThat(afterAnswer.next().get(0).reason()).isEqualTo(PracticePlan.Reason.WEAK);

        // Failing checks of a scenario counts against the task statements of the questions that link to it.
        var live = attempts.open("plan-learner", "privilege-escalation");
        attempts.grade(live);
        PracticePlan.Plan afterGrading = service.plan("plan-learner", "SCS-C02");
        assertThat(afterGrading.weak()).extracting(PracticePlan.TaskScore::task).contains("4.2", "6.1");
        assertThat(afterGrading.next()).filteredOn(s -> s.reason() == PracticePlan.Reason.WEAK)
                .extracting(s -> s.item().scenario()).contains("privilege-escalation");
    }

    static int wrongOption(Question q) {
        return q.optionPositions().stream().filter(i -> !q.correctOptions().contains(i)).findFirst().orElseThrow();
    }
}
