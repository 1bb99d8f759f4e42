package org.iamdojo.training.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.iamdojo.scenario.Text;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a workshop's live board: one row per participant, one cell per scenario, a class summary, and
 * when it was taken (every change stored before {@code takenAt} is on it).
 */
public record Board(Workshop workshop, List<Row> rows, Summary summary, Instant takenAt) {

    /** Status of a cell that has no attempt yet. */
    public static final String NOT_STARTED = "NOT_STARTED";

    /**
     * One participant's progress in one scenario.
     *
     * @param attemptId null when not started
     * @param status NOT_STARTED, IN_PROGRESS or COMPLETED
     * @param score the latest grade, null when never graded
     * @param actions the sandbox calls made in the attempt (console and terminal)
     */
    public record Cell(String scenarioId, @Nullable String attemptId, String status, @Nullable Integer score,
                       @Nullable Integer max, int hintsUsed, int actions, @Nullable Instant lastActivity) {
        /** Whether every check passed at least once. */
        public boolean finished() {
            return "COMPLETED".equals(status);
        }
    }

    /** One participant's row. */
    public record Row(long memberId, String username, List<Cell> cells) {
        /** The sum of the latest scores. */
        public int totalScore() {
            return cells.stream().mapToInt(c -> c.score() == null ? 0 : c.score()).sum();
        }

        /** How many scenarios the participant finished. */
        public int finishedCount() {
            return (int) cells.stream().filter(Cell::finished).count();
        }

        /** Hints opened across the scenarios. */
        public int hintsUsed() {
            return cells.stream().mapToInt(Cell::hintsUsed).sum();
        }

        /** The latest activity in any scenario, or null. */
        public @Nullable Instant lastActivity() {
            return cells.stream().map(Cell::lastActivity).filter(Objects::nonNull).max(Instant::compareTo)
                    .orElse(null);
        }

        /** Whether the participant finished every scenario. */
        public boolean finishedAll() {
            return !cells.isEmpty() && finishedCount() == cells.size();
        }
    }

    /** A check that participants' latest gradings failed, and how many participants failed it. */
    public record FailedCheck(String scenarioId, int checkIndex, Text title, int participants) {
    }

    /**
     * The class at a glance.
     *
     * @param finishedPerScenario participants who finished each scenario, in the workshop's order
     * @param mostFailed the checks failed most often in the latest gradings, most first (what to explain next)
     */
    public record Summary(int participants, int finishedAll, List<Integer> finishedPerScenario,
                          List<FailedCheck> mostFailed) {
    }
}
