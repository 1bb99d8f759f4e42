package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws the questions of one exam attempt: balanced over the guide's content domains by their weights (a question
 * counts for the domain of its first task statement of that certification), spread over task statements within a
 * domain, and never one of the previous attempt's questions while enough others exist.
 */
public final class ExamDraw {
    private ExamDraw() {
    }

    /**
     * {@code count} question ids from {@code pool} (questions tagged with {@code guide}'s certification), in the
     * order to show them. Questions of {@code previous} are drawn only when the others are too few, and then as few
     * of them as possible.
     */
    public static List<String> draw(List<Question> pool, ExamGuide guide, int count, Collection<String> previous,
                                    Random random) {
        String cert = guide.certification();
        List<Question> eligible = pool.stream().filter(q -> !q.tasksOf(cert).isEmpty()
                && guide.domainOf(q.tasksOf(cert).get(0)).isPresent()).distinct().toList();
        Set<String> before = new HashSet<>(previous);
        List<Question> fresh = eligible.stream().filter(q -> !before.contains(q.id())).toList();
        List<Question> repeats = eligible.stream().filter(q -> before.contains(q.id())).toList();
        int want = Math.min(count, eligible.size());
        List<String> drawn = new ArrayList<>(balanced(fresh, guide, Math.min(want, fresh.size()), random));
        if (drawn.size() < want) {
            drawn.addAll(balanced(repeats, guide, want - drawn.size(), random));
        }
        Collections.shuffle(drawn, random);
        return List.copyOf(drawn);
    }

    /** How many questions each domain gets out of {@code count}, by weight, never more than it has. */
    public static Map<Integer, Integer> quotas(Map<Integer, Integer> available, Map<Integer, Integer> weights, int count) {
        Map<Integer, Integer> quota = new TreeMap<>();
        available.keySet().forEach(d -> quota.put(d, 0));
        Set<Integer> open = new HashSet<>();
        available.forEach((d, n) -> {
            if (n > 0) {
                open.add(d);
            }
        });
        int remaining = Math.min(count, available.values().stream().mapToInt(Integer::intValue).sum());
        while (remaining > 0 && !open.isEmpty()) {
            // Largest remainder (Hamilton) over the domains that still have questions left.
            int totalWeight = open.stream().mapToInt(d -> Math.max(1, weights.getOrDefault(d, 1))).sum();
            Map<Integer, Integer> seats = new TreeMap<>();
            List<double[]> remainders = new ArrayList<>();
            int given = 0;
            for (int d : open) {
                double exact = (double) remaining * Math.max(1, weights.getOrDefault(d, 1)) / totalWeight;
                int floor = (int) Math.floor(exact);
                seats.put(d, floor);
                given += floor;
                remainders.add(new double[] {exact - floor, weights.getOrDefault(d, 1), -d, d});
            }
            remainders.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1])
                    .thenComparingDouble(r -> r[2]).reversed());
            for (int i = 0; i < remaining - given; i++) {
                int d = (int) remainders.get(i)[3];
                seats.merge(d, 1, Integer::sum);
            }
            boolean capped = false;
            for (Map.Entry<Integer, Integer> e : seats.entrySet()) {
                int d = e.getKey();
                int room = available.get(d) - quota.get(d);
                int take = Math.min(e.getValue(), room);
                quota.merge(d, take, Integer::sum);
                if (take == room) {
                    open.remove(d);
                    capped |= e.getValue() > room;
                }
            }
            remaining = Math.min(count, available.values().stream().mapToInt(Integer::intValue).sum())
                    - quota.values().stream().mapToInt(Integer::intValue).sum();
            if (!capped) {
                break;
            }
        }
        return quota;
    }

    private static List<String> balanced(List<Question> questions, ExamGuide guide, int count, Random random) {
        if (count <= 0) {
            return List.of();
        }
        String cert = guide.certification();
        Map<Integer, List<Question>> byDomain = new TreeMap<>();
        for (Question q : questions) {
            int domain = guide.domainOf(q.tasksOf(cert).get(0)).orElseThrow().number();
            byDomain.computeIfAbsent(domain, k -> new ArrayList<>()).add(q);
        }
        Map<Integer, Integer> available = new TreeMap<>();
        Map<Integer, Integer> weights = new TreeMap<>();
        for (ExamGuide.Domain d : guide.domains()) {
            available.put(d.number(), byDomain.getOrDefault(d.number(), List.of()).size());
            weights.put(d.number(), d.weight());
        }
        Map<Integer, Integer> quota = quotas(available, weights, count);
        List<String> out = new ArrayList<>();
        quota.forEach((domain, n) -> out.addAll(spread(byDomain.getOrDefault(domain, List.of()), cert, n, random)));
        return out;
    }

    // Round robin over the domain's task statements (each shuffled), so one task does not fill the domain's seats.
    private static List<String> spread(List<Question> questions, String cert, int count, Random random) {
        Map<String, List<Question>> byTask = new LinkedHashMap<>();
        for (Question q : questions) {
            byTask.computeIfAbsent(q.tasksOf(cert).get(0), k -> new ArrayList<>()).add(q);
        }
        List<List<Question>> groups = new ArrayList<>(byTask.values());
        groups.forEach(g -> Collections.shuffle(g, random));
        Collections.shuffle(groups, random);
        List<String> out = new ArrayList<>();
        for (int round = 0; out.size() < count && round < questions.size(); round++) {
            for (List<Question> g : groups) {
                if (round < g.size() && out.size() < count) {
                    out.add(g.get(round).id());
                }
            }
        }
        return out;
    }
}
