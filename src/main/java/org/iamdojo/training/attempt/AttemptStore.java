package org.iamdojo.training.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
                        + "updated_at, last_score, best_score, max_score, hints_used) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                a.id(), a.memberId(), a.scenarioId(), a.scenarioVersion(), a.seed(), a.status(),
                Timestamp.from(a.startedAt()), Timestamp.from(a.updatedAt()), a.lastScore(), a.bestScore(),
                a.maxScore(), a.hintsUsed());
    }

    /** The attempt with that id, or empty. */
    public Optional<AttemptRecord> find(String id) {
        return jdbc.query("SELECT * FROM attempt WHERE id = ?", AttemptStore::row, id).stream().findFirst();
    }

    /** The member's open attempt of a scenario, or empty. */
    public Optional<AttemptRecord> findInProgress(long memberId, String scenarioId) {
        return jdbc.query("SELECT * FROM attempt WHERE member_id = ? AND scenario_id = ? AND status <> 'RESET' "
                + "ORDER BY started_at DESC", AttemptStore::row, memberId, scenarioId).stream().findFirst();
    }

    /** All of a member's attempts, newest first. */
    public List<AttemptRecord> forMember(long memberId) {
        return jdbc.query("SELECT * FROM attempt WHERE member_id = ? ORDER BY started_at DESC", AttemptStore::row,
                memberId);
    }

    /** Appends one event. */
    public void append(AttemptEvent e) {
        jdbc.update("INSERT INTO attempt_event (attempt_id, seq, kind, occurred_at, payload) VALUES (?,?,?,?,?)",
                e.attemptId(), e.seq(), e.kind(), Timestamp.from(e.occurredAt()), e.payload());
        jdbc.update("UPDATE attempt SET updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()), e.attemptId());
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
                (Integer) rs.getObject("max_score"), rs.getInt("hints_used"));
    }
}
