package org.iamdojo.training.attempt;

/** Where an attempt stands; stored by its name in {@code attempt.status}. */
public enum AttemptStatus {
    /** Started and not yet passed. */
    IN_PROGRESS,
    /** Every check passed once (it stays completed when later gradings fail). */
    COMPLETED,
    /** Replaced by a fresh attempt of the same scenario. */
    RESET
}
