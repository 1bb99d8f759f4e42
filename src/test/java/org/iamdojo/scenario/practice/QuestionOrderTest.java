package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iamdojo.iam.policy.validation.PolicyValidator;
import org.iamdojo.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;

/**
 * The order in which options are shown cannot be learned: it differs between attempts, is the same for one attempt
 * every time it is asked (reload, restart), and answers are graded by option, not by where it was shown.
 */
class QuestionOrderTest {
    private static final List<Question> SHIPPED = new PracticeCatalog(Path.of("scenarios/questions"),
            Path.of("scenarios/paths"), new ScenarioCatalog(Path.of("scenarios"), PolicyValidator.standard())).questions();

    @Test
    void oneAttemptAlwaysSeesTheSameOrderAndEveryOptionOnce() {
        assertThat(SHIPPED).hasSizeGreaterThan(10);
        for (Question q : SHIPPED) {
            List<Integer> order = q.optionOrder("exam-7f3a");
            assertThat(order).containsExactlyInAnyOrderElementsOf(q.optionPositions());
            // A fresh Question object (as after a restart, when the file is read again) gives the same order.
            Question reread = new Question(q.id(), q.tasks(), q.topics(), q.scenario(), q.source(),
                    q.question(), q.options(), q.explanation());
            assertThat(reread.optionOrder("exam-7f3a")).isEqualTo(order);
        }
    }

    @Test
    void theCorrectOptionIsNotAlwaysShownFirst() {
        for (String attempt : List.of("exam-1", "exam-2", "practice/alice")) {
            long correctFirst = SHIPPED.stream()
                    .filter(q -> q.options().get(q.optionOrder(attempt).get(0)).isCorrect()).count();
            // In the files the correct option comes first in (nearly) every question; shuffled, about one in four.
            assertThat(correctFirst).as("questions of attempt %s whose first shown option is correct", attempt)
                    .isLessThan(SHIPPED.size() * 2L / 3);
        }
    }

    @Test
    void differentAttemptsSeeDifferentOrders() {
        for (Question q : SHIPPED) {
            Set<List<Integer>> orders = new HashSet<>();
            for (int attempt = 0; attempt < 20; attempt++) {
                orders.add(q.optionOrder("exam-" + attempt));
            }
            assertThat(orders).as("orders of %s over 20 attempts", q.id()).hasSizeGreaterThan(1);
        }
    }
}
