package org.iamdojo.training.attempt;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a learner just did (joined a workshop; in an attempt: started it, made a sandbox call, opened a hint,
 * moved to a step, graded it, had it reset), published so live views such as a workshop's board can refresh.
 *
 * @param attemptId the attempt, or null for JOIN (no attempt yet)
 * @param kind JOIN, START, CALL, HINT, STEP, GRADE or RESET
 * @param workshopId the attempt's workshop, or null for self-paced practice
 */
public record AttemptActivity(@Nullable String attemptId, long memberId, @Nullable String workshopId, String kind,
                              Instant at) {
}
