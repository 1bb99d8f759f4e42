package org.iamdojo.training.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iamdojo.scenario.practice.ExamGrader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Question answers and exams in the database (tables of V4__practice.sql). */
@Repository
public class PracticeStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public PracticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored answer: the options chosen (0-based) and whether that was right. */
    public record Answer(String questionId, String examId, Set<Integer> chosen, boolean correct, Instant answeredAt) {
    }

    private record Content(List<String> questions, Map<String, String> scenarioAttempts) {
    }

    /** Appends an answer; {@code examId} is null for answers given on a practice path. */
    public void answer(long memberId, String questionId, String examId, Set<Integer> chosen, boolean correct) {
        String options = new TreeSet<>(chosen).stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.update("INSERT INTO question_answer (member_id, question_id, exam_id, chosen, correct, answered_at) "
                + "VALUES (?,?,?,?,?,?)", memberId, questionId, examId, options, correct, Timestamp.from(Instant.now()));
    }

    /** The member's answers outside exams, oldest first. */
    public List<Answer> practiceAnswers(long memberId) {
        return jdbc.query("SELECT * FROM question_answer WHERE member_id = ? AND exam_id IS NULL ORDER BY id",
                PracticeStore::answerRow, memberId);
    }

    /** Every answer of the member, on paths and in exams, oldest first. */
    public List<Answer> answers(long memberId) {
        return jdbc.query("SELECT * FROM question_answer WHERE member_id = ? ORDER BY id", PracticeStore::answerRow, memberId);
    }

    /** The answers given inside one exam, oldest first (a later answer to the same question replaces it). */
    public List<Answer> examAnswers(String examId) {
        return jdbc.query("SELECT * FROM question_answer WHERE exam_id = ? ORDER BY id", PracticeStore::answerRow, examId);
    }

    /** Stores a newly started exam. */
    public void insertExam(ExamRecord e) {
        jdbc.update("INSERT INTO exam_result (id, member_id, certification, status, started_at, deadline, content) "
                        + "VALUES (?,?,?,?,?,?,?)", e.id(), e.memberId(), e.certification(), e.status(),
                Timestamp.from(e.startedAt()), Timestamp.from(e.deadline()),
                json(new Content(e.questionIds(), e.scenarioAttempts())));
    }

    /** Records the grade of an exam and closes it. */
    public void finishExam(String id, Instant finishedAt, int score, int max, List<ExamGrader.TopicScore> topics) {
        jdbc.update("UPDATE exam_result SET status = 'FINISHED', finished_at = ?, score = ?, max_score = ?, topics = ? "
                + "WHERE id = ?", Timestamp.from(finishedAt), score, max, json(topics), id);
    }

    /** The exam with that id, or empty. */
    public Optional<ExamRecord> exam(String id) {
        return jdbc.query("SELECT * FROM exam_result WHERE id = ?", PracticeStore::examRow, id).stream().findFirst();
    }

    /** The member's exams, newest first. */
    public List<ExamRecord> exams(long memberId) {
        return jdbc.query("SELECT * FROM exam_result WHERE member_id = ? ORDER BY started_at DESC",
                PracticeStore::examRow, memberId);
    }

    private static Answer answerRow(ResultSet rs, int n) throws SQLException {
        String chosen = rs.getString("chosen");
        Set<Integer> options = chosen.isEmpty() ? Set.of()
                : Arrays.stream(chosen.split(",")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return new Answer(rs.getString("question_id"), rs.getString("exam_id"), options, rs.getBoolean("correct"),
                rs.getTimestamp("answered_at").toInstant());
    }

    private static ExamRecord examRow(ResultSet rs, int n) throws SQLException {
        Content content = read(rs.getString("content"), new TypeReference<>() { });
        String topics = rs.getString("topics");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ExamRecord(rs.getString("id"), rs.getLong("member_id"), rs.getString("certification"),
                rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("deadline").toInstant(), finished == null ? null : finished.toInstant(),
                (Integer) rs.getObject("score"), (Integer) rs.getObject("max_score"), content.questions(),
                content.scenarioAttempts(),
                topics == null ? List.of() : read(topics, new TypeReference<List<ExamGrader.TopicScore>>() { }));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write exam JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored exam JSON cannot be read", e);
        }
    }
}
