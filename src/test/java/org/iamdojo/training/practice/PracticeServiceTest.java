package org.iamdojo.training.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.iamdojo.InMemoryAppTest;
import org.iamdojo.scenario.practice.ExamGrader;
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
        assertThat(exam.questionIds()).hasSize(10).doesNotHaveDuplicates();
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
        assertThat(done.score()).isEqualTo(9 + scenarioPoints);
        assertThat(done.maxScore()).isEqualTo(10 + 5);
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

    static int wrongOption(Question q) {
        return q.optionPositions().stream().filter(i -> !q.correctOptions().contains(i)).findFirst().orElseThrow();
    }
}
