package org.iamdojo.training.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Attempts and their event logs in the database; every append is committed before the learner sees the result. */
@Repository
public class AttemptStore {
    private final JdbcTemplate jdbc;

    public AttemptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new attempt. */
    public void insert(AttemptRecord a) {
        jdbc.update("INSERT INTO attempt (id, member_id, scenario_id, scenario_version, seed, status, started_at, "
                        + "updated_at, last_score, best_score, max_score, hints_used, workshop_id) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                a.id(), a.memberId(), a.scenarioId(), a.scenarioVersion(), a.seed(), a.status(),
                Timestamp.from(a.startedAt()), Timestamp.from(a.updatedAt()), a.lastScore(), a.bestScore(),
                a.maxScore(), a.hintsUsed(), a.workshopId());
    }

    /** The attempt with that id, or empty. */
    public Optional<AttemptRecord> find(String id) {
        return jdbc.query("SELECT * FROM attempt WHERE id = ?", AttemptStore::row, id).stream().findFirst();
    }

    /** The member's open self-paced attempt of a scenario (workshop attempts are kept apart), or empty. */
    public Optional<AttemptRecord> findInProgress(long memberId, String scenarioId) {
        return jdbc.query("SELECT * FROM attempt WHERE member_id = ? AND scenario_id = ? AND status <> 'RESET' "
                + "AND workshop_id IS NULL ORDER BY started_at DESC", AttemptStore::row, memberId, scenarioId)
                .stream().findFirst();
    }

    /** The member's open attempt of a scenario inside a workshop, or empty. */
    public Optional<AttemptRecord> findInProgress(long memberId, String scenarioId, String workshopId) {
        return jdbc.query("SELECT * FROM attempt WHERE member_id = ? AND scenario_id = ? AND status <> 'RESET' "
                + "AND workshop_id = ? ORDER BY started_at DESC", AttemptStore::row, memberId, scenarioId, workshopId)
                .stream().findFirst();
    }

    /** The current (not reset) attempts made inside a workshop. */
    public List<AttemptRecord> forWorkshop(String workshopId) {
        return jdbc.query("SELECT * FROM attempt WHERE workshop_id = ? AND status <> 'RESET' ORDER BY started_at",
                AttemptStore::row, workshopId);
    }

    /** The events of one kind of an attempt, in order. */
    public List<AttemptEvent> events(String attemptId, String kind) {
        return jdbc.query("SELECT * FROM attempt_event WHERE attempt_id = ? AND kind = ? ORDER BY seq", (rs, n) ->
                new AttemptEvent(rs.getString("attempt_id"), rs.getInt("seq"), rs.getString("kind"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")), attemptId, kind);
    }

    /** The latest GRADE payload of each current attempt of a workshop, by attempt id. */
    public Map<String, String> latestGrades(String workshopId) {
        Map<String, String> grades = new HashMap<>();
        jdbc.query("SELECT e.attempt_id, e.payload FROM attempt_event e JOIN attempt a ON a.id = e.attempt_id "
                        + "WHERE a.workshop_id = ? AND a.status <> 'RESET' AND e.kind = 'GRADE' AND e.seq = "
                        + "(SELECT MAX(g.seq) FROM attempt_event g WHERE g.attempt_id = e.attempt_id AND g.kind = 'GRADE')",
                rs -> {
                    grades.put(rs.getString(1), rs.getString(2));
                }, workshopId);
        return grades;
    }

    /** How many hints each current attempt of a workshop has opened so far, by attempt id. */
    public Map<String, Integer> hintCounts(String workshopId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT e.attempt_id, COUNT(*) FROM attempt_event e JOIN attempt a ON a.id = e.attempt_id "
                        + "WHERE a.workshop_id = ? AND a.status <> 'RESET' AND e.kind = 'HINT' GROUP BY e.attempt_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, workshopId);
        return counts;
    }

    /** All of a member's attempts, newest first. */
    public List<AttemptRecord> forMember(long memberId) {
        return jdbc.query("SELECT * FROM attempt WHERE member_id = ? ORDER BY started_at DESC", AttemptStore::row,
                memberId);
    }

    /** Appends one event. */
    public void append(AttemptEvent e) {
        appendAll(List.of(e));
    }

    /** Appends events of one attempt in one transaction (one durable commit). */
    @org.springframework.transaction.annotation.Transactional
    public void appendAll(List<AttemptEvent> events) {
        jdbc.batchUpdate("INSERT INTO attempt_event (attempt_id, seq, kind, occurred_at, payload) VALUES (?,?,?,?,?)",
                events, events.size(), (ps, e) -> {
                    ps.setString(1, e.attemptId());
                    ps.setInt(2, e.seq());
                    ps.setString(3, e.kind());
                    ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
                    ps.setString(5, e.payload());
                });
        jdbc.update("UPDATE attempt SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
                events.get(0).attemptId());
    }

    /** The events of an attempt in order. */
    public List<AttemptEvent> events(String attemptId) {
        return jdbc.query("SELECT * FROM attempt_event WHERE attempt_id = ? ORDER BY seq", (rs, n) ->
                new AttemptEvent(rs.getString("attempt_id"), rs.getInt("seq"), rs.getString("kind"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")), attemptId);
    }

    /** Records a grading: the last score, the best so far, hints used, and COMPLETED once all checks passed. */
    public void graded(String id, int score, int max, int hintsUsed, boolean complete) {
        jdbc.update("UPDATE attempt SET last_score = ?, best_score = CASE WHEN best_score IS NULL OR best_score < ? "
                        + "THEN ? ELSE best_score END, max_score = ?, hints_used = ?, status = CASE WHEN ? THEN "
                        + "'COMPLETED' ELSE status END, updated_at = ? WHERE id = ?",
                score, score, score, max, hintsUsed, complete, Timestamp.from(Instant.now()), id);
    }

    /** Marks an attempt as replaced by a fresh one. */
    public void markReset(String id) {
        jdbc.update("UPDATE attempt SET status = 'RESET', updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
    }

    private static AttemptRecord row(ResultSet rs, int n) throws SQLException {
        return new AttemptRecord(rs.getString("id"), rs.getLong("member_id"), rs.getString("scenario_id"),
                rs.getInt("scenario_version"), rs.getLong("seed"), rs.getString("status"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                (Integer) rs.getObject("last_score"), (Integer) rs.getObject("best_score"),
                (Integer) rs.getObject("max_score"), rs.getInt("hints_used"), rs.getString("workshop_id"));
    }
}
