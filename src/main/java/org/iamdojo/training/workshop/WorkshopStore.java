package org.iamdojo.training.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Workshops, their scenarios and participants in the database. */
@Repository
public class WorkshopStore {
    private final JdbcTemplate jdbc;

    public WorkshopStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant as the board lists them. */
    public record Participant(long memberId, String username, Instant joinedAt) {
    }

    /** Stores a workshop with its scenarios (one transaction). */
    @Transactional
    public void insert(Workshop w) {
        jdbc.update("INSERT INTO workshop (id, instructor_id, title, join_code, starts_at, ends_at, hints_allowed, "
                        + "solution_hidden_until_end, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                w.id(), w.instructorId(), w.title(), w.joinCode(), Timestamp.from(w.startsAt()),
                Timestamp.from(w.endsAt()), w.hintsAllowed(), w.solutionHiddenUntilEnd(), Timestamp.from(w.createdAt()));
        for (int i = 0; i < w.scenarioIds().size(); i++) {
            jdbc.update("INSERT INTO workshop_scenario (workshop_id, position, scenario_id) VALUES (?,?,?)",
                    w.id(), i + 1, w.scenarioIds().get(i));
        }
    }

    /** Whether a join code is taken. */
    public boolean codeExists(String code) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM workshop WHERE join_code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    /** The workshop with that id, or empty. */
    public Optional<Workshop> find(String id) {
        return one("SELECT * FROM workshop WHERE id = ?", id);
    }

    /** The workshop with that join code, or empty. */
    public Optional<Workshop> findByCode(String code) {
        return one("SELECT * FROM workshop WHERE join_code = ?", code);
    }

    /** An instructor's workshops, newest first. */
    public List<Workshop> byInstructor(long instructorId) {
        return many("SELECT * FROM workshop WHERE instructor_id = ? ORDER BY created_at DESC", instructorId);
    }

    /** The workshops a member has joined, newest first. */
    public List<Workshop> joinedBy(long memberId) {
        return many("SELECT w.* FROM workshop w JOIN workshop_participant p ON p.workshop_id = w.id "
                + "WHERE p.member_id = ? ORDER BY w.starts_at DESC", memberId);
    }

    /** Adds a participant unless already there. */
    @Transactional
    public void addParticipant(String workshopId, long memberId, Instant at) {
        if (!isParticipant(workshopId, memberId)) {
            jdbc.update("INSERT INTO workshop_participant (workshop_id, member_id, joined_at) VALUES (?,?,?)",
                    workshopId, memberId, Timestamp.from(at));
        }
    }

    /** Whether the member has joined the workshop. */
    public boolean isParticipant(String workshopId, long memberId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM workshop_participant WHERE workshop_id = ? AND member_id = ?",
                Integer.class, workshopId, memberId);
        return n != null && n > 0;
    }

    /** The workshop's participants in joining order. */
    public List<Participant> participants(String workshopId) {
        return jdbc.query("SELECT p.member_id, m.username, p.joined_at FROM workshop_participant p "
                        + "JOIN member m ON m.id = p.member_id WHERE p.workshop_id = ? ORDER BY p.joined_at, m.username",
                (rs, n) -> new Participant(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()), workshopId);
    }

    private Optional<Workshop> one(String sql, Object arg) {
        return many(sql, arg).stream().findFirst();
    }

    private List<Workshop> many(String sql, Object arg) {
        List<Workshop> bare = jdbc.query(sql, WorkshopStore::row, arg);
        List<Workshop> full = new ArrayList<>(bare.size());
        for (Workshop w : bare) {
            List<String> scenarios = jdbc.queryForList(
                    "SELECT scenario_id FROM workshop_scenario WHERE workshop_id = ? ORDER BY position", String.class, w.id());
            full.add(new Workshop(w.id(), w.instructorId(), w.title(), w.joinCode(), w.startsAt(), w.endsAt(),
                    w.hintsAllowed(), w.solutionHiddenUntilEnd(), w.createdAt(), scenarios));
        }
        return full;
    }

    private static Workshop row(ResultSet rs, int n) throws SQLException {
        return new Workshop(rs.getString("id"), rs.getLong("instructor_id"), rs.getString("title"),
                rs.getString("join_code"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("hints_allowed"),
                rs.getBoolean("solution_hidden_until_end"), rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
