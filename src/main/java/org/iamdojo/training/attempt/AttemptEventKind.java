package org.iamdojo.training.attempt;

/**
 * What one entry of an attempt's durable log records; stored by its name in {@code attempt_event.kind}.
 * Replaying MUTATION, TRAIL, STEP, HINT, CALL and CLOCK in order rebuilds the attempt; GRADE only informs history.
 */
public enum AttemptEventKind {
    /** A successful state change of the sandbox, replayed on restore. */
    MUTATION,
    /** A CloudTrail record (allowed or denied call), restored into the trail. */
    TRAIL,
    /** The learner moved to a step. */
    STEP,
    /** The learner opened a hint of a step. */
    HINT,
    /** A sandbox call the learner made (service, operation, error code): the grader's call history. */
    CALL,
    /** The learner moved sandbox time forward. */
    CLOCK,
    /** A grading: score, maximum, passed, failed checks. */
    GRADE
}
