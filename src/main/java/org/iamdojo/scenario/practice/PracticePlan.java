package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import java.util.LinkedHashMap;

/**
 * What a learner should do next on a practice path: the guide's task statements scored from the learner's evidence
 * (the latest answer to each question, the checks of each scenario's latest grading), and the path's unfinished
 * items ordered by it: first what practises the weakest task statements, then one item for each task statement not
 * tried yet, then the rest in the path's order.
 */
public final class PracticePlan {
    /** A task statement whose correct rate is below this is weak. */
    public static final double WEAK_BELOW = ExamGrader.WEAK_BELOW;
    /** How many scenarios of a weak task statement come before its questions. */
    static final int LEADING_SCENARIOS = 2;

    private PracticePlan() {
    }

    /** A scenario's latest grading: checks failed out of its checks, and whether it was ever completed. */
    public record ScenarioResult(int failedChecks, int checks, boolean completed) {
        /** The share of checks passed, 0..1. */
        public double passed() {
            return checks <= 0 ? 0 : Math.max(0, (double) (checks - failedChecks) / checks);
        }
    }

    /** What the learner has done: the latest answer per question id, the latest grading per scenario id. */
    public record Evidence(Map<String, Boolean> lastAnswer, Map<String, ScenarioResult> scenarios) {
    }

    /** One task statement's score: credit earned (a question 1 or 0, a scenario its share of passed checks) of tried. */
    public record TaskScore(String task, double earned, int tried) {
        /** The share earned, 0..1. */
        public double rate() {
            return tried == 0 ? 0 : earned / tried;
        }

        /** Whether the learner tried it and got less than {@link #WEAK_BELOW} of it right. */
        public boolean weak() {
            return tried > 0 && rate() < WEAK_BELOW;
        }
    }

    /** Why an item is suggested. */
    public enum Reason {
        /** It practises a weak task statement. */
        WEAK,
        /** Its task statement has not been tried yet. */
        UNTRIED,
        /** Next in the path's order. */
        NEXT
    }

    /** An item to do next and why: the task statement it serves (null for {@link Reason#NEXT}). */
    public record Suggestion(PracticePath.Item item, @Nullable String task, Reason reason) {
    }

    /** The scored task statements (tried ones, weakest first) and every unfinished item of the path, in order. */
    public record Plan(List<TaskScore> tasks, List<Suggestion> next) {
        /** The weak task statements, weakest first. */
        public List<TaskScore> weak() {
            return tasks.stream().filter(TaskScore::weak).toList();
        }
    }

