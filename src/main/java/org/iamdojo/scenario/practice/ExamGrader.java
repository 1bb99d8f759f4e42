package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Grades a finished exam: one point per question answered exactly right, each scenario's score scaled to its exam
 * points, and the same points broken down by topic, so the learner sees what to practise next.
 */
public final class ExamGrader {
    /** A topic whose correct rate is below this is weak. */
    public static final double WEAK_BELOW = 0.7;
    private static final Pattern CERTIFICATION = Pattern.compile("[A-Z]{3}-C[0-9]{2}");

    private ExamGrader() {
    }

    /** A question of the exam and the options the learner chose (0-based positions; empty when unanswered). */
    public record QuestionOutcome(Question question, Set<Integer> chosen) {
        /** Whether the chosen options are exactly the correct ones. */
        public boolean correct() {
            return question.isAnsweredBy(chosen);
        }
    }

    /** A scenario of the exam: its topics, the attempt's score out of its maximum, and its exam points. */
    public record ScenarioOutcome(String scenarioId, List<String> topics, int score, int max, int points) {
        /** The exam points earned: the score scaled to {@code points}, rounded down. */
        public int earned() {
            return max <= 0 ? 0 : Math.max(0, Math.min(points, score * points / max));
        }
    }

    /** Points earned and possible in one topic. */
    public record TopicScore(String topic, int earned, int max) {
        /** The share earned, 0..1. */
        public double rate() {
            return max == 0 ? 0 : (double) earned / max;
        }

        /** Whether the topic needs more practice. */
        public boolean weak() {
            return rate() < WEAK_BELOW;
        }
    }

    /** An exam's total and its per-topic breakdown (topics sorted weakest first). */
    public record Grade(int score, int max, List<TopicScore> topics) {
        /** The weak topics, weakest first. */
        public List<String> weakTopics() {
            return topics.stream().filter(TopicScore::weak).map(TopicScore::topic).toList();
        }
    }

    /** What to do about one weak topic: the path's scenarios and questions that teach it. */
    public record Recommendation(String topic, List<String> scenarioIds, List<String> questionIds) {
    }

    /** Grades the answers and scenario scores. */
    public static Grade grade(List<QuestionOutcome> questions, List<ScenarioOutcome> scenarios) {
        Map<String, int[]> byTopic = new TreeMap<>();
        int score = 0;
        int max = 0;
        for (QuestionOutcome q : questions) {
            int earned = q.correct() ? 1 : 0;
            score += earned;
            max += 1;
            for (String topic : q.question().topics()) {
                int[] t = byTopic.computeIfAbsent(topic, k -> new int[2]);
                t[0] += earned;
                t[1] += 1;
            }
        }
        for (ScenarioOutcome s : scenarios) {
            score += s.earned();
            max += s.points();
            for (String topic : s.topics()) {
                int[] t = byTopic.computeIfAbsent(topic, k -> new int[2]);
                t[0] += s.earned();
                t[1] += s.points();
            }
        }
        List<TopicScore> topics = new ArrayList<>();
        byTopic.forEach((topic, t) -> topics.add(new TopicScore(topic, t[0], t[1])));
        topics.sort(Comparator.comparingDouble(TopicScore::rate).thenComparing(TopicScore::topic));
        return new Grade(score, max, List.copyOf(topics));
    }

    /** A scenario's topics: its tags without the certification codes. */
    public static List<String> topicsOf(List<String> scenarioTags) {
        return scenarioTags.stream().filter(t -> !CERTIFICATION.matcher(t).matches()).toList();
    }

    /**
     * For each weak topic, the path's scenarios tagged with it (and the scenarios that teach its questions) and the
     * path's questions about it.
     */
    public static List<Recommendation> practiseNext(List<String> weakTopics, PracticePath path,
                                                    Function<String, List<String>> scenarioTopics,
                                                    Function<String, Question> questionOf) {
        List<Recommendation> out = new ArrayList<>();
        for (String topic : weakTopics) {
            Set<String> scenarioIds = new LinkedHashSet<>();
            List<String> questionIds = new ArrayList<>();
            for (PracticePath.Item item : path.items()) {
                if (item.isScenario()) {
                    if (scenarioTopics.apply(item.scenario()).contains(topic)) {
                        scenarioIds.add(item.scenario());
                    }
                } else {
                    Question q = questionOf.apply(item.question());
                    if (q != null && q.topics().contains(topic)) {
                        questionIds.add(q.id());
                        if (q.scenario() != null) {
                            scenarioIds.add(q.scenario());
                        }
                    }
                }
            }
            out.add(new Recommendation(topic, List.copyOf(scenarioIds), List.copyOf(questionIds)));
        }
        return out;
    }
}
