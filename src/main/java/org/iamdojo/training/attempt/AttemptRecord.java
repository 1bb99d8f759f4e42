package org.iamdojo.training.attempt;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The stored facts of one attempt (the sandbox itself is rebuilt from the seed and the event log).
 *
 * @param status where the attempt stands (stored by name)
 * @param hintsUsed hints opened so far (counted as they are opened)
 * @param workshopId the workshop the attempt belongs to, or null for self-paced practice
 * @param lastFailed positions (0-based) of the checks the latest grading failed; empty before any grading
 * @param callsMade sandbox calls the learner made so far (counted as they are made)
 */
public record AttemptRecord(String id, long memberId, String scenarioId, int scenarioVersion, long seed,
                            AttemptStatus status, Instant startedAt, Instant updatedAt, Integer lastScore,
                            Integer bestScore, Integer maxScore, int hintsUsed, @Nullable String workshopId,
                            List<Integer> lastFailed, int callsMade) {

    public AttemptRecord {
        lastFailed = List.copyOf(lastFailed);
    }

    /** An attempt not graded yet, without calls. */
    public AttemptRecord(String id, long memberId, String scenarioId, int scenarioVersion, long seed,
                         AttemptStatus status, Instant startedAt, Instant updatedAt, Integer lastScore,
                         Integer bestScore, Integer maxScore, int hintsUsed, @Nullable String workshopId) {
        this(id, memberId, scenarioId, scenarioVersion, seed, status, startedAt, updatedAt, lastScore, bestScore,
                maxScore, hintsUsed, workshopId, List.of(), 0);
    }

    /** A self-paced attempt (no workshop). */
    public AttemptRecord(String id, long memberId, String scenarioId, int scenarioVersion, long seed,
                         AttemptStatus status, Instant startedAt, Instant updatedAt, Integer lastScore,
                         Integer bestScore, Integer maxScore, int hintsUsed) {
        this(id, memberId, scenarioId, scenarioVersion, seed, status, startedAt, updatedAt, lastScore, bestScore,
                maxScore, hintsUsed, null);
    }
}
