package org.iamdojo.training.attempt;

import java.time.Instant;

/**
 * One entry of an attempt's durable log.
 *
 * @param kind MUTATION (replayable sandbox change), TRAIL (CloudTrail record), HINT, STEP, CLOCK or GRADE
 * @param payload JSON
 */
public record AttemptEvent(String attemptId, int seq, String kind, Instant occurredAt, String payload) {
}
