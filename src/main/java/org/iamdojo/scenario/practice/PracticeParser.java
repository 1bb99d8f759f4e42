package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.iamdojo.scenario.ScenarioProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reads question files and practice path files strictly: unknown fields, wrong types, missing English or Korean
 * text, links to scenarios or questions that do not exist and questions without a correct option are reported
 * with file, line and field path. Thread-safe.
 */
public final class PracticeParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CERTIFICATION = Pattern.compile("[A-Z]{3}-C[0-9]{2}");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private PracticeParser() {
    }

    /** The questions of a file, or the problems that make the file unusable. */
    public record Questions(List<Question> questions, List<ScenarioProblem> problems) {
        /** Whether the questions can be used. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The path of a file, or the problems that make the file unusable. */
    public record Path(@Nullable PracticePath path, List<ScenarioProblem> problems) {
        /** Whether the path can be used. */
        public boolean ok() {
            return path != null && problems.isEmpty();
        }
    }

    /** Parses a question file; {@code scenarioExists} tells which scenario ids are real. */
    public static Questions questions(String file, String text, Predicate<String> scenarioExists) {
        org.iamdojo.scenario.YamlLocations.Read<QuestionFile> read = StrictYaml.read(file, text, QuestionFile.class);
        if (read.problem() != null) {
            return new Questions(List.of(), List.of(read.problem()));
        }
        List<ScenarioProblem> out = new ArrayList<>();
        StrictYaml.Problems problems = new StrictYaml.Problems(file, read.lines(), out);
        List<Question> questions = read.value().questions();
        if (questions.isEmpty()) {
            problems.add("questions", "at least one question is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            question(questions.get(i), "questions[" + i + "]", scenarioExists, ids, problems);
        }
        return out.isEmpty() ? new Questions(questions, List.of()) : new Questions(List.of(), List.copyOf(out));
    }

    private static void question(Question q, String path, Predicate<String> scenarioExists, Set<String> ids,
                                 StrictYaml.Problems problems) {
        if (q.id() == null || !ID.matcher(q.id()).matches()) {
            problems.add(path + ".id", "id is required: lower-case words joined by '-'");
        } else if (!ids.add(q.id())) {
            problems.add(path + ".id", "id " + q.id() + " is used twice in this file");
        }
        if (q.certifications().isEmpty()) {
            problems.add(path + ".certifications", "list at least one certification, e.g. [SAA-C03]");
        }
        for (int c = 0; c < q.certifications().size(); c++) {
            if (!CERTIFICATION.matcher(q.certifications().get(c)).matches()) {
                problems.add(path + ".certifications[" + c + "]", "'" + q.certifications().get(c)
                        + "' is not an exam code like CLF-C02, SAA-C03 or SCS-C02");
            }
        }
        if (q.topics().isEmpty()) {
            problems.add(path + ".topics", "list at least one topic, e.g. [explicit-deny]");
        }
        for (int t = 0; t < q.topics().size(); t++) {
            if (!TOPIC.matcher(q.topics().get(t)).matches()) {
                problems.add(path + ".topics[" + t + "]", "a topic is lower-case words joined by '-'");
            }
        }
        if (q.scenario() == null) {
            problems.add(path + ".scenario", "scenario is required: the id of the scenario that teaches this");
        } else if (!scenarioExists.test(q.scenario())) {
            problems.add(path + ".scenario", "there is no scenario '" + q.scenario() + "'");
        }
        if (q.source() != null && !q.source().startsWith("https://")) {
            problems.add(path + ".source", "source must be an https:// link to the AWS documentation");
        }
        problems.text(q.question(), path + ".question");
        problems.text(q.explanation(), path + ".explanation");
        if (q.options().size() < 2) {
            problems.add(path + ".options", "at least two options are required");
        }
        for (int o = 0; o < q.options().size(); o++) {
            Question.Option option = q.options().get(o);
            problems.bilingual(option.en(), option.ko(), path + ".options[" + o + "]");
        }
        if (!q.options().isEmpty() && q.correctOptions().isEmpty()) {
            problems.add(path + ".options", "no option is marked correct: true");
        }
        if (!q.options().isEmpty() && q.correctOptions().size() == q.options().size()) {
            problems.add(path + ".options", "every option is correct; a question needs at least one wrong option");
        }
    }

    /**
     * Parses a practice path file named after its certification ({@code SAA-C03.yaml}); {@code scenarioExists}
     * and {@code questionOf} tell which scenario ids and question ids are real.
     */
    public static Path path(String file, String text, Predicate<String> scenarioExists,
                            Function<String, @Nullable Question> questionOf) {
        org.iamdojo.scenario.YamlLocations.Read<PracticePath> read = StrictYaml.read(file, text, PracticePath.class);
        if (read.problem() != null) {
            return new Path(null, List.of(read.problem()));
        }
        PracticePath p = read.value();
        List<ScenarioProblem> out = new ArrayList<>();
        StrictYaml.Problems problems = new StrictYaml.Problems(file, read.lines(), out);
        String stem = file.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
        String cert = p.certification();
        if (cert == null || !CERTIFICATION.matcher(cert).matches()) {
            problems.add("certification", "certification is required: an exam code like SAA-C03");
        } else if (!cert.equals(stem)) {
            problems.add("certification", "certification '" + cert + "' must match the file name '" + stem + "'");
        }
        problems.text(p.title(), "title");
        problems.text(p.summary(), "summary");
        if (p.items().isEmpty()) {
            problems.add("items", "at least one item is required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < p.items().size(); i++) {
            PracticePath.Item item = p.items().get(i);
            String at = "items[" + i + "]";
            if ((item.scenario() == null) == (item.question() == null)) {
                problems.add(at, "an item is either {scenario: ID} or {question: ID}");
            } else if (item.scenario() != null) {
                if (!scenarioExists.test(item.scenario())) {
                    problems.add(at + ".scenario", "there is no scenario '" + item.scenario() + "'");
                } else if (!seen.add("s:" + item.scenario())) {
                    problems.add(at + ".scenario", "scenario " + item.scenario() + " is listed twice");
                }
            } else {
                Question q = questionOf.apply(item.question());
                if (q == null) {
                    problems.add(at + ".question", "there is no question '" + item.question()
                            + "' (or its file did not load)");
                } else if (cert != null && !q.certifications().contains(cert)) {
                    problems.add(at + ".question", "question " + q.id() + " is not tagged " + cert);
                } else if (!seen.add("q:" + item.question())) {
                    problems.add(at + ".question", "question " + item.question() + " is listed twice");
                }
            }
        }
        PracticePath.Exam exam = p.exam();
        if (exam == null) {
            problems.add("exam", "exam is required: minutes, questions, scenarios");
        } else {
            if (exam.minutes() == null || exam.minutes() < 1) {
                problems.add("exam.minutes", "minutes is required and must be 1 or more");
            }
            long available = p.items().stream().filter(it -> it.question() != null).count();
            if (exam.questions() == null || exam.questions() < 1) {
                problems.add("exam.questions", "questions is required and must be 1 or more");
            } else if (exam.questions() > available) {
                problems.add("exam.questions", "the path lists only " + available + " questions to draw from");
            }
            for (int s = 0; s < exam.scenarios().size(); s++) {
                if (!scenarioExists.test(exam.scenarios().get(s))) {
                    problems.add("exam.scenarios[" + s + "]", "there is no scenario '" + exam.scenarios().get(s) + "'");
                }
            }
            if (exam.scenarioPoints() != null && exam.scenarioPoints() < 1) {
                problems.add("exam.scenarioPoints", "scenarioPoints must be 1 or more");
            }
        }
        return out.isEmpty() ? new Path(p, List.of()) : new Path(null, List.copyOf(out));
    }
}
