package org.iamdojo.training.attempt;

/**
 * The attempt's log moved on without this copy of it: another node (or an older copy on this one) appended the
 * entry this copy was about to write. Each log entry has a per-attempt sequence number that the database keeps
 * unique, so the loser of such a race never writes a fork; its in-memory sandbox is stale and is dropped, and
 * the next open rebuilds the attempt from the log as the database has it (issue 20, item 2).
 */
public class AttemptSupersededException extends RuntimeException {
    private final String attemptId;

    public AttemptSupersededException(String attemptId) {
        super("Attempt " + attemptId + " was changed elsewhere; reload it");
        this.attemptId = attemptId;
    }

    /** The attempt whose copy is stale. */
    public String attemptId() {
        return attemptId;
    }
}
