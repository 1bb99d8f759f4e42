package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iamdojo.scenario.Text;
import org.junit.jupiter.api.Test;

/** Exam grading: one point per exactly-right question, scenarios scaled to their points, broken down by topic. */
class ExamGraderTest {

    static Question question(String id, List<String> topics, int... correct) {
        List<Question.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            options.add(new Question.Option("o" + i, "보기" + i, java.util.Arrays.stream(correct).anyMatch(c -> c == n)));
        }
        return new Question(id, List.of("SAA-C03/1.1"), topics, "explicit-deny-wins", null, Text.both("q"), options,
                Text.both("e"));
    }

    @Test
    void gradesPerTopicAndNamesWeakTopics() {
        Question deny = question("deny", List.of("explicit-deny", "policy-evaluation"), 0);
        Question scp = question("scp", List.of("scp"), 1, 2);
        Question scp2 = question("scp2", List.of("scp"), 3);
        ExamGrader.Grade grade = ExamGrader.grade(List.of(
                        new ExamGrader.QuestionOutcome(deny, Set.of(0)),
                        new ExamGrader.QuestionOutcome(scp, Set.of(1)),       // half of a multi-answer is wrong
                        new ExamGrader.QuestionOutcome(scp2, Set.of())),       // unanswered
                List.of(new ExamGrader.ScenarioOutcome("explicit-deny-wins", List.of("explicit-deny"), 50, 100, 4)));
        assertThat(grade.score()).isEqualTo(1 + 2);
        assertThat(grade.max()).isEqualTo(3 + 4);
        Map<String, ExamGrader.TopicScore> byTopic = new java.util.HashMap<>();
        grade.topics().forEach(t -> byTopic.put(t.topic(), t));
        assertThat(byTopic.get("explicit-deny")).isEqualTo(new ExamGrader.TopicScore("explicit-deny", 3, 5));
        assertThat(byTopic.get("policy-evaluation")).isEqualTo(new ExamGrader.TopicScore("policy-evaluation", 1, 1));
        assertThat(byTopic.get("scp")).isEqualTo(new ExamGrader.TopicScore("scp", 0, 2));
        assertThat(grade.topics().get(0).topic()).isEqualTo("scp");
        assertThat(grade.weakTopics()).containsExactly("scp", "explicit-deny");
    }

    @Test
    void recommendsThePathsScenariosAndQuestionsOfWeakTopics() {
        Question scp = question("scp", List.of("scp"), 1);
        PracticePath path = new PracticePath("SAA-C03", Text.both("t"), Text.both("s"), List.of(
                new PracticePath.Item("explicit-deny-wins", null), new PracticePath.Item(null, "scp"),
                new PracticePath.Item("root-account-hygiene", null)), null);
        List<ExamGrader.Recommendation> next = ExamGrader.practiseNext(List.of("scp", "root-user"), path,
                id -> id.equals("root-account-hygiene") ? List.of("root-user") : List.of("explicit-deny"),
                id -> id.equals("scp") ? scp : null);
        assertThat(next.get(0)).isEqualTo(new ExamGrader.Recommendation("scp", List.of("explicit-deny-wins"), List.of("scp")));
        assertThat(next.get(1)).isEqualTo(new ExamGrader.Recommendation("root-user", List.of("root-account-hygiene"), List.of()));
    }

    @Test
    void scenarioTopicsLeaveOutCertificationCodes() {
        assertThat(ExamGrader.topicsOf(List.of("SAA-C03", "SCS-C02", "explicit-deny"))).containsExactly("explicit-deny");
    }
}
