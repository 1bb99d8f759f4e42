package org.iamdojo.training.practice;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.iamdojo.scenario.Scenario;
import org.iamdojo.scenario.ScenarioCatalog;
import org.iamdojo.scenario.practice.ExamDraw;
import org.iamdojo.scenario.practice.ExamGrader;
import org.iamdojo.scenario.practice.ExamGuide;
import org.iamdojo.scenario.practice.PracticePlan;
import org.iamdojo.scenario.practice.PracticeCatalog;
import org.iamdojo.scenario.practice.PracticePath;
import org.iamdojo.scenario.practice.Question;
import org.iamdojo.training.attempt.AttemptRecord;
import org.iamdojo.training.attempt.AttemptService;
import org.iamdojo.training.attempt.AttemptStatus;
import org.iamdojo.training.attempt.LiveAttempt;
import org.iamdojo.training.member.MemberService;
import org.springframework.stereotype.Service;
import java.util.Objects;

/**
 * Self-paced certification practice: answering questions on a path, the path's progress, timed exams (questions
 * plus scenarios, no hints, graded at submission with a per-topic breakdown) and the learner's weak topics.
 * Every lookup is by owner: another member's exam is "not found".
 */
@Service
public class PracticeService {
    /** Answers arriving this long after the deadline still count (network and clicking time). */
    static final Duration GRACE = Duration.ofSeconds(30);
    private final PracticeCatalog practice;
    private final ScenarioCatalog scenarios;
    private final PracticeStore store;
    private final AttemptService attempts;
    private final MemberService members;
    private final Random random = new Random();

    public PracticeService(PracticeCatalog practice, ScenarioCatalog scenarios, PracticeStore store,
                           AttemptService attempts, MemberService members) {
        this.practice = practice;
        this.scenarios = scenarios;
        this.store = store;
        this.attempts = attempts;
        this.members = members;
    }

    /** One stop of a path with the learner's state: a scenario's best score, or a question's last answer. */
    public record ItemProgress(PracticePath.Item item, boolean done, Integer bestScore, Integer maxScore,
                               Boolean lastAnswerCorrect) {
    }

    /** A path and how far the learner is along it. */
    public record PathProgress(PracticePath path, List<ItemProgress> items) {
        /** How many items are done (a scenario passed, a question answered correctly). */
        public long done() {
            return items.stream().filter(ItemProgress::done).count();
        }
    }

    /** A finished exam with its per-topic grade and what to practise next. */
    public record ExamOutcome(ExamRecord exam, List<ExamGrader.Recommendation> practiseNext) {
    }

    /** Checks an answer on a practice path, records it and tells whether it was right. */
    public boolean answer(String username, String questionId, Set<Integer> chosen) {
        Question q = question(questionId);
        boolean correct = q.isAnsweredBy(chosen);
        store.answer(memberId(username), questionId, null, chosen, correct);
        return correct;
    }

    /** The certification's path with the learner's progress on each item. */
    public PathProgress progress(String username, String certification) {
        PracticePath path = path(certification);
        long memberId = memberId(username);
        Map<String, Boolean> lastAnswer = new HashMap<>();
        store.practiceAnswers(memberId).forEach(a -> lastAnswer.put(a.questionId(), a.correct()));
        Map<String, Integer> best = new HashMap<>();
        Map<String, Boolean> completed = new HashMap<>();
        for (AttemptRecord a : attempts.history(username)) {
            if (a.bestScore() != null) {
                best.merge(a.scenarioId(), a.bestScore(), Math::max);
            }
            completed.merge(a.scenarioId(), a.status() == AttemptStatus.COMPLETED, Boolean::logicalOr);
        }
        List<ItemProgress> items = new ArrayList<>();
        for (PracticePath.Item item : path.items()) {
            if (item.isScenario()) {
                int max = scenarios.scenario(item.scenario()).map(Scenario::maxPoints).orElse(0);
                items.add(new ItemProgress(item, completed.getOrDefault(item.scenario(), false),
                        best.get(item.scenario()), max, null));
            } else {
                Boolean last = lastAnswer.get(item.question());
                items.add(new ItemProgress(item, Boolean.TRUE.equals(last), null, null, last));
            }
        }
        return new PathProgress(path, List.copyOf(items));
    }

