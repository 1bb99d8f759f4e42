package org.iamdojo.training.attempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.iamdojo.training.storage.GroupCommit;
import org.iamdojo.training.storage.LogCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Attempts and their event logs in the database; every append is committed before the learner sees the result
 * (through {@link GroupCommit}, which commits the writes of learners acting at the same moment together).
 */
@Repository
public class AttemptStore {
    private final JdbcTemplate jdbc;
    private final GroupCommit writes;
    private final LogCipher cipher;

    public AttemptStore(JdbcTemplate jdbc, GroupCommit writes, LogCipher cipher) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.cipher = cipher;
    }

    /** Seals the secrets an attempt's log keeps (sandbox console passwords). */
    LogCipher cipher() {
        return cipher;
    }

    /** Stores a new attempt with the first entries of its log, in one transaction. */
    public void insert(AttemptRecord a, List<AttemptEvent> first) {
        writes.write(db -> {
            insert(db, a);
            if (!first.isEmpty()) {
                appendAll(db, first);
            }
        });
    }

    private static void insert(JdbcTemplate db, AttemptRecord a) {
        db.update("INSERT INTO attempt (id, member_id, scenario_id, scenario_version, seed, "
                        + "status, started_at, updated_at, last_score, best_score, max_score, hints_used, workshop_id) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                a.id(), a.memberId(), a.scenarioId(), a.scenarioVersion(), a.seed(), a.status().name(),
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
    public List<AttemptEvent> events(String attemptId, AttemptEventKind kind) {
        return jdbc.query("SELECT * FROM attempt_event WHERE attempt_id = ? AND kind = ? ORDER BY seq", (rs, n) ->
                new AttemptEvent(rs.getString("attempt_id"), rs.getInt("seq"), AttemptEventKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")), attemptId, kind.name());
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

    /**
     * Appends events of one attempt in one transaction (one durable commit); opened hints and sandbox calls are
     * counted on the attempt as they come, so a workshop board reads them without going through the log.
     */
    public void appendAll(List<AttemptEvent> events) {
        writes.write(db -> appendAll(db, events));
    }

    /**
     * Queues events as {@link #appendAll} does without waiting: the future completes once they are committed,
     * and with them everything queued before them (writes are committed in queue order).
     */
    CompletableFuture<Void> appendAllLater(List<AttemptEvent> events) {
        return writes.submit(APPEND, events);
    }

    /**
     * Appends queued next to each other (many learners' calls at one moment) are written with one insert batch and
     * one counter update per attempt, instead of two statements compiled for each.
     */
    private static final GroupCommit.Batch<List<AttemptEvent>> APPEND = (db, lists) ->
            appendAll(db, lists.size() == 1 ? lists.get(0) : lists.stream().flatMap(List::stream).toList());

    private static void appendAll(JdbcTemplate jdbc, List<AttemptEvent> events) {
        jdbc.batchUpdate("INSERT INTO attempt_event (attempt_id, seq, kind, occurred_at, payload) VALUES (?,?,?,?,?)",
                events, events.size(), (ps, e) -> {
                    ps.setString(1, e.attemptId());
                    ps.setInt(2, e.seq());
                    ps.setString(3, e.kind().name());
                    ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
                    ps.setString(5, e.payload());
                });
        // attempt id -> {hints, calls}, in first-seen order
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (AttemptEvent e : events) {
            long[] c = counts.computeIfAbsent(e.attemptId(), id -> new long[2]);
            c[0] += e.kind() == AttemptEventKind.HINT ? 1 : 0;
            c[1] += e.countsAsChange() ? 1 : 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> updates = new ArrayList<>(counts.size());
        counts.forEach((id, c) -> updates.add(new Object[] {now, c[0], c[1], id}));
        jdbc.batchUpdate("UPDATE attempt SET updated_at = ?, hints_used = hints_used + ?, calls_made = calls_made + ? "
                + "WHERE id = ?", updates);
    }

    /** Notes that this attempt's sandbox issued these access key ids (kept if already noted). */
    public void keysIssued(String attemptId, Collection<String> accessKeyIds) {
        GroupCommit.await(keysIssuedLater(attemptId, accessKeyIds));
    }

    /** Queues {@link #keysIssued} without waiting; the future completes once it is committed. */
    CompletableFuture<Void> keysIssuedLater(String attemptId, Collection<String> accessKeyIds) {
        if (accessKeyIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return writes.submit(db -> {
            for (String id : accessKeyIds) {
                db.update("INSERT INTO attempt_access_key (access_key_id, attempt_id) SELECT ?, ? FROM attempt a "
                        + "WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM attempt_access_key k "
                        + "WHERE k.access_key_id = ? AND k.attempt_id = ?)", id, attemptId, attemptId, id, attemptId);
            }
        });
    }

    /** The attempts, not reset, whose sandbox issued this access key id. */
    public List<AttemptRecord> withAccessKey(String accessKeyId) {
        return jdbc.query("SELECT a.* FROM attempt a JOIN attempt_access_key k ON k.attempt_id = a.id "
                + "WHERE k.access_key_id = ? AND a.status <> 'RESET'", AttemptStore::row, accessKeyId);
    }

    /** The events of an attempt in order. */
    public List<AttemptEvent> events(String attemptId) {
        return jdbc.query("SELECT * FROM attempt_event WHERE attempt_id = ? ORDER BY seq", (rs, n) ->
                new AttemptEvent(rs.getString("attempt_id"), rs.getInt("seq"), AttemptEventKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")), attemptId);
    }

    /**
     * Records a grading with its GRADE log entry, in one transaction: the last score, the best so far, the
     * failed checks' positions, and COMPLETED once all checks passed.
     */
    public void graded(AttemptEvent gradeEvent, int score, int max, List<Integer> failed, boolean complete) {
        GroupCommit.await(gradedLater(gradeEvent, score, max, failed, complete));
    }

    /**
     * Queues {@link #graded} without waiting: the future completes once it is committed (writes are committed in
     * queue order, so the learner's later actions are committed after it).
     */
    CompletableFuture<Void> gradedLater(AttemptEvent gradeEvent, int score, int max, List<Integer> failed,
                                        boolean complete) {
        return writes.submit(db -> {
            appendAll(db, List.of(gradeEvent));
            db.update("UPDATE attempt SET last_score = ?, best_score = CASE WHEN best_score IS NULL OR best_score < ? "
                            + "THEN ? ELSE best_score END, max_score = ?, last_failed = ?, status = CASE WHEN ? THEN "
                            + "'COMPLETED' ELSE status END WHERE id = ?",
                    score, score, score, max, failedColumn(failed), complete, gradeEvent.attemptId());
        });
    }

    /** Check positions as stored in {@code attempt.last_failed}: "0,3,4". */
    static String failedColumn(List<Integer> failed) {
        return failed.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> failedOf(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(Integer::valueOf).toList();
    }

    /** Marks an attempt as replaced by a fresh one. */
    public void markReset(String id) {
        jdbc.update("UPDATE attempt SET status = 'RESET', updated_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id);
    }

    private static AttemptRecord row(ResultSet rs, int n) throws SQLException {
        return new AttemptRecord(rs.getString("id"), rs.getLong("member_id"), rs.getString("scenario_id"),
                rs.getInt("scenario_version"), rs.getLong("seed"), AttemptStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                (Integer) rs.getObject("last_score"), (Integer) rs.getObject("best_score"),
                (Integer) rs.getObject("max_score"), rs.getInt("hints_used"), rs.getString("workshop_id"),
                failedOf(rs.getString("last_failed")), rs.getInt("calls_made"));
    }
}
