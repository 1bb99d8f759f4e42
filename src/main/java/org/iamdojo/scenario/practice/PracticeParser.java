package org.iamdojo.scenario.practice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iamdojo.i18n.Messages;
import org.iamdojo.scenario.LocatedProblems;
import org.iamdojo.scenario.ScenarioProblem;
import org.iamdojo.scenario.YamlLocations;
import org.jspecify.annotations.Nullable;

/**
 * Reads question files, practice path files and exam guide outlines strictly: unknown fields, wrong types, missing
 * English or Korean text, links to scenarios or questions that do not exist, task statement tags that the exam guide
 * does not have and questions without a correct option are reported with file, line and field path. Thread-safe.
 */
public final class PracticeParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CERTIFICATION = Pattern.compile("[A-Z]{3}-C[0-9]{2}");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TASK_TAG = Pattern.compile("([A-Z]{3}-C[0-9]{2})/([0-9]+\\.[0-9]+)");
    private static final Pattern SOURCE = Pattern.compile("https://(docs\\.aws\\.amazon\\.com|aws\\.amazon\\.com)/\\S*");

    private PracticeParser() {
    }

    /** The questions of a file, or the problems that make the file unusable. */
    public record Questions(List<Question> questions, List<ScenarioProblem> problems) {
        /** Whether the questions can be used. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The exam guide outline of a file, or the problems that make the file unusable. */
    public record Guide(@Nullable ExamGuide guide, List<ScenarioProblem> problems) {
        /** Whether the guide can be used. */
        public boolean ok() {
            return guide != null && problems.isEmpty();
        }
    }

    /** The path of a file, or the problems that make the file unusable. */
    public record Path(@Nullable PracticePath path, List<ScenarioProblem> problems) {
        /** Whether the path can be used. */
        public boolean ok() {
            return path != null && problems.isEmpty();
        }
    }

    /**
     * Parses a question file; {@code scenarioExists} tells which scenario ids are real and {@code guides} (by exam
     * code) which task statements a question may be tagged with.
     */
    public static Questions questions(String file, String text, Predicate<String> scenarioExists,
                                      Map<String, ExamGuide> guides) {
        YamlLocations.Read<QuestionFile> read = YamlLocations.readStrict(file, text, QuestionFile.class);
        if (read.problem() != null) {
            return new Questions(List.of(), List.of(read.problem()));
        }
        List<ScenarioProblem> out = new ArrayList<>();
        LocatedProblems problems = new LocatedProblems(file, read.lines(), out);
        List<Question> questions = read.value().questions();
        if (questions.isEmpty()) {
            problems.add("questions", "at least one question is required");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            question(questions.get(i), "questions[" + i + "]", scenarioExists, guides, ids, problems);
        }
        return out.isEmpty() ? new Questions(questions, List.of()) : new Questions(List.of(), List.copyOf(out));
    }

    private static void question(Question q, String path, Predicate<String> scenarioExists,
                                 Map<String, ExamGuide> guides, Set<String> ids, LocatedProblems problems) {
        if (q.id() == null || !ID.matcher(q.id()).matches()) {
            problems.add(path + ".id", "id is required: lower-case words joined by '-'");
        } else if (!ids.add(q.id())) {
            problems.add(path + ".id", "id " + q.id() + " is used twice in this file");
        }
        tasks(q, path, guides, problems);
        if (q.topics().isEmpty()) {
            problems.add(path + ".topics", "list at least one topic, e.g. [explicit-deny]");
        }
        for (int t = 0; t < q.topics().size(); t++) {
            if (!TOPIC.matcher(q.topics().get(t)).matches()) {
                problems.add(path + ".topics[" + t + "]", "a topic is lower-case words joined by '-'");
            }
        }
        if (q.scenario() != null && !scenarioExists.test(q.scenario())) {
            problems.add(path + ".scenario", "there is no scenario '" + q.scenario() + "'");
        }
        if (q.source() == null) {
            problems.add(path + ".source", "source is required: the AWS documentation page the answer follows");
        } else if (!SOURCE.matcher(q.source()).matches()) {
            problems.add(path + ".source", "source must be an https:// link to a page of docs.aws.amazon.com or aws.amazon.com");
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
        chooseHint(q, path, problems);
    }

    // Tags name a task statement of a loaded exam guide, each once: SCS-C02/4.2.
    private static void tasks(Question q, String path, Map<String, ExamGuide> guides, LocatedProblems problems) {
        if (q.tasks().isEmpty()) {
            problems.add(path + ".tasks", "list at least one exam guide task statement, e.g. [SAA-C03/1.1, SCS-C02/4.2]");
        }
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < q.tasks().size(); t++) {
            String tag = q.tasks().get(t);
            String at = path + ".tasks[" + t + "]";
            Matcher m = TASK_TAG.matcher(tag);
            if (!m.matches()) {
                problems.add(at, "'" + tag + "' is not a task statement tag like SCS-C02/4.2 (exam code / number)");
                continue;
            }
            ExamGuide guide = guides.get(m.group(1));
            if (guide == null) {
                problems.add(at, "'" + tag + "': there is no exam guide " + m.group(1) + " (known: "
                        + String.join(", ", new TreeSet<>(guides.keySet())) + ")");
            } else if (guide.task(m.group(2)).isEmpty()) {
                problems.add(at, "'" + tag + "': the " + m.group(1) + " exam guide has no task statement " + m.group(2)
                        + " (it has " + String.join(", ", guide.tasks().stream().map(ExamGuide.Task::id).toList()) + ")");
            } else if (!seen.add(tag)) {
                problems.add(at, "'" + tag + "' is listed twice");
            }
        }
    }

    /** The most options a question may mark correct: the stems say "(Choose two.)" up to "(Choose five.)". */
    private static final int MAX_CORRECT = 5;

    // The stem says how many to choose, as the exam does, and agrees with the options marked correct. The words
    // ("(Choose two.)", "(두 개 선택)") are practice.choose.* in the translation files.
    private static void chooseHint(Question q, String path, LocatedProblems problems) {
        if (q.question() == null || q.question().en() == null || q.question().ko() == null) {
            return;
        }
        Messages texts = Messages.standard();
        int correct = q.correctOptions().size();
        boolean saysEn = q.question().en().contains(texts.format("practice.choose.marker", Locale.ENGLISH));
        boolean saysKo = q.question().ko().contains(texts.format("practice.choose.marker", Locale.KOREAN));
        if (correct <= 1) {
            if (saysEn || saysKo) {
                problems.add(path + ".question", "one option is correct, so the question must not say \"(Choose N.)\"");
            }
            return;
        }
        if (correct > MAX_CORRECT) {
            problems.add(path + ".options", "at most " + MAX_CORRECT + " options can be correct");
            return;
        }
        String en = texts.format("practice.choose." + correct, Locale.ENGLISH);
        String ko = texts.format("practice.choose." + correct, Locale.KOREAN);
        if (!q.question().en().endsWith(en)) {
            problems.add(path + ".question.en", correct + " options are correct, so the English text must end with \"" + en + "\"");
        }
        if (!q.question().ko().endsWith(ko)) {
            problems.add(path + ".question.ko", correct + " options are correct, so the Korean text must end with \"" + ko + "\"");
        }
    }

    /**
     * Checks that a guide's or path's certification is an exam code (SAA-C03) and is the name of its file; true when
     * it is, otherwise the problem is added.
     */
    private static boolean certificationNamesFile(@Nullable String cert, LocatedProblems problems) {
        String stem = problems.fileStem();
        if (cert == null || !CERTIFICATION.matcher(cert).matches()) {
            problems.add("certification", "certification is required: an exam code like SAA-C03");
            return false;
        }
        if (!cert.equals(stem)) {
            problems.add("certification", "certification '" + cert + "' must match the file name '" + stem + "'");
            return false;
        }
        return true;
    }

    /** Parses an exam guide outline named after its certification ({@code SCS-C02.yaml}). */
    public static Guide guide(String file, String text) {
        YamlLocations.Read<ExamGuide> read = YamlLocations.readStrict(file, text, ExamGuide.class);
        if (read.problem() != null) {
            return new Guide(null, List.of(read.problem()));
        }
        ExamGuide g = read.value();
        List<ScenarioProblem> out = new ArrayList<>();
        LocatedProblems problems = new LocatedProblems(file, read.lines(), out);
        certificationNamesFile(g.certification(), problems);
        problems.text(g.title(), "title");
        if (g.source() == null || !SOURCE.matcher(g.source()).matches()) {
            problems.add("source", "source is required: the https:// address of the exam guide on aws.amazon.com");
        }
        if (g.domains().isEmpty()) {
            problems.add("domains", "at least one content domain is required");
        }
        int weights = 0;
        Set<String> taskIds = new HashSet<>();
        for (int d = 0; d < g.domains().size(); d++) {
            ExamGuide.Domain domain = g.domains().get(d);
            String at = "domains[" + d + "]";
            if (domain.number() == null || domain.number() != d + 1) {
                problems.add(at + ".number", "domains are numbered 1, 2, ... in order; expected " + (d + 1));
            }
            problems.text(domain.title(), at + ".title");
            if (domain.weight() == null || domain.weight() < 1 || domain.weight() > 100) {
                problems.add(at + ".weight", "weight is required: the domain's share of the scored content in % (1-100)");
            } else {
                weights += domain.weight();
            }
            if (domain.tasks().isEmpty()) {
                problems.add(at + ".tasks", "at least one task statement is required");
            }
            for (int t = 0; t < domain.tasks().size(); t++) {
                ExamGuide.Task task = domain.tasks().get(t);
                String tat = at + ".tasks[" + t + "]";
                String expected = (d + 1) + "." + (t + 1);
                if (!expected.equals(task.id())) {
                    problems.add(tat + ".id", "task statements are numbered as in the guide; expected \"" + expected + "\"");
                } else if (!taskIds.add(task.id())) {
                    problems.add(tat + ".id", "task statement " + task.id() + " is listed twice");
                }
                problems.bilingual(task.en(), task.ko(), tat);
                if (task.iam() == null) {
                    problems.add(tat + ".iam", "iam is required: true when the task statement is about identity and access");
                }
            }
        }
        if (!g.domains().isEmpty() && weights != 100 && problems.count() == 0) {
            problems.add("domains", "the domain weights add up to " + weights + " %, not 100 %");
        }
        return out.isEmpty() ? new Guide(g, List.of()) : new Guide(null, List.copyOf(out));
    }

    /**
     * Parses a practice path file named after its certification ({@code SAA-C03.yaml}); {@code scenarioExists},
     * {@code questionOf} and {@code guideExists} tell which scenario ids, question ids and exam guides are real.
     */
    public static Path path(String file, String text, Predicate<String> scenarioExists,
                            Function<String, @Nullable Question> questionOf, Predicate<String> guideExists) {
        YamlLocations.Read<PracticePath> read = YamlLocations.readStrict(file, text, PracticePath.class);
        if (read.problem() != null) {
            return new Path(null, List.of(read.problem()));
        }
        PracticePath p = read.value();
        List<ScenarioProblem> out = new ArrayList<>();
        LocatedProblems problems = new LocatedProblems(file, read.lines(), out);
        String cert = p.certification();
        if (certificationNamesFile(cert, problems) && !guideExists.test(cert)) {
            problems.add("certification", "there is no exam guide outline guides/" + cert + ".yaml (or it did not load)");
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