    /**
     * What the learner should do next on the certification's path, ordered by their weak task statements: the latest
     * answer to each question (on the path or in an exam) and the checks of each scenario's latest grading.
     */
    public PracticePlan.Plan plan(String username, String certification) {
        PracticePath path = path(certification);
        long memberId = memberId(username);
        Map<String, Boolean> lastAnswer = new HashMap<>();
        store.answers(memberId).forEach(a -> lastAnswer.put(a.questionId(), a.correct()));
        Map<String, PracticePlan.ScenarioResult> results = new HashMap<>();
        Map<String, Boolean> completed = new HashMap<>();
        List<AttemptRecord> history = attempts.history(username);
        for (AttemptRecord a : history) {
            completed.merge(a.scenarioId(), "COMPLETED".equals(a.status()), Boolean::logicalOr);
        }
        // Newest first: the first graded attempt of a scenario is its latest grading.
        for (AttemptRecord a : history) {
            if (a.lastScore() == null || results.containsKey(a.scenarioId())) {
                continue;
            }
            int checks = scenarios.scenario(a.scenarioId()).map(sc -> sc.checks().size()).orElse(0);
            results.put(a.scenarioId(), new PracticePlan.ScenarioResult(a.lastFailed().size(), checks,
                    completed.getOrDefault(a.scenarioId(), false)));
        }
        Map<String, List<String>> scenarioTasks = PracticePlan.scenarioTasks(practice.questions(), certification);
        return PracticePlan.plan(path, guide(certification), id -> practice.question(id).orElse(null),
                id -> scenarioTasks.getOrDefault(id, List.of()), new PracticePlan.Evidence(lastAnswer, results));
    }

    /**
     * The learner's open exam of the certification, or a new one: questions drawn from the path, balanced by the exam
     * guide's domain weights and without the previous exam's questions while enough others exist, and a fresh attempt
     * of each exam scenario (an earlier practice attempt is reset so it cannot count).
     */
    public synchronized ExamRecord startExam(String username, String certification) {
        Optional<ExamRecord> open = openExam(username, certification);
        if (open.isPresent()) {
            return open.get();
        }
        PracticePath path = path(certification);
        long memberId = memberId(username);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Question> pool = path.items().stream().filter(i -> !i.isScenario())
                .map(i -> practice.question(i.question()).orElse(null)).filter(Objects::nonNull).toList();
        List<String> previous = store.exams(memberId).stream().filter(e -> e.certification().equals(certification))
                .findFirst().map(ExamRecord::questionIds).orElse(List.of());
        List<String> drawn = ExamDraw.draw(pool, guide(certification), path.exam().questions(), previous, random);
        Map<String, String> scenarioAttempts = new LinkedHashMap<>();
        for (String scenarioId : path.exam().scenarios()) {
            LiveAttempt live = attempts.open(username, scenarioId);
            if (live.record().startedAt().isBefore(now)) {
                live = attempts.reset(live.id(), username);
            }
            scenarioAttempts.put(scenarioId, live.id());
        }
        ExamRecord exam = new ExamRecord(UUID.randomUUID().toString(), memberId, certification, "IN_PROGRESS",
                now, now.plus(Duration.ofMinutes(path.exam().minutes())), null, null, null, drawn,
                Map.copyOf(scenarioAttempts), List.of());
        store.insertExam(exam);
        return exam;
    }

