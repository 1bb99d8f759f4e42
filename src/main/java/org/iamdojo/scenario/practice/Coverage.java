package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How well the questions cover the exam guides: for every task statement of every guide, the questions tagged with
 * it and the scenarios those questions link to. The table in {@code scenarios/questions/README.md} is
 * {@link #markdown}; a test keeps the two equal.
 */
public final class Coverage {
    /** Task statements about identity and access need at least this many questions. */
    public static final int MIN_IAM_QUESTIONS = 3;

    private Coverage() {
    }

    /** One task statement with the questions tagged with it and the scenarios they link to (sorted ids). */
    public record Row(String certification, ExamGuide.Task task, List<String> questionIds, List<String> scenarioIds) {
        /** The tag of the task statement, e.g. SCS-C02/4.2. */
        public String tag() {
            return ExamGuide.tag(certification, task.id());
        }
    }

    /** A row per task statement of every guide, in the guides' order. */
    public static List<Row> of(List<ExamGuide> guides, List<Question> questions) {
        List<Row> rows = new ArrayList<>();
        for (ExamGuide guide : guides) {
            for (ExamGuide.Task task : guide.tasks()) {
                String tag = ExamGuide.tag(guide.certification(), task.id());
                TreeSet<String> ids = new TreeSet<>();
                TreeSet<String> scenarios = new TreeSet<>();
                for (Question q : questions) {
                    if (q.tasks().contains(tag)) {
                        ids.add(q.id());
                        if (q.scenario() != null) {
                            scenarios.add(q.scenario());
                        }
                    }
                }
                rows.add(new Row(guide.certification(), task, List.copyOf(ids), List.copyOf(scenarios)));
            }
        }
        return List.copyOf(rows);
    }

    /** The IAM-related task statements with fewer than {@link #MIN_IAM_QUESTIONS} questions. */
    public static List<Row> shortOfQuestions(List<Row> rows) {
        return rows.stream().filter(r -> r.task().iamRelated() && r.questionIds().size() < MIN_IAM_QUESTIONS).toList();
    }

    /** The coverage as Markdown: one table per certification. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        String certification = null;
        for (Row r : rows) {
            if (!r.certification().equals(certification)) {
                certification = r.certification();
                b.append(b.isEmpty() ? "" : "\n").append("### ").append(certification).append("\n\n")
                        .append("| Task statement | IAM | Questions | Scenarios |\n| --- | --- | --- | --- |\n");
            }
            b.append("| ").append(r.task().id()).append(' ').append(r.task().en()).append(" | ")
                    .append(r.task().iamRelated() ? "yes" : "").append(" | ").append(r.questionIds().size());
            if (!r.questionIds().isEmpty()) {
                b.append(": ").append(String.join(", ", r.questionIds().stream().map(id -> "`" + id + "`").toList()));
            }
            b.append(" | ").append(String.join(", ", r.scenarioIds().stream().map(id -> "`" + id + "`").toList()))
                    .append(" |\n");
        }
        return b.toString();
    }
}
