package org.iamdojo.scenario.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.iamdojo.scenario.Text;
import org.junit.jupiter.api.Test;

/** Exam questions are drawn by the guide's domain weights, spread over task statements, without repeats. */
class ExamDrawTest {
    static final ExamGuide SCS = PracticeParserTest.GUIDES.get("SCS-C02");

    static Question question(String id, String... tags) {
        return new Question(id, List.of(tags), List.of("t"), null, "https://docs.aws.amazon.com/x", Text.both("q"),
                List.of(new Question.Option("a", "가", true), new Question.Option("b", "나", false)), Text.both("e"));
    }

    /** 10 questions in every SCS-C02 domain, spread over its task statements. */
    static List<Question> pool() {
        List<Question> pool = new ArrayList<>();
        for (ExamGuide.Domain d : SCS.domains()) {
            for (int i = 0; i < 10; i++) {
                String task = d.tasks().get(i % d.tasks().size()).id();
                pool.add(question("d" + d.number() + "-" + i, "SCS-C02/" + task, "SAA-C03/1.1"));
            }
        }
        return pool;
    }

    static Map<Integer, Integer> byDomain(List<String> ids) {
        Map<Integer, Integer> count = new TreeMap<>();
        ids.forEach(id -> count.merge(Integer.parseInt(id.substring(1, id.indexOf('-'))), 1, Integer::sum));
        return count;
    }

    @Test
    void quotasFollowTheWeightsByLargestRemainder() {
        // SCS-C02: 14, 18, 20, 16, 18, 14 % of 20 questions = 2.8, 3.6, 4.0, 3.2, 3.6, 2.8.
        Map<Integer, Integer> all = Map.of(1, 10, 2, 10, 3, 10, 4, 10, 5, 10, 6, 10);
        Map<Integer, Integer> weights = Map.of(1, 14, 2, 18, 3, 20, 4, 16, 5, 18, 6, 14);
        assertThat(ExamDraw.quotas(all, weights, 20)).isEqualTo(Map.of(1, 3, 2, 4, 3, 4, 4, 3, 5, 3, 6, 3));
        // A domain with too few questions gives its seats to the others, by weight.
        Map<Integer, Integer> fewInOne = Map.of(1, 1, 2, 10, 3, 10, 4, 10, 5, 10, 6, 10);
        Map<Integer, Integer> q = ExamDraw.quotas(fewInOne, weights, 20);
        assertThat(q.get(1)).isEqualTo(1);
        assertThat(q.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(q.get(3)).isGreaterThanOrEqualTo(q.get(2));
        // Never more than there is.
        assertThat(ExamDraw.quotas(Map.of(1, 2, 2, 0), Map.of(1, 50, 2, 50), 10)).isEqualTo(Map.of(1, 2, 2, 0));
    }

    @Test
    void eachAttemptIsBalancedByDomainWeight() {
        List<Question> pool = pool();
        Random random = new Random(7);
        for (int attempt = 0; attempt < 20; attempt++) {
            List<String> drawn = ExamDraw.draw(pool, SCS, 20, List.of(), random);
            assertThat(drawn).hasSize(20).doesNotHaveDuplicates();
            assertThat(byDomain(drawn)).isEqualTo(Map.of(1, 3, 2, 4, 3, 4, 4, 3, 5, 3, 6, 3));
            // Within domain 2 (five task statements, four seats) no task statement is drawn twice.
            Set<String> tasks = new HashSet<>();
            pool.stream().filter(q -> drawn.contains(q.id()) && q.id().startsWith("d2-"))
                    .forEach(q -> assertThat(tasks.add(q.tasksOf("SCS-C02").get(0))).as(q.id()).isTrue());
        }
    }

    @Test
    void theNextAttemptNeverRepeatsThePreviousWhenEnoughOthersExist() {
        List<Question> pool = pool();
        Random random = new Random(11);
        List<String> previous = ExamDraw.draw(pool, SCS, 20, List.of(), random);
        Set<List<String>> seen = new HashSet<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            List<String> next = ExamDraw.draw(pool, SCS, 20, previous, random);
            assertThat(next).hasSize(20).doesNotContainAnyElementsOf(previous);
            assertThat(byDomain(next)).isEqualTo(Map.of(1, 3, 2, 4, 3, 4, 4, 3, 5, 3, 6, 3));
            seen.add(List.copyOf(new java.util.TreeSet<>(next)));
            previous = next;
        }
        assertThat(seen).as("fresh sets, not one alternating pair").hasSizeGreaterThan(10);
    }

    @Test
    void whenTooFewOthersExistAllOfThemAreDrawnAndAsFewRepeatsAsPossible() {
        List<Question> pool = pool().subList(0, 25);
        List<String> previous = pool.subList(0, 15).stream().map(Question::id).toList();
        List<String> next = ExamDraw.draw(pool, SCS, 20, previous, new Random(3));
        assertThat(next).hasSize(20).doesNotHaveDuplicates()
                .containsAll(pool.subList(15, 25).stream().map(Question::id).toList());
        assertThat(next.stream().filter(previous::contains)).hasSize(10);
    }

    @Test
    void questionsOfOtherCertificationsAreNotDrawnAndTheOrderIsShuffled() {
        List<Question> pool = new ArrayList<>(pool());
        pool.add(question("clf-only", "CLF-C02/2.3"));
        Set<String> firsts = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            List<String> drawn = ExamDraw.draw(pool, SCS, 60, List.of(), new Random(seed));
            assertThat(drawn).hasSize(60).doesNotContain("clf-only");
            firsts.add(drawn.get(0));
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }
}
