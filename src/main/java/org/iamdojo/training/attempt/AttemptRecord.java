package org.iamdojo.training.attempt;

import java.time.Instant;

/**
 * The stored facts of one attempt (the sandbox itself is rebuilt from the seed and the event log).
 *
 * @param status IN_PROGRESS, COMPLETED (every check passed once) or RESET (replaced by a fresh attempt)
 */
public record AttemptRecord(String id, long memberId, String scenarioId, int scenarioVersion, long seed,
                            String status, Instant startedAt, Instant updatedAt, Integer lastScore,
                            Integer bestScore, Integer maxScore, int hintsUsed) {
}
