package org.iamdojo.training.attempt;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a learner just did in an attempt (a sandbox call, a hint, a step, a grading, a reset), published so
 * live views such as a workshop's board can refresh.
 *
 * @param kind CALL, HINT, STEP, GRADE or RESET
 * @param workshopId the attempt's workshop, or null for self-paced practice
 */
public record AttemptActivity(String attemptId, long memberId, @Nullable String workshopId, String kind, Instant at) {
}