    /**
     * Plans {@code path} for {@code guide}'s certification. {@code questionOf} finds a question by id;
     * {@code scenarioTasks} gives the task statement numbers a scenario practises in this certification.
     */
    public static Plan plan(PracticePath path, ExamGuide guide, Function<String, @Nullable Question> questionOf,
                            Function<String, List<String>> scenarioTasks, Evidence evidence) {
        String cert = guide.certification();
        Map<String, double[]> score = new TreeMap<>();
        for (PracticePath.Item item : path.items()) {
            Double credit = credit(item, evidence);
            if (credit == null) {
                continue;
            }
            for (String task : tasksOf(item, cert, questionOf, scenarioTasks)) {
                double[] s = score.computeIfAbsent(task, k -> new double[2]);
                s[0] += credit;
                s[1] += 1;
            }
        }
        List<String> order = guide.tasks().stream().map(ExamGuide.Task::id).toList();
        List<TaskScore> tasks = new ArrayList<>();
        score.forEach((t, s) -> tasks.add(new TaskScore(t, s[0], (int) s[1])));
        tasks.sort(Comparator.comparingDouble(TaskScore::rate).thenComparing(Comparator.comparingInt(TaskScore::tried).reversed())
                .thenComparingInt(t -> order.indexOf(t.task())));

        Set<PracticePath.Item> suggested = new LinkedHashSet<>();
        List<Suggestion> next = new ArrayList<>();
        for (TaskScore weak : tasks.stream().filter(TaskScore::weak).toList()) {
            List<PracticePath.Item> candidates = path.items().stream().filter(item -> !done(item, evidence)
                    && !suggested.contains(item) && tasksOf(item, cert, questionOf, scenarioTasks).contains(weak.task()))
                    .toList();
            // Scenarios that practise the task statement most (it comes first among theirs) lead, at most two of them;
            // then the questions not seen yet, the other scenarios, and the questions answered wrong.
            List<PracticePath.Item> scenariosFirst = new ArrayList<>(candidates.stream().filter(PracticePath.Item::isScenario)
                    .toList());
            scenariosFirst.sort(Comparator.comparingInt(item -> scenarioTasks.apply(item.scenario()).indexOf(weak.task())));
            List<PracticePath.Item> ordered = new ArrayList<>(scenariosFirst.subList(0, Math.min(LEADING_SCENARIOS,
                    scenariosFirst.size())));
            candidates.stream().filter(i -> !i.isScenario() && !evidence.lastAnswer().containsKey(i.question()))
                    .forEach(ordered::add);
            ordered.addAll(scenariosFirst.subList(Math.min(LEADING_SCENARIOS, scenariosFirst.size()), scenariosFirst.size()));
            candidates.stream().filter(i -> !i.isScenario() && evidence.lastAnswer().containsKey(i.question()))
                    .forEach(ordered::add);
            for (PracticePath.Item item : ordered) {
                suggested.add(item);
                next.add(new Suggestion(item, weak.task(), Reason.WEAK));
            }
        }
        Set<String> tried = new LinkedHashSet<>(score.keySet());
        for (String task : order) {
            if (tried.contains(task)) {
                continue;
            }
            for (PracticePath.Item item : path.items()) {
                if (!done(item, evidence) && !suggested.contains(item)
                        && tasksOf(item, cert, questionOf, scenarioTasks).contains(task)) {
                    suggested.add(item);
                    next.add(new Suggestion(item, task, Reason.UNTRIED));
                    break;
                }
            }
        }
        for (PracticePath.Item item : path.items()) {
            if (!done(item, evidence) && !suggested.contains(item)) {
                suggested.add(item);
                next.add(new Suggestion(item, null, Reason.NEXT));
            }
        }
        return new Plan(List.copyOf(tasks), List.copyOf(next));
    }

    /** The task statement numbers an item serves in {@code certification}. */
    public static List<String> tasksOf(PracticePath.Item item, String certification,
                                       Function<String, @Nullable Question> questionOf,
                                       Function<String, List<String>> scenarioTasks) {
        if (item.isScenario()) {
            return scenarioTasks.apply(item.scenario());
        }
        Question q = questionOf.apply(item.question());
        return q == null ? List.of() : q.tasksOf(certification);
    }

    private static @Nullable Double credit(PracticePath.Item item, Evidence evidence) {
        if (item.isScenario()) {
            ScenarioResult r = evidence.scenarios().get(item.scenario());
            return r == null ? null : r.completed() && r.failedChecks() == 0 ? 1.0 : r.passed();
        }
        Boolean last = evidence.lastAnswer().get(item.question());
        return last == null ? null : last ? 1.0 : 0.0;
    }

    private static boolean done(PracticePath.Item item, Evidence evidence) {
        if (item.isScenario()) {
            ScenarioResult r = evidence.scenarios().get(item.scenario());
            return r != null && r.completed();
        }
        return Boolean.TRUE.equals(evidence.lastAnswer().get(item.question()));
    }

    /**
     * The task statement numbers each scenario practises in {@code certification}: those of the questions that link
     * to it, the most frequent first.
     */
    public static Map<String, List<String>> scenarioTasks(List<Question> questions, String certification) {
        // Ordered by how many of the linked questions serve each task statement: the scenario's main ones first.
        Map<String, Map<String, Integer>> byScenario = new TreeMap<>();
        for (Question q : questions) {
            if (q.scenario() != null) {
                Map<String, Integer> counts = byScenario.computeIfAbsent(q.scenario(), k -> new LinkedHashMap<>());
                q.tasksOf(certification).forEach(t -> counts.merge(t, 1, Integer::sum));
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        byScenario.forEach((s, counts) -> {
            List<String> tasks = new ArrayList<>(counts.keySet());
            tasks.sort(Comparator.comparingInt((String t) -> counts.get(t)).reversed());
            out.put(s, List.copyOf(tasks));
        });
        return out;
    }
}