    /** The learner's unfinished exam of a certification, if any (one past its deadline is finished first). */
    public Optional<ExamRecord> openExam(String username, String certification) {
        for (ExamRecord e : store.exams(memberId(username))) {
            if (!e.finished() && e.certification().equals(certification)) {
                if (Instant.now().isAfter(e.deadline().plus(GRACE))) {
                    finishExam(username, e.id());
                    continue;
                }
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The exam, only when it belongs to this member. */
    public Optional<ExamRecord> exam(String username, String examId) {
        long memberId = memberId(username);
        return store.exam(examId).filter(e -> e.memberId() == memberId);
    }

    /** Records an answer inside an open exam (no feedback until it is finished). */
    public void answerInExam(String username, String examId, String questionId, Set<Integer> chosen) {
        ExamRecord exam = exam(username, examId).orElseThrow(() -> new AttemptService.NotFoundException("No exam " + examId));
        if (exam.finished() || Instant.now().isAfter(exam.deadline().plus(GRACE))) {
            throw new ExamClosedException();
        }
        if (!exam.questionIds().contains(questionId)) {
            throw new AttemptService.NotFoundException("No question " + questionId + " in exam " + examId);
        }
        store.answer(exam.memberId(), questionId, examId, chosen, question(questionId).isAnsweredBy(chosen));
    }

    /** The options chosen so far for each question of an exam (the latest answer per question). */
    public Map<String, Set<Integer>> examAnswers(String username, String examId) {
        ExamRecord exam = exam(username, examId).orElseThrow(() -> new AttemptService.NotFoundException("No exam " + examId));
        Map<String, Set<Integer>> chosen = new HashMap<>();
        store.examAnswers(exam.id()).forEach(a -> chosen.put(a.questionId(), a.chosen()));
        return chosen;
    }

    /** Grades the exam now (scenario attempts are graded at this moment), stores and returns the result. */
    public synchronized ExamOutcome finishExam(String username, String examId) {
        ExamRecord exam = exam(username, examId).orElseThrow(() -> new AttemptService.NotFoundException("No exam " + examId));
        if (exam.finished()) {
            return outcome(exam);
        }
        Map<String, Set<Integer>> chosen = examAnswers(username, examId);
        List<ExamGrader.QuestionOutcome> questions = new ArrayList<>();
        for (String id : exam.questionIds()) {
            practice.question(id).ifPresent(q -> questions.add(new ExamGrader.QuestionOutcome(q, chosen.getOrDefault(id, Set.of()))));
        }
        PracticePath path = path(exam.certification());
        int points = path.exam().scenarioPoints() == null ? 5 : path.exam().scenarioPoints();
        List<ExamGrader.ScenarioOutcome> scenarioOutcomes = new ArrayList<>();
        exam.scenarioAttempts().forEach((scenarioId, attemptId) -> {
            Scenario s = scenarios.scenario(scenarioId).orElse(null);
            if (s == null) {
                return;
            }
            int score = attempts.find(attemptId, username).map(live -> attempts.grade(live).total()).orElse(0);
            scenarioOutcomes.add(new ExamGrader.ScenarioOutcome(scenarioId, ExamGrader.topicsOf(s.tags()), score,
                    s.maxPoints(), points));
        });
        ExamGrader.Grade grade = ExamGrader.grade(questions, scenarioOutcomes);
        Instant finished = Instant.now().isAfter(exam.deadline()) ? exam.deadline() : Instant.now();
        store.finishExam(examId, finished, grade.score(), grade.max(), grade.topics());
        return outcome(store.exam(examId).orElseThrow());
    }

    /** A finished exam with its recommendations, only for its owner. */
    public Optional<ExamOutcome> result(String username, String examId) {
        return exam(username, examId).filter(ExamRecord::finished).map(this::outcome);
    }

    private ExamOutcome outcome(ExamRecord exam) {
        List<String> weak = exam.topics().stream().filter(ExamGrader.TopicScore::weak).map(ExamGrader.TopicScore::topic).toList();
        List<ExamGrader.Recommendation> next = practice.path(exam.certification())
                .map(p -> ExamGrader.practiseNext(weak, p, this::scenarioTopics, id -> practice.question(id).orElse(null)))
                .orElse(List.of());
        return new ExamOutcome(exam, next);
    }

    /** Whether an attempt is the scenario part of one of the member's exams still running (no hints then). */
    public boolean inRunningExam(String username, String attemptId) {
        Instant now = Instant.now();
        return store.exams(memberId(username)).stream()
                .anyMatch(e -> !e.finished() && (e.deadline() == null || now.isBefore(e.deadline()))
                        && e.scenarioAttempts() != null && e.scenarioAttempts().containsValue(attemptId));
    }

    /** The member's finished exams, newest first. */
    public List<ExamRecord> examHistory(String username) {
        return store.exams(memberId(username)).stream().filter(ExamRecord::finished).toList();
    }

    /**
     * The member's topics by correct rate, lowest first: answers given on practice paths (one point each for every
     * topic of the question) plus the per-topic points of every finished exam (its questions and scenarios).
     */
    public List<ExamGrader.TopicScore> topicsByCorrectRate(String username) {
        long memberId = memberId(username);
        Map<String, int[]> byTopic = new TreeMap<>();
        for (PracticeStore.Answer a : store.practiceAnswers(memberId)) {
            practice.question(a.questionId()).ifPresent(q -> q.topics().forEach(t -> {
                int[] c = byTopic.computeIfAbsent(t, k -> new int[2]);
                c[0] += a.correct() ? 1 : 0;
                c[1] += 1;
            }));
        }
        for (ExamRecord exam : store.exams(memberId)) {
            for (ExamGrader.TopicScore t : exam.topics()) {
                int[] c = byTopic.computeIfAbsent(t.topic(), k -> new int[2]);
                c[0] += t.earned();
                c[1] += t.max();
            }
        }
        List<ExamGrader.TopicScore> out = new ArrayList<>();
        byTopic.forEach((t, c) -> out.add(new ExamGrader.TopicScore(t, c[0], c[1])));
        out.sort(Comparator.comparingDouble(ExamGrader.TopicScore::rate).thenComparing(ExamGrader.TopicScore::topic));
        return out;
    }

    /** A scenario's topics (its tags without certification codes). */
    public List<String> scenarioTopics(String scenarioId) {
        return scenarios.scenario(scenarioId).map(s -> ExamGrader.topicsOf(s.tags())).orElse(List.of());
    }

    private PracticePath path(String certification) {
        return practice.path(certification)
                .orElseThrow(() -> new AttemptService.NotFoundException("No practice path " + certification));
    }

    private ExamGuide guide(String certification) {
        return practice.guide(certification)
                .orElseThrow(() -> new AttemptService.NotFoundException("No exam guide " + certification));
    }

    private Question question(String id) {
        return practice.question(id).orElseThrow(() -> new AttemptService.NotFoundException("No question " + id));
    }

    private long memberId(String username) {
        return members.idOf(username).orElseThrow(() -> new AttemptService.NotFoundException("No member " + username));
    }


    /** An answer arrived after the exam was finished or its time ran out. */
    public static final class ExamClosedException extends RuntimeException {
        public ExamClosedException() {
            super("The exam is closed");
        }
    }
}
