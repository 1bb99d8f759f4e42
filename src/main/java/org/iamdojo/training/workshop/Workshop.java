package org.iamdojo.training.workshop;

import java.time.Instant;
import java.util.List;

/**
 * One workshop: who runs it, its title, the join code, the time window, the rules and the scenarios in order.
 *
 * @param hintsAllowed whether participants may open hints
 * @param solutionHiddenUntilEnd whether the reference solution stays hidden until {@code endsAt}
 */
public record Workshop(String id, long instructorId, String title, String joinCode, Instant startsAt, Instant endsAt,
                       boolean hintsAllowed, boolean solutionHiddenUntilEnd, Instant createdAt,
                       List<String> scenarioIds) {

    /** Copies the scenario list. */
    public Workshop {
        scenarioIds = List.copyOf(scenarioIds);
    }

    /** The join link's path (the UI prefixes the server address). */
    public String joinPath() {
        return "join/" + joinCode;
    }

    /** Whether the workshop is over at {@code now}. */
    public boolean endedAt(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Whether participants may see the reference solution at {@code now}. */
    public boolean solutionVisibleAt(Instant now) {
        return !solutionHiddenUntilEnd || endedAt(now);
    }
}
