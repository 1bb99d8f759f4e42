package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.iamdojo.scenario.Text;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge question as read from {@code scenarios/questions/*.yaml}: multiple choice with one or several
 * correct options, an explanation, the exam guides' task statements it serves ({@code SCS-C02/4.2}), its topics,
 * the AWS documentation page it follows and the scenario that practises it, when one does.
 */
public record Question(
        @Nullable String id,
        @Nullable List<String> tasks,
        @Nullable List<String> topics,
        @Nullable String scenario,
        @Nullable String source,
        @Nullable Text question,
        @Nullable List<Option> options,
        @Nullable Text explanation) {

    /** Replaces absent lists with empty ones. */
    public Question {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        topics = topics == null ? List.of() : List.copyOf(topics);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** One answer to choose, in English and Korean, and whether it is correct. */
    public record Option(@Nullable String en, @Nullable String ko, @Nullable Boolean correct) {
        /** Whether choosing this option is right. */
        public boolean isCorrect() {
            return Boolean.TRUE.equals(correct);
        }

        /** The option's text as a {@link Text}. */
        public Text text() {
            return new Text(en, ko);
        }
    }

    /** The exam codes the question is tagged for (from its task statements), in the order of the tags. */
    public List<String> certifications() {
        Set<String> codes = new LinkedHashSet<>();
        for (String tag : tasks()) {
            int slash = tag.indexOf('/');
            codes.add(slash < 0 ? tag : tag.substring(0, slash));
        }
        return List.copyOf(codes);
    }

    /** The task statement numbers ("4.2") the question serves in one certification's guide, in the order of the tags. */
    public List<String> tasksOf(String certification) {
        String prefix = certification + "/";
        return tasks().stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).toList();
    }

    /** The positions (0-based) of the correct options. */
    public Set<Integer> correctOptions() {
        Set<Integer> correct = new TreeSet<>();
        for (int i = 0; i < options().size(); i++) {
            if (options().get(i).isCorrect()) {
                correct.add(i);
            }
        }
        return correct;
    }

    /** Whether more than one option is correct (the learner must choose all of them). */
    public boolean multipleAnswers() {
        return correctOptions().size() > 1;
    }

    /** Whether the chosen options are exactly the correct ones. */
    public boolean isAnsweredBy(Set<Integer> chosen) {
        return correctOptions().equals(new TreeSet<>(chosen));
    }

    /** The options' positions in file order, for callers that shuffle. */
    public List<Integer> optionPositions() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < options().size(); i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * The options' file positions in the order one attempt shows them. The order is a function of {@code attemptKey}
     * (e.g. an exam's id) and the question's id only, so a reload or a restart shows the same order, while another
     * attempt gets another one; answers are positions in the file, so grading never depends on the order shown.
     */
    public List<Integer> optionOrder(String attemptKey) {
        List<Integer> order = optionPositions();
        // String.hashCode is specified by the JLS and java.util.Random's sequence by its javadoc: stable everywhere.
        Collections.shuffle(order, new Random(((long) attemptKey.hashCode() << 32) ^ String.valueOf(id).hashCode()));
        return List.copyOf(order);
    }
}
