package org.iamdojo.training.attempt;

import java.time.Instant;

/**
 * One entry of an attempt's durable log.
 *
 * @param kind what the entry records (stored by name)
 * @param payload JSON
 */
public record AttemptEvent(String attemptId, int seq, AttemptEventKind kind, Instant occurredAt, String payload) {

    /**
     * Whether the workshop board counts this entry as one of the learner's changes: a call that changed or tried
     * to change the sandbox. Reads (a console page listing users, {@code aws iam list-users}) are logged as calls
     * too, for the grader's call history, but are not counted: opening a page is not an action.
     */
    public boolean countsAsChange() {
        return kind == AttemptEventKind.CALL && payload.contains("\"changes\":true");
    }
}
